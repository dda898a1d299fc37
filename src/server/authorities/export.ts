import {
  AUTHORITY_FIELDS,
  type AuthoritiesDocument,
  type AuthorityField,
  type AuthorityRole,
  type FieldValue,
} from "../../shared/authorities";
import { csvDocument } from "../directory/formats/csv";
import { A4, loadFonts, pdfBuffer } from "../directory/formats/pdf";
import { loadPdfKit } from "../libs";

/*
 * A release of the authorities directory as CSV (one row per Party and authority, each field with
 * its source) and PDF (per Party, each authority, where each field comes from, and the
 * discrepancies with the declarations). Built from the frozen document; English.
 */

const ROLE_LABEL: Record<AuthorityRole, string> = {
  mla: "Art. 27 central authority (mutual assistance)",
  extradition: "Art. 24 extradition",
  provisionalArrest: "Art. 24 provisional arrest",
};
const FIELD_LABEL: Record<AuthorityField, string> = {
  name: "Name",
  address: "Address",
  phones: "Phones",
  emails: "E-mails",
  languages: "Languages",
  channels: "Accepted channels",
  notes: "Notes",
};
const SOURCE_LABEL = { party: "Party", declaration: "Declaration" } as const;

const cell = (v: FieldValue) => (Array.isArray(v) ? v.join("; ") : (v ?? ""));

export function authoritiesCsv(doc: AuthoritiesDocument): string {
  const header = [
    "party",
    "party_name",
    "provided",
    "role",
    "article",
    "declaration_reference",
    "declaration_date",
    ...AUTHORITY_FIELDS.flatMap((f) => [f, `${f}_source`, `${f}_declared`]),
  ];
  const rows: string[][] = [header];
  for (const p of doc.parties) {
    for (const r of p.authorities) {
      rows.push([
        p.iso2,
        p.nameEn,
        p.provided ? "yes" : "no",
        r.role,
        String(r.article),
        r.declaration?.reference ?? "",
        r.declaration?.declaredOn ?? "",
        ...AUTHORITY_FIELDS.flatMap((f) => {
          const v = r.fields[f];
          return [cell(v.value), v.source ?? "", v.discrepancy ? cell(v.declared) : ""];
        }),
      ]);
    }
  }
  return csvDocument(rows);
}

const MARGIN = 50;
const WIDTH = A4.width - 2 * MARGIN;

export async function authoritiesPdf(doc: AuthoritiesDocument): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const PDFDocument = await loadPdfKit();
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: {
      Title: `Authorities for mutual assistance and extradition – ${doc.version}`,
      Creator: "Vigil",
      CreationDate: new Date(doc.publishedAt),
    },
    lang: "en",
  });
  const done = pdfBuffer(pdf);
  pdf.registerFont("Body", regular);
  pdf.registerFont("Bold", bold);
  pdf
    .font("Bold")
    .fontSize(15)
    .text("Complementary directory of authorities for mutual assistance (Art. 27) and extradition (Art. 24)", {
      width: WIDTH,
    });
  pdf
    .font("Body")
    .fontSize(9)
    .text(
      `Version ${doc.version}, published ${doc.publishedAt.slice(0, 10)}. ${doc.provided}/${doc.total} Parties provided input.`,
    );
  pdf.text("Shared with the Parties to the Convention on Cybercrime only: not for publication.");
  if (doc.notes) pdf.text(doc.notes, { width: WIDTH });
  for (const p of doc.parties) {
    pdf.moveDown();
    pdf
      .font("Bold")
      .fontSize(12)
      .text(`${p.nameEn} (${p.iso2})${p.provided ? "" : " — no input yet"}`, { width: WIDTH });
    for (const r of p.authorities) {
      if (!AUTHORITY_FIELDS.some((f) => r.fields[f].value !== null)) continue;
      pdf.moveDown(0.3);
      pdf.font("Bold").fontSize(10).text(ROLE_LABEL[r.role], { width: WIDTH });
      for (const f of AUTHORITY_FIELDS) {
        const v = r.fields[f];
        if (v.value === null) continue;
        const source =
          v.source === "declaration" && r.declaration
            ? `declaration ${r.declaration.reference}, ${r.declaration.declaredOn}`
            : v.source
              ? SOURCE_LABEL[v.source].toLowerCase()
              : "";
        pdf
          .font("Body")
          .fontSize(9)
          .text(`${FIELD_LABEL[f]}: ${cell(v.value).replace(/; /g, ", ")} [${source}]`, { width: WIDTH });
        if (v.discrepancy) {
          pdf
            .fontSize(8)
            .fillColor("#c92a2a")
            .text(`   Differs from the declaration: ${cell(v.declared).replace(/; /g, ", ")}`, { width: WIDTH })
            .fillColor("black");
        }
      }
    }
  }
  pdf.end();
  return done;
}

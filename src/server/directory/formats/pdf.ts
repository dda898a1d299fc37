import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  ackTargetsOf,
  type DirectoryDocument,
  type ReleaseContactPoint,
  type ReleaseParty,
} from "../../../shared/directory";
import { loadPdfKit } from "../../libs";
import { encodeOpeningHours } from "./cells";
import {
  CONTACT_POINT_TYPE_LABELS,
  FUNCTION_LABELS,
  formatDate,
  languageNames,
  NETWORK_LABELS,
  STATUS_LABELS,
  TEMPLATE_LABELS,
  versionLine,
} from "./labels";

/**
 * The printable directory: A4, one block per Party, the version, the publication date and
 * "page n / N" on every page, so a printed page found on a desk says how current it is.
 *
 * The font is DejaVu Sans from the dejavu-fonts-ttf package, embedded (subset) in the file: a
 * fresh server may have no system fonts at all, and pdfkit's built-in Helvetica has no glyphs
 * beyond Latin-1 ("Türkiye" would print, "Ş" or "Ł" would not).
 */

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
export function loadFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    bold: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  };
  return fonts;
}

export const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 56, bottom: 64, left: 50, right: 50 };
/** The bytes of a document, once `end()` is called; listen before writing anything. */
export function pdfBuffer(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
}

const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const INDENT = 14;

/** One line of a block: an optional bold label, then text. */
type Line = { label?: string; text: string; size: number; bold?: boolean; indent?: number; gapBefore?: number };

function partyHeading(p: ReleaseParty): Line[] {
  const facts = [STATUS_LABELS[p.status]];
  if (p.conventionRatifiedOn) facts.push(`Convention ratified ${formatDate(p.conventionRatifiedOn)}`);
  facts.push(
    p.sapRatifiedOn
      ? `Second Additional Protocol ratified ${formatDate(p.sapRatifiedOn)}`
      : "Second Additional Protocol not ratified",
  );
  const lines: Line[] = [
    { text: `${p.nameEn} / ${p.nameFr} (${p.iso2})`, size: 13, bold: true, gapBefore: 10 },
    { text: facts.join(" · "), size: 8.5 },
  ];
  if (p.altNames.length) lines.push({ text: `Also known as: ${p.altNames.join(", ")}`, size: 8.5 });
  return lines;
}

function legalProfileLines(p: ReleaseParty): Line[] {
  const lp = p.legalProfile;
  const lines: Line[] = [];
  const add = (label: string, text: string | null | undefined) => {
    if (text) lines.push({ label, text, size: 8.5, indent: 0 });
  };
  if (lp.preservationDays !== null || lp.preservationExtendable !== null) {
    const parts = [lp.preservationDays !== null ? `${lp.preservationDays} days` : "duration not given"];
    if (lp.preservationExtendable !== null) parts.push(lp.preservationExtendable ? "extendable" : "not extendable");
    add("Preservation: ", parts.join(", ") + (lp.extensionNote ? `. ${lp.extensionNote}` : ""));
  }
  add("Provider retention: ", lp.providerRetention);
  // Only a Party's own targets: the Network defaults are the same for everyone and not repeated.
  if (lp.ackTargetMinutes != null || lp.emergencyAckTargetMinutes != null) {
    const targets = ackTargetsOf(lp);
    add("Acknowledgement within: ", `${targets.normal} minutes; emergencies ${targets.emergency} minutes`);
  }
  if (lp.acceptedLanguages.length) add("Requests accepted in: ", languageNames(lp.acceptedLanguages));
  if (lp.acceptedTemplates.length)
    add("Templates accepted: ", lp.acceptedTemplates.map((t) => TEMPLATE_LABELS[t] ?? t).join(", "));
  add("Notes: ", lp.notes);
  if (lines.length) lines.unshift({ text: "Legal profile", size: 9, bold: true, gapBefore: 4 });
  return lines;
}

function availability(cp: ReleaseContactPoint): string {
  if (cp.available247) return `24/7 (time zone ${cp.timeZone})`;
  const hours = encodeOpeningHours(cp.openingHours) || "hours not given";
  return `${hours} (${cp.timeZone})${cp.outOfHours ? `. Outside these hours: ${cp.outOfHours}` : ""}`;
}

function contactPointLines(cp: ReleaseContactPoint, n: number): Line[] {
  const title = [cp.institution, cp.unit].filter(Boolean).join(" – ");
  const lines: Line[] = [
    {
      text: `${n}. ${title}${cp.isPrimary ? "  [primary]" : ""}`,
      size: 10,
      bold: true,
      gapBefore: 7,
    },
    {
      text: `${CONTACT_POINT_TYPE_LABELS[cp.type]} · ${cp.available247 ? "24/7" : "office hours"}`,
      size: 8.5,
      indent: INDENT,
    },
  ];
  const add = (label: string, text: string | null | undefined) => {
    if (text) lines.push({ label, text, size: 9, indent: INDENT });
  };
  add(
    "Phones: ",
    cp.phones
      .map((p) => {
        const marks = [p.available247 ? "24/7" : null, p.note || null].filter(Boolean);
        return marks.length ? `${p.number} (${marks.join(", ")})` : p.number;
      })
      .join("; "),
  );
  add("E-mails: ", cp.emails.map((e) => (e.note ? `${e.address} (${e.note})` : e.address)).join("; "));
  add("Secure channels: ", cp.secureChannels.map((c) => (c.note ? `${c.name} (${c.note})` : c.name)).join("; "));
  add("Availability: ", availability(cp));
  add("Languages: ", languageNames(cp.languages));
  add("Instructions: ", cp.instructions);
  add("Address: ", cp.address);
  add("Functions: ", cp.functions.map((f) => FUNCTION_LABELS[f]).join(", "));
  if (cp.handlesSap) add("Second Additional Protocol: ", "handles requests under the Protocol");
  add("Mutual assistance: ", cp.mlaCoordination);
  add("Networks: ", cp.networks.map((x) => NETWORK_LABELS[x]).join(", "));
  add(
    "Encryption keys: ",
    cp.encryptionKeys
      .map(
        (k) =>
          `${k.kind === "openpgp" ? "OpenPGP" : "S/MIME"} ${k.fingerprint}${k.expiresOn ? ` (expires ${k.expiresOn})` : ""}`,
      )
      .join("; "),
  );
  add("Last confirmed: ", cp.lastConfirmedAt ? formatDate(cp.lastConfirmedAt) : "not yet confirmed");
  return lines;
}

export async function directoryToPdf(doc: DirectoryDocument): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const version = versionLine(doc);
  const PDFDocument = await loadPdfKit();
  const pdf = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true, // footers with "page n / N" are written once the total is known
    autoFirstPage: true,
    info: {
      Title: `24/7 Network directory – ${version}`,
      Subject: "Directory of the 24/7 Network of contact points, Article 35 of the Budapest Convention on Cybercrime",
      Creator: "Vigil",
      // The release's date rather than now: the same release prints to the same file.
      ...(doc.publishedAt ? { CreationDate: new Date(doc.publishedAt) } : {}),
    },
    lang: "en",
  });
  const done = pdfBuffer(pdf);
  pdf.registerFont("Body", regular);
  pdf.registerFont("Bold", bold);

  const bottom = () => A4.height - MARGIN.bottom;
  const heightOf = (lines: Line[]) =>
    lines.reduce((h, l) => {
      pdf.font(l.bold ? "Bold" : "Body").fontSize(l.size);
      return (
        h + (l.gapBefore ?? 0) + pdf.heightOfString(`${l.label ?? ""}${l.text}`, { width: WIDTH - (l.indent ?? 0) })
      );
    }, 0);
  const draw = (lines: Line[]) => {
    for (const l of lines) {
      pdf.y += l.gapBefore ?? 0;
      const x = MARGIN.left + (l.indent ?? 0);
      const width = WIDTH - (l.indent ?? 0);
      if (l.label) {
        pdf.font("Bold").fontSize(l.size).text(l.label, x, pdf.y, { width, continued: true });
        pdf.font("Body").text(l.text);
      } else {
        pdf
          .font(l.bold ? "Bold" : "Body")
          .fontSize(l.size)
          .text(l.text, x, pdf.y, { width });
      }
    }
  };
  /** Starts a new page unless `height` fits in what is left, or could not fit on any page. */
  const keepTogether = (height: number) => {
    if (pdf.y + height > bottom() && height <= bottom() - MARGIN.top) pdf.addPage();
  };

  // Title lines on the first page.
  pdf.font("Bold").fontSize(18).text("Directory of the 24/7 Network of contact points", MARGIN.left, MARGIN.top);
  pdf.font("Body").fontSize(10).text("Article 35 of the Budapest Convention on Cybercrime (ETS No. 185)");
  pdf.moveDown(0.3);
  pdf.font("Bold").fontSize(12).text(version);
  pdf
    .font("Body")
    .fontSize(9)
    .text(
      `${doc.parties.length} Parties, ${doc.parties.reduce((n, p) => n + p.contactPoints.length, 0)} contact points. ` +
        "Restricted: for the members of the 24/7 Network only; do not publish or forward.",
    );
  if (doc.notes) {
    pdf.moveDown(0.3);
    pdf.font("Body").fontSize(9).text(doc.notes, { width: WIDTH });
  }
  pdf.moveDown(0.5);

  for (const party of doc.parties) {
    // Laying out 10,000 contact points takes seconds of CPU: let the server answer other requests
    // between two Parties rather than stall them all until the file is done.
    await new Promise((resolve) => setImmediate(resolve));
    const heading = [...partyHeading(party), ...legalProfileLines(party)];
    const blocks = party.contactPoints.map((cp, i) => contactPointLines(cp, i + 1));
    const first = blocks[0] ?? [{ text: "No contact point designated.", size: 9, indent: INDENT, gapBefore: 4 }];
    if (blocks.length === 0) blocks.push(first);
    // A Party's heading never ends a page alone: it stays with its first contact point.
    keepTogether(heightOf(heading) + heightOf(first));
    // A hairline above each Party, in the heading's leading space, to guide the eye.
    const ruleY = pdf.y + 4;
    pdf
      .moveTo(MARGIN.left, ruleY)
      .lineTo(MARGIN.left + WIDTH, ruleY)
      .lineWidth(0.5)
      .strokeColor("#aaaaaa")
      .stroke();
    pdf.strokeColor("black");
    draw(heading);
    blocks.forEach((block, i) => {
      if (i > 0) keepTogether(heightOf(block));
      draw(block);
    });
    pdf.moveDown(0.4);
  }

  // Header and footer on every page, now that the number of pages is known.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing inside the margins must not make pdfkit start another page.
    const saved = pdf.page.margins;
    pdf.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    pdf.font("Body").fontSize(7.5).fillColor("#555555");
    pdf.text(`24/7 Network directory · ${version} · Restricted`, MARGIN.left, 28, { width: WIDTH, lineBreak: false });
    pdf.text(`${version} · page ${i - range.start + 1} / ${range.count}`, MARGIN.left, A4.height - 40, {
      width: WIDTH,
      align: "right",
      lineBreak: false,
    });
    pdf.fillColor("black");
    pdf.page.margins = saved;
  }
  pdf.end();
  return done;
}

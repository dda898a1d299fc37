import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from "docx";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { foldSpaced } from "../../../shared/text";
import { DOCX_HEADERS, directoryToDocx, normalisePhone, parseLegacyDocxTable } from "./docx";
import { sampleDirectory } from "./sample";

/** Party names (English, French, alternative) and codes → ISO code, as the lead's resolver would. */
function resolverFor(parties: { iso2: string; nameEn: string; nameFr: string; altNames: string[] }[]) {
  const names = new Map<string, string>();
  for (const p of parties)
    for (const n of [p.iso2, p.nameEn, p.nameFr, ...p.altNames]) names.set(foldSpaced(n), p.iso2);
  return (name: string) => names.get(foldSpaced(name)) ?? null;
}

function documentXml(buf: Buffer): string {
  return new TextDecoder().decode(unzipSync(new Uint8Array(buf))["word/document.xml"]);
}

/** A .docx with one table, built with the docx package as Word would save it. */
async function docxWithTable(rows: (string | { text: string; merge?: "restart" | "continue" })[][]) {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun("Directory of 24/7 points of contact (legacy)")] }),
          new Table({
            rows: rows.map(
              (cells) =>
                new TableRow({
                  children: cells.map((c) => {
                    const spec = typeof c === "string" ? { text: c } : c;
                    return new TableCell({
                      ...(spec.merge
                        ? {
                            verticalMerge:
                              spec.merge === "restart" ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
                          }
                        : {}),
                      // Lines as Word writes them: a paragraph per line, or line breaks in one run.
                      children: [
                        new Paragraph({
                          children: [
                            new TextRun({ text: spec.text.split("\n")[0] ?? "" }),
                            ...spec.text
                              .split("\n")
                              .slice(1)
                              .map((t) => new TextRun({ text: t, break: 1 })),
                          ],
                        }),
                      ],
                    });
                  }),
                }),
            ),
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe("directoryToDocx", () => {
  it("writes a landscape document with the version in its heading and a repeating table header", async () => {
    const buf = await directoryToDocx(sampleDirectory());
    const xml = documentXml(buf);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(xml).toContain("Directory of the 24/7 Network of contact points – Version 2024-12 of 16 December 2024");
    expect(xml).toContain("<w:tblHeader/>");
    for (const h of DOCX_HEADERS) expect(xml).toContain(`>${h}<`);
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain("Côte d&apos;Ivoire");
    // One header row, then one row per contact point.
    expect(xml.match(/<w:tr>|<w:tr /g)).toHaveLength(1 + 5);
  });

  it("reads its own export back: Parties, primary first, and the fields a table carries", async () => {
    const doc = sampleDirectory();
    const buf = await directoryToDocx(doc);
    const parsed = await parseLegacyDocxTable(buf, resolverFor(doc.parties));
    expect(parsed.errors).toEqual([]);
    expect(parsed.parties.map((p) => [p.iso2, p.line, p.party, p.legalProfile])).toEqual([
      ["BJ", 2, null, null],
      ["CI", 3, null, null],
      ["RO", 5, null, null],
    ]);
    const carried = (cp: (typeof doc.parties)[0]["contactPoints"][0]) => ({
      isPrimary: cp.isPrimary,
      type: cp.type,
      institution: cp.institution,
      unit: cp.unit,
      phones: cp.phones,
      emails: cp.emails,
      secureChannels: cp.secureChannels,
      available247: cp.available247,
      timeZone: cp.timeZone,
      openingHours: cp.openingHours,
      outOfHours: cp.outOfHours,
      languages: cp.languages,
      instructions: cp.instructions,
    });
    doc.parties.forEach((party, i) => {
      const got = parsed.parties[i]!.contactPoints;
      expect(got.map((c) => c.id)).toEqual(party.contactPoints.map(() => null));
      expect(got.map((c) => carried({ ...c.fields, id: "", lastConfirmedAt: null }))).toEqual(
        party.contactPoints.map(carried),
      );
    });
  });

  it("keeps a Party without contact points", async () => {
    const doc = sampleDirectory();
    doc.parties.push({
      ...doc.parties[0]!,
      iso2: "TO",
      nameEn: "Tonga",
      nameFr: "Tonga",
      altNames: [],
      contactPoints: [],
    });
    const parsed = await parseLegacyDocxTable(await directoryToDocx(doc), resolverFor(doc.parties));
    expect(parsed.errors).toEqual([]);
    expect(parsed.parties.at(-1)).toEqual({ line: 7, iso2: "TO", party: null, legalProfile: null, contactPoints: [] });
  });
});

describe("parseLegacyDocxTable", () => {
  const resolve = resolverFor([
    { iso2: "RO", nameEn: "Romania", nameFr: "Roumanie", altNames: [] },
    { iso2: "BJ", nameEn: "Benin", nameFr: "Bénin", altNames: [] },
  ]);

  it("reads a legacy table: other headers, merged Party cells, defaults, and row errors", async () => {
    const buf = await docxWithTable([
      ["COUNTRY", "Authority", "Telephone", "E-mail", "Availability", "Remarks"],
      [
        { text: "Romania", merge: "restart" },
        "DIICOT\nCybercrime Service",
        "0099 21 555 0400",
        "duty@example.org, backup@example.org (nights)",
        "24/7",
        "Call before sending",
      ],
      [
        // The text of a continued merge is not shown by Word, and is not read.
        { text: "IGNORED", merge: "continue" },
        "Romanian Police",
        "+99 21 555 0500; 021 555 0600 (office)",
        "cyber@example.org",
        "24/7",
        "",
      ],
      ["Atlantis", "Atlantean Police", "+99 1 555 0100", "police@example.org", "24/7", ""],
      [
        "Benin",
        "Police Républicaine\nBrigade économique",
        "+99 (0)229-555.0900",
        "brigade@example.org",
        "24h/24 – Africa/Porto-Novo",
        "French only",
      ],
    ]);
    const parsed = await parseLegacyDocxTable(buf, resolve);
    expect(parsed.errors).toEqual([
      { line: 3, field: "Telephone", message: "Phone number must be in E.164 form, e.g. +99 21 555 0100 (item 2)" },
      { line: 4, field: "COUNTRY", message: "Unknown Party 'Atlantis'" },
    ]);
    expect(parsed.parties.map((p) => p.iso2)).toEqual(["RO", "BJ"]);
    const [ro, bj] = parsed.parties;
    expect(ro!.line).toBe(2);
    expect(ro!.contactPoints).toHaveLength(1);
    expect(ro!.contactPoints[0]).toMatchObject({
      line: 2,
      id: null,
      lastConfirmedAt: null,
      fields: {
        isPrimary: true,
        type: "other",
        institution: "DIICOT",
        unit: "Cybercrime Service",
        phones: [{ number: "+99215550400", available247: true }],
        emails: [{ address: "duty@example.org" }, { address: "backup@example.org", note: "nights" }],
        available247: true,
        timeZone: "UTC",
        languages: ["en"],
        instructions: "Call before sending",
        openingHours: null,
      },
    });
    expect(bj!.contactPoints[0]).toMatchObject({
      line: 5,
      fields: {
        isPrimary: true,
        type: "police",
        institution: "Police Républicaine",
        unit: "Brigade économique",
        phones: [{ number: "+992295550900", available247: true }],
        timeZone: "Africa/Porto-Novo",
      },
    });
  });

  it("names the column of a row error in the file's own words, and validates the primary", async () => {
    const buf = await docxWithTable([
      ["Country", "Authority", "Type", "Telephone", "Email", "Availability", "Working languages"],
      ["Benin", "OCRC", "Police", "+99 229 555 010", "ocrc@example.org", "Mon-Fri 08:00-17:00", "French, Klingon"],
      ["Romania", "DIICOT", "Prosecutor's office", "+99 21 555 0400", "not an address", "24/7", "Romanian and English"],
    ]);
    const parsed = await parseLegacyDocxTable(buf, resolve);
    expect(parsed.errors).toEqual([
      { line: 2, field: "Working languages", message: "Unknown language 'Klingon'" },
      { line: 2, field: "Availability", message: "The primary contact point must be reachable 24/7 (Article 35)" },
      { line: 2, field: "Availability", message: "Say what to do outside opening hours" },
      { line: 3, field: "Email", message: "Invalid e-mail address (item 1)" },
    ]);
  });

  it("accepts a merged row's second line and languages written as codes or names", async () => {
    const buf = await docxWithTable([
      ["Party", "Institution", "Phone", "Availability", "Languages"],
      ["Romania", "DIICOT", "+99 21 555 0400 (duty)", "24/7\nTime zone: Europe/Bucharest", "ro, English, français"],
      ["", "Romanian Police", "+99 21 555 0500", "Mon-Fri 8-16\nOutside office hours: call DIICOT", "RO"],
      ["Benin", "OCRC", "+99 229 555 010", "24/7", "français et anglais"],
      ["Benin", "CERT", "+99 229 555 011", "24/7", "et, en"],
    ]);
    const parsed = await parseLegacyDocxTable(buf, resolve);
    expect(parsed.errors).toEqual([]);
    const [first, second] = parsed.parties[0]!.contactPoints;
    expect(first!.fields).toMatchObject({
      languages: ["ro", "en", "fr"],
      timeZone: "Europe/Bucharest",
      phones: [{ number: "+99215550400", note: "duty", available247: true }],
    });
    expect(second!.fields).toMatchObject({
      isPrimary: false,
      available247: false,
      openingHours: [{ days: [1, 2, 3, 4, 5], from: "08:00", to: "16:00" }],
      outOfHours: "call DIICOT",
      phones: [{ number: "+99215550500", available247: false }],
    });
    const [ocrc, cert] = parsed.parties[1]!.contactPoints;
    expect(ocrc!.fields.languages).toEqual(["fr", "en"]);
    // "et" alone is Estonian, not the French "and".
    expect(cert!.fields).toMatchObject({ languages: ["et", "en"], type: "cybersecurity", isPrimary: false });
  });

  it("explains files it cannot read", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]);
    expect((await parseLegacyDocxTable(ole, resolve)).errors[0]!.message).toMatch(/Word 97-2003 \.doc/);
    expect((await parseLegacyDocxTable(Buffer.from("hello"), resolve)).errors[0]!.message).toMatch(/not a zip/);
    const noDocument = Buffer.from(zipSync({ "a.txt": new Uint8Array([1]) }));
    expect((await parseLegacyDocxTable(noDocument, resolve)).errors[0]!.message).toMatch(/word\/document\.xml/);
    const noTable = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("no table")] }] }));
    expect((await parseLegacyDocxTable(noTable, resolve)).errors).toEqual([
      { line: 1, field: null, message: "The document has no table" },
    ]);
    const noHeader = await docxWithTable([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect((await parseLegacyDocxTable(noHeader, resolve)).errors[0]!.message).toMatch(/no header row/);
  });

  it("normalises phone numbers to E.164", () => {
    expect(normalisePhone("0099 21 555-01.00")).toBe("+99215550100");
    expect(normalisePhone("+99 (0)21 555 0100")).toBe("+99215550100");
    expect(normalisePhone("+99 (21) 555 0100")).toBe("+99215550100");
    expect(normalisePhone("+99.21.555.01.00")).toBe("+99215550100");
  });
});

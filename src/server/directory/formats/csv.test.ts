import { describe, expect, it } from "vitest";
import {
  CONTACT_POINT_FIELD_NAMES,
  type DirectoryDocument,
  LEGAL_PROFILE_FIELD_NAMES,
  type ReleaseParty,
} from "../../../shared/directory";
import { CSV_COLUMNS, directoryToCsv, parseDirectoryCsv, readCsvRecords } from "./csv";
import { documentToParsed, type ParsedImport } from "./parsed-import";
import { sampleDirectory } from "./sample";

/** The parsed shape without line numbers, which depend on the file. */
function withoutLines(parsed: ParsedImport["parties"]) {
  return parsed.map(({ line: _l, contactPoints, ...p }) => ({
    ...p,
    contactPoints: contactPoints.map(({ line: _cl, ...cp }) => cp),
  }));
}

const lonelyParty: ReleaseParty = {
  iso2: "TO",
  nameEn: "Tonga",
  nameFr: "Tonga",
  altNames: [],
  status: "party",
  conventionRatifiedOn: "2021-05-09",
  sapRatifiedOn: null,
  legalProfile: {
    providerRetention: null,
    preservationDays: null,
    preservationExtendable: null,
    extensionNote: null,
    acceptedLanguages: [],
    acceptedTemplates: [],
    ackTargetMinutes: null,
    emergencyAckTargetMinutes: null,
    notes: null,
  },
  contactPoints: [],
};

function docWithLonelyParty(): DirectoryDocument {
  const doc = sampleDirectory();
  return { ...doc, parties: [...doc.parties, lonelyParty] };
}

/** Header + the given rows, each a map from column to cell (the rest empty). */
function csvOf(rows: Record<string, string>[], eol = "\r\n"): string {
  const esc = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return [CSV_COLUMNS.join(","), ...rows.map((r) => CSV_COLUMNS.map((c) => esc(r[c] ?? "")).join(","))].join(eol) + eol;
}

const okRow = {
  iso2: "RO",
  name_en: "Romania",
  name_fr: "Roumanie",
  status: "party",
  type: "police",
  institution: "Romanian Police",
  phones: "+99213555050 [24/7]",
  available_247: "yes",
  time_zone: "Europe/Bucharest",
  languages: "ro; en",
};

describe("directoryToCsv", () => {
  it("has a column for every Party, legal profile and contact point field", () => {
    for (const f of LEGAL_PROFILE_FIELD_NAMES) {
      const col = `legal_${f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
      expect(CSV_COLUMNS, f).toContain(col);
    }
    const snake = (f: string) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/(\d+)/, "_$1");
    for (const f of CONTACT_POINT_FIELD_NAMES) expect(CSV_COLUMNS, f).toContain(snake(f));
    expect(CSV_COLUMNS).toContain("id");
    expect(CSV_COLUMNS).toContain("last_confirmed_at");
    expect(CSV_COLUMNS.slice(0, 7)).toEqual([
      "iso2",
      "name_en",
      "name_fr",
      "alt_names",
      "status",
      "convention_ratified_on",
      "sap_ratified_on",
    ]);
  });

  it("writes UTF-8 with a BOM, CRLF, one header and one row per contact point", () => {
    const doc = docWithLonelyParty();
    const csv = directoryToCsv(doc);
    expect(csv.startsWith("\uFEFFiso2,name_en,")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    // Records end with CRLF; newlines inside quoted cells are the values' own "\n".
    expect(csv).not.toMatch(/\r(?!\n)/);
    expect(csv.match(/\r\n/g)).toHaveLength(7);
    const { records } = readCsvRecords(csv);
    // 5 contact points + 1 row for the Party without any + the header.
    expect(records).toHaveLength(1 + 5 + 1);
    expect(records.every((r) => r.cells.length === CSV_COLUMNS.length)).toBe(true);
    const cell = (row: number, col: string) => records[row]!.cells[CSV_COLUMNS.indexOf(col)]!;
    expect(cell(2, "name_en")).toBe("Côte d'Ivoire");
    expect(cell(2, "phones")).toBe("'+99225555020 [24/7] (Officier de permanence\\; 24h/24)");
    expect(cell(3, "opening_hours")).toBe("Mon-Fri 08:00-17:00; Sat 09:00-12:00");
    expect(cell(3, "available_247")).toBe("no");
    expect(cell(4, "legal_accepted_templates")).toBe(
      "art29_preservation; art30_disclosure; art31_subscriber; sap_art9_emergency",
    );
    // The legal profile repeats on each row of the Party.
    expect(cell(4, "legal_preservation_days")).toBe("60");
    expect(cell(5, "legal_preservation_days")).toBe("60");
    expect(cell(4, "legal_ack_target_minutes")).toBe("30");
    expect(cell(4, "legal_emergency_ack_target_minutes")).toBe("10");
    expect(cell(2, "legal_ack_target_minutes")).toBe("");
    expect(cell(6, "iso2")).toBe("TO");
    expect(cell(6, "institution")).toBe("");
    // Quoted newlines stay inside their cell.
    expect(cell(2, "address")).toBe("Fictional address: Abidjan-Plateau,\nBP 000 Abidjan");
  });
});

describe("parseDirectoryCsv", () => {
  it("reads back the export: same Parties, legal profiles and contact points, ids included", () => {
    const doc = docWithLonelyParty();
    const parsed = parseDirectoryCsv(directoryToCsv(doc));
    expect(parsed.errors).toEqual([]);
    expect(withoutLines(parsed.parties)).toEqual(withoutLines(documentToParsed(doc)));
  });

  it("accepts the file without BOM, with LF line ends, and counts lines across quoted newlines", () => {
    const doc = sampleDirectory();
    const lf = directoryToCsv(doc)
      .replace(/^\uFEFF/, "")
      .replace(/\r\n/g, "\n");
    const parsed = parseDirectoryCsv(lf);
    expect(parsed.errors).toEqual([]);
    expect(withoutLines(parsed.parties)).toEqual(withoutLines(documentToParsed(doc)));
    // Benin starts on line 2; Côte d'Ivoire's first row on 3; its address spans two lines, so the
    // second contact point starts on line 5; Romania's instructions span two lines.
    expect(parsed.parties.map((p) => [p.iso2, p.line, p.contactPoints.map((c) => c.line)])).toEqual([
      ["BJ", 2, [2]],
      ["CI", 3, [3, 5]],
      ["RO", 6, [6, 12]],
    ]);
  });

  it("reports errors with the line and the column", () => {
    const csv = csvOf([
      okRow,
      { ...okRow, phones: "0040 21 555", institution: "Second unit" },
      { ...okRow, languages: "ro; xx", available_247: "perhaps" },
      { ...okRow, name_en: "Rumania", phones: "", emails: "not-an-email" },
      { ...okRow, iso2: "", institution: "Somewhere" },
      { ...okRow, iso2: "CI", name_en: "Côte d'Ivoire", name_fr: "", type: "gendarmerie", opening_hours: "all day" },
    ]);
    const { errors } = parseDirectoryCsv(csv);
    expect(errors).toEqual([
      { line: 3, field: "phones", message: "Phone number must be in E.164 form, e.g. +99 21 555 0100 (item 1)" },
      { line: 3, field: "phones", message: "A 24/7 contact point needs at least one phone reachable 24/7" },
      { line: 4, field: "available_247", message: 'Write yes or no, not "perhaps"' },
      { line: 4, field: "languages", message: "Unknown ISO 639-1 language code (item 2)" },
      {
        line: 5,
        field: "name_en",
        message: '"Rumania" differs from "Romania" on line 2: give the same value on every row of the Party',
      },
      { line: 5, field: "emails", message: "Invalid e-mail address (item 1)" },
      { line: 5, field: "phones", message: "A 24/7 contact point needs at least one phone reachable 24/7" },
      { line: 6, field: "iso2", message: "Give the Party's two-letter ISO code" },
      { line: 7, field: "opening_hours", message: 'Write opening hours as "Mon-Fri 08:00-17:00", not "all day"' },
      { line: 7, field: "type", message: expect.stringMatching(/^Invalid option: expected one of "police"/) },
      { line: 7, field: "name_fr", message: "French name is required" },
    ]);
  });

  it("counts a line that follows a multi-line quoted cell correctly in errors", () => {
    const csv = csvOf([
      { ...okRow, address: "line one\nline two\nline three" },
      { ...okRow, time_zone: "Mars/Olympus" },
    ]);
    expect(parseDirectoryCsv(csv).errors).toEqual([{ line: 5, field: "time_zone", message: "Unknown IANA time zone" }]);
  });

  it("refuses two primary contact points, repeated ids, unknown and missing columns", () => {
    const id = "5b0c7a4e-2f8d-4c1a-9e3b-7d6f1a2c3b01";
    const csv = csvOf([
      { ...okRow, is_primary: "yes", id },
      { ...okRow, is_primary: "yes" },
      { ...okRow, id },
      { ...okRow, id: "42" },
    ]);
    expect(parseDirectoryCsv(csv).errors).toEqual([
      { line: 3, field: "is_primary", message: "The Party already has its primary contact point on line 2" },
      { line: 4, field: "id", message: "The same id is on line 2" },
      { line: 5, field: "id", message: "The id must be a UUID (leave it empty for a new contact point)" },
    ]);
    expect(parseDirectoryCsv("iso2,institution,phone\r\nRO,x,y\r\n").errors).toEqual([
      { line: 1, field: "phone", message: 'Unknown column "phone"' },
    ]);
    expect(parseDirectoryCsv("name_en,institution\r\n").errors).toEqual([
      { line: 1, field: "iso2", message: 'Column "iso2" is missing' },
    ]);
    expect(parseDirectoryCsv("").errors).toEqual([{ line: 1, field: null, message: "The file is empty" }]);
    expect(parseDirectoryCsv('iso2,institution\r\nRO,"unclosed\r\n').errors).toEqual([
      { line: 2, field: null, message: "A quoted cell is not closed (missing '\"')" },
    ]);
  });

  it("fills blank Party cells from the Party's other rows and omits absent sections", () => {
    const csv = csvOf([okRow, { ...okRow, name_en: "", name_fr: "", institution: "Second", is_primary: "no" }]);
    const parsed = parseDirectoryCsv(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.parties[0]!.party).toMatchObject({ iso2: "RO", nameEn: "Romania", nameFr: "Roumanie" });
    expect(parsed.parties[0]!.contactPoints.map((c) => [c.id, c.fields.institution])).toEqual([
      [null, "Romanian Police"],
      [null, "Second"],
    ]);
    // A file of contact points only: no Party or legal columns, so neither is read.
    const minimal =
      "iso2,type,institution,phones,available_247,time_zone,languages\nro,police,Unit,+99213555050 [24/7],yes,UTC,en\n";
    const m = parseDirectoryCsv(minimal);
    expect(m.errors).toEqual([]);
    expect(m.parties).toMatchObject([{ iso2: "RO", party: null, legalProfile: null, contactPoints: [{ line: 2 }] }]);
  });

  it("checks the acknowledgement targets, alone and against each other", () => {
    const csv = csvOf([
      { ...okRow, legal_ack_target_minutes: "30", legal_emergency_ack_target_minutes: "45" },
      { ...okRow, iso2: "CI", legal_ack_target_minutes: "ten", legal_emergency_ack_target_minutes: "300" },
      { ...okRow, iso2: "BJ", legal_ack_target_minutes: "20", legal_emergency_ack_target_minutes: "5" },
    ]);
    const parsed = parseDirectoryCsv(csv);
    expect(parsed.errors).toEqual([
      {
        line: 2,
        field: "legal_emergency_ack_target_minutes",
        message: "The emergency target cannot be longer than the normal acknowledgement target",
      },
      { line: 3, field: "legal_ack_target_minutes", message: 'Write a whole number, not "ten"' },
      { line: 3, field: "legal_emergency_ack_target_minutes", message: expect.stringMatching(/<=240/) },
    ]);
    expect(parsed.parties.find((p) => p.iso2 === "BJ")?.legalProfile).toMatchObject({
      ackTargetMinutes: 20,
      emergencyAckTargetMinutes: 5,
    });
  });

  it("writes empty target cells for a release published before the targets existed", () => {
    const doc = sampleDirectory();
    const old = doc.parties[2]!.legalProfile as Record<string, unknown>;
    delete old.ackTargetMinutes;
    delete old.emergencyAckTargetMinutes;
    const { records } = readCsvRecords(directoryToCsv(doc));
    const cells = records[5]!.cells;
    expect(cells[CSV_COLUMNS.indexOf("iso2")]).toBe("RO");
    expect(cells[CSV_COLUMNS.indexOf("legal_ack_target_minutes")]).toBe("");
    expect(cells[CSV_COLUMNS.indexOf("legal_emergency_ack_target_minutes")]).toBe("");
  });

  it("protects cells from spreadsheet formulas and reads them back", () => {
    const doc = sampleDirectory();
    doc.parties[0]!.contactPoints[0]!.instructions = '=HYPERLINK("http://evil")\n- then call';
    doc.parties[0]!.contactPoints[0]!.unit = "'quoted";
    doc.parties[0]!.contactPoints[0]!.mlaCoordination = "'=literal";
    const csv = directoryToCsv(doc);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")`);
    const parsed = parseDirectoryCsv(csv);
    expect(parsed.errors).toEqual([]);
    const cp = parsed.parties[0]!.contactPoints[0]!.fields;
    expect(cp.instructions).toBe('=HYPERLINK("http://evil")\n- then call');
    expect(cp.unit).toBe("'quoted");
    expect(cp.mlaCoordination).toBe("'=literal");
  });
});

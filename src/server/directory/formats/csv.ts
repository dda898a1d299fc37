import { z } from "zod";
import {
  ContactPointFields,
  type DirectoryDocument,
  type ImportRowError,
  Iso2,
  LegalProfileFields,
  type LegalProfileFieldsObject,
  PartyFieldsObject,
  type ReleaseContactPoint,
  type ReleaseParty,
} from "../../../shared/directory";
import {
  type Decoded,
  decodeBool,
  decodeChannels,
  decodeEmails,
  decodeKeys,
  decodeList,
  decodeOpeningHours,
  decodePhones,
  encodeBool,
  encodeChannels,
  encodeEmails,
  encodeKeyMaterial,
  encodeKeys,
  encodeList,
  encodeOpeningHours,
  encodePhones,
} from "./cells";
import { type ParsedContactPoint, type ParsedImport, type ParsedParty, sortErrors } from "./parsed-import";

/**
 * The directory as one spreadsheet: RFC 4180, UTF-8 with a byte-order mark (so Excel reads the
 * accents), CRLF, one row per contact point with its Party's fields and legal profile repeated.
 * The column set and the text of multi-valued cells are specified in docs/directory-formats.md;
 * parseDirectoryCsv reads the same files back.
 */

// Columns -------------------------------------------------------------------------------------

/** A cell's text from the value, and the value (or a message) from the text. */
type Codec<T> = { encode: (v: T) => string; decode: (cell: string) => Decoded<unknown> };

const text: Codec<string> = { encode: (v) => v, decode: (c) => ({ ok: true, value: c.trim() }) };
const optText: Codec<string | null> = {
  encode: (v) => v ?? "",
  decode: (c) => ({ ok: true, value: c.trim() === "" ? null : c.trim() }),
};
const list: Codec<readonly string[]> = { encode: encodeList, decode: (c) => ({ ok: true, value: decodeList(c) }) };
/** A yes/no that the schema defaults when left empty. */
const flag: Codec<boolean> = {
  encode: encodeBool,
  decode: (c) => {
    const r = decodeBool(c);
    return r.ok ? { ok: true, value: r.value ?? undefined } : r;
  },
};
/** A yes/no that must be given. */
const requiredFlag: Codec<boolean> = {
  encode: encodeBool,
  decode: (c) => {
    const r = decodeBool(c);
    if (r.ok && r.value === null) return { ok: false, message: "Write yes or no" };
    return r;
  },
};
const optFlag: Codec<boolean | null> = { encode: encodeBool, decode: decodeBool };
const optInt: Codec<number | null | undefined> = {
  // undefined: a field the document predates (releases published before it was added).
  encode: (v) => (v === null || v === undefined ? "" : String(v)),
  decode: (c) => {
    const v = c.trim();
    if (v === "") return { ok: true, value: null };
    if (!/^-?\d+$/.test(v)) return { ok: false, message: `Write a whole number, not "${v}"` };
    return { ok: true, value: Number(v) };
  },
};

type PartyKey = keyof z.input<typeof PartyFieldsObject>;
const PARTY_COLUMNS: [string, PartyKey, Codec<never>][] = [
  ["iso2", "iso2", text],
  ["name_en", "nameEn", text],
  ["name_fr", "nameFr", text],
  ["alt_names", "altNames", list],
  ["status", "status", text],
  ["convention_ratified_on", "conventionRatifiedOn", optText],
  ["sap_ratified_on", "sapRatifiedOn", optText],
];

type LegalKey = keyof z.input<typeof LegalProfileFieldsObject>;
const LEGAL_COLUMNS: [string, LegalKey, Codec<never>][] = [
  ["legal_provider_retention", "providerRetention", optText],
  ["legal_preservation_days", "preservationDays", optInt],
  ["legal_preservation_extendable", "preservationExtendable", optFlag],
  ["legal_extension_note", "extensionNote", optText],
  ["legal_accepted_languages", "acceptedLanguages", list],
  ["legal_accepted_templates", "acceptedTemplates", list],
  ["legal_ack_target_minutes", "ackTargetMinutes", optInt],
  ["legal_emergency_ack_target_minutes", "emergencyAckTargetMinutes", optInt],
  ["legal_notes", "notes", optText],
];

/**
 * Contact point columns, in the order of the shared schema's fields. Typed by the release's
 * contact point so that a field added to the schema without a column fails to compile here.
 */
type CpKey = keyof ReleaseContactPoint;
const CP_SIMPLE: Record<Exclude<CpKey, "encryptionKeys">, [string, Codec<never>]> = {
  id: ["id", optText],
  isPrimary: ["is_primary", flag],
  type: ["type", text],
  institution: ["institution", text],
  unit: ["unit", optText],
  address: ["address", optText],
  phones: ["phones", { encode: encodePhones, decode: decodePhones }],
  emails: ["emails", { encode: encodeEmails, decode: decodeEmails }],
  secureChannels: ["secure_channels", { encode: encodeChannels, decode: decodeChannels }],
  available247: ["available_247", requiredFlag],
  timeZone: ["time_zone", text],
  openingHours: ["opening_hours", { encode: encodeOpeningHours, decode: decodeOpeningHours }],
  outOfHours: ["out_of_hours", optText],
  languages: ["languages", list],
  instructions: ["instructions", optText],
  functions: ["functions", list],
  handlesSap: ["handles_sap", flag],
  mlaCoordination: ["mla_coordination", optText],
  networks: ["networks", list],
  sharedWithObservers: ["shared_with_observers", flag],
  lastConfirmedAt: ["last_confirmed_at", optText],
};
const KEYS_COLUMN = "encryption_keys";
const KEY_MATERIAL_COLUMN = "encryption_public_keys";

/** The contact point columns in export order: id first, then the schema's order, then last_confirmed_at. */
const CP_ORDER: CpKey[] = [
  "id",
  "isPrimary",
  "type",
  "institution",
  "unit",
  "address",
  "phones",
  "emails",
  "secureChannels",
  "available247",
  "timeZone",
  "openingHours",
  "outOfHours",
  "languages",
  "instructions",
  "functions",
  "handlesSap",
  "mlaCoordination",
  "networks",
  "encryptionKeys",
  "sharedWithObservers",
  "lastConfirmedAt",
];

function cpColumnNames(key: CpKey): string[] {
  return key === "encryptionKeys" ? [KEYS_COLUMN, KEY_MATERIAL_COLUMN] : [CP_SIMPLE[key][0]];
}

export const CSV_COLUMNS: readonly string[] = [
  ...PARTY_COLUMNS.map(([c]) => c),
  ...LEGAL_COLUMNS.map(([c]) => c),
  ...CP_ORDER.flatMap(cpColumnNames),
];
const CP_COLUMN_SET = new Set(CP_ORDER.flatMap(cpColumnNames));
/** As the release schema writes lastConfirmedAt, so a value read back is the one exported. */
const ISO_DATETIME = z.iso.datetime();

// Writing -------------------------------------------------------------------------------------

/**
 * Excel and LibreOffice run a cell that starts with = + - @ (or tab, CR) as a formula: a phone
 * number "+99…" would be mangled, and a crafted value could run one (CSV injection). Such cells
 * get a leading apostrophe, as OWASP recommends; the parser removes it again.
 */
function guardFormula(cell: string): string {
  return /^['=+\-@\t\r]/.test(cell) && !/^'[^=+\-@\t\r']/.test(cell) && cell !== "'" ? `'${cell}` : cell;
}

function unguardFormula(cell: string): string {
  return /^'[=+\-@\t\r']/.test(cell) ? cell.slice(1) : cell;
}

/** One CSV cell, guarded against formulas and quoted when needed (also used by other modules' CSV exports). */
export function quote(cell: string): string {
  const guarded = guardFormula(cell);
  return /[",\r\n]/.test(guarded) || /^\s|\s$/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function partyCells(p: ReleaseParty): string[] {
  return [
    ...PARTY_COLUMNS.map(([, key, codec]) => (codec.encode as (v: unknown) => string)(p[key])),
    ...LEGAL_COLUMNS.map(([, key, codec]) => (codec.encode as (v: unknown) => string)(p.legalProfile[key])),
  ];
}

function contactPointCells(cp: ReleaseContactPoint | null): string[] {
  return CP_ORDER.flatMap((key) => {
    if (!cp) return cpColumnNames(key).map(() => "");
    if (key === "encryptionKeys") return [encodeKeys(cp.encryptionKeys), encodeKeyMaterial(cp.encryptionKeys)];
    return [(CP_SIMPLE[key][1].encode as (v: unknown) => string)(cp[key])];
  });
}

/** Rows as a CSV file: RFC 4180, CRLF, a BOM so that spreadsheets read UTF-8, cells guarded against formulas. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
}

export function directoryToCsv(doc: DirectoryDocument): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const party of doc.parties) {
    const fixed = partyCells(party);
    // A Party without contact points still has its row, so its names and profile travel too.
    const cps = party.contactPoints.length ? party.contactPoints : [null];
    for (const cp of cps) rows.push([...fixed, ...contactPointCells(cp)]);
  }
  return csvDocument(rows);
}

// Reading -------------------------------------------------------------------------------------

export type CsvRecord = { line: number; cells: string[] };

/**
 * RFC 4180 records with the physical line each starts on (quoted cells may span lines). Accepts
 * CRLF, LF or CR, with or without a BOM; a newline inside a quoted cell is read as "\n".
 */
export function readCsvRecords(input: string): { records: CsvRecord[]; error: ImportRowError | null } {
  const textIn = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let cell = "";
  let quoted = false; // inside quotes
  let wasQuoted = false; // the current cell started with a quote
  const endCell = () => {
    cells.push(cell);
    cell = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endCell();
    records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < textIn.length; i++) {
    const c = textIn.charAt(i);
    if (quoted) {
      if (c === '"') {
        if (textIn[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else if (c === "\r" || c === "\n") {
        if (c === "\r" && textIn[i + 1] === "\n") i++;
        cell += "\n";
        line++;
      } else cell += c;
      continue;
    }
    if (c === '"' && cell === "" && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (c === ",") endCell();
    else if (c === "\r" || c === "\n") {
      if (c === "\r" && textIn[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += c; // a stray quote inside an unquoted cell is kept as text
  }
  if (quoted) {
    return { records, error: { line: recordLine, field: null, message: "A quoted cell is not closed (missing '\"')" } };
  }
  if (cell !== "" || cells.length > 0 || wasQuoted) endRecord();
  return { records, error: null };
}

type Group = {
  line: number;
  iso2: string;
  /** Party and legal cells by column, with the line each value came from. */
  values: Map<string, { text: string; line: number }>;
  contactPoints: ParsedContactPoint[];
  primaryLine: number | null;
};

export function parseDirectoryCsv(input: string): ParsedImport {
  const { records, error } = readCsvRecords(input);
  if (error) return { parties: [], errors: [error] };
  const header = records[0];
  if (!header) return { parties: [], errors: [{ line: 1, field: null, message: "The file is empty" }] };

  const errors: ImportRowError[] = [];
  const index = new Map<string, number>();
  header.cells.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (name === "") return;
    if (!CSV_COLUMNS.includes(name)) errors.push({ line: 1, field: raw, message: `Unknown column "${raw.trim()}"` });
    else if (index.has(name)) errors.push({ line: 1, field: name, message: `Column "${name}" appears twice` });
    else index.set(name, i);
  });
  for (const required of ["iso2", "institution"]) {
    if (!index.has(required)) errors.push({ line: 1, field: required, message: `Column "${required}" is missing` });
  }
  if (errors.length) return { parties: [], errors };
  // Files made for contact points only may leave out the Party or legal profile columns.
  const carriesParty = PARTY_COLUMNS.some(([c]) => c !== "iso2" && index.has(c));
  const carriesLegal = LEGAL_COLUMNS.some(([c]) => index.has(c));

  const groups = new Map<string, Group>();
  const seenIds = new Map<string, number>();
  for (const record of records.slice(1)) {
    const cell = (column: string) => {
      const i = index.get(column);
      return i === undefined ? "" : unguardFormula(record.cells[i] ?? "");
    };
    if (record.cells.every((c) => c.trim() === "")) continue; // blank line
    if (record.cells.slice(header.cells.length).some((c) => c.trim() !== "")) {
      errors.push({ line: record.line, field: null, message: "The row has more cells than the header has columns" });
      continue;
    }
    const iso = Iso2.safeParse(cell("iso2"));
    if (!iso.success) {
      errors.push({
        line: record.line,
        field: "iso2",
        message: cell("iso2").trim()
          ? (iso.error.issues[0]?.message ?? "Invalid code")
          : "Give the Party's two-letter ISO code",
      });
      continue;
    }
    let group = groups.get(iso.data);
    if (!group) {
      group = { line: record.line, iso2: iso.data, values: new Map(), contactPoints: [], primaryLine: null };
      groups.set(iso.data, group);
    }
    // Party and legal cells repeat on each row of the Party: an empty one takes the value given
    // on another row, a different one is an error (which would win is not ours to guess).
    for (const [column] of [...PARTY_COLUMNS, ...LEGAL_COLUMNS]) {
      if (column === "iso2" || !index.has(column)) continue;
      const value = cell(column);
      if (value.trim() === "") continue;
      const known = group.values.get(column);
      if (!known) group.values.set(column, { text: value, line: record.line });
      else if (known.text.trim() !== value.trim())
        errors.push({
          line: record.line,
          field: column,
          message: `"${value.trim()}" differs from "${known.text.trim()}" on line ${known.line}: give the same value on every row of the Party`,
        });
    }
    const hasContactPoint = [...CP_COLUMN_SET].some((c) => cell(c).trim() !== "");
    if (!hasContactPoint) continue;
    const cp = readContactPoint(record.line, cell, errors);
    if (!cp) continue;
    if (cp.id) {
      const earlier = seenIds.get(cp.id);
      if (earlier !== undefined) {
        errors.push({ line: record.line, field: "id", message: `The same id is on line ${earlier}` });
        continue;
      }
      seenIds.set(cp.id, record.line);
    }
    if (cp.fields.isPrimary) {
      if (group.primaryLine !== null) {
        errors.push({
          line: record.line,
          field: "is_primary",
          message: `The Party already has its primary contact point on line ${group.primaryLine}`,
        });
      } else group.primaryLine = record.line;
    }
    group.contactPoints.push(cp);
  }

  const parties: ParsedParty[] = [];
  for (const group of groups.values()) {
    const value = (column: string) => group.values.get(column)?.text ?? "";
    const party = carriesParty
      ? readSection(PARTY_COLUMNS, PartyFieldsObject, group, errors, (column) =>
          column === "iso2" ? group.iso2 : value(column),
        )
      : null;
    const legalProfile = carriesLegal ? readSection(LEGAL_COLUMNS, LegalProfileFields, group, errors, value) : null;
    parties.push({ line: group.line, iso2: group.iso2, party, legalProfile, contactPoints: group.contactPoints });
  }
  return { parties, errors: sortErrors(errors) };
}

/** Decodes then validates the Party or legal profile columns of a group. */
function readSection<S extends z.ZodType>(
  columns: [string, string, Codec<never>][],
  schema: S,
  group: Group,
  errors: ImportRowError[],
  value: (column: string) => string,
): z.output<S> | null {
  const input: Record<string, unknown> = {};
  const failed = new Set<string>();
  const lineOf = (column: string | undefined) => (column && group.values.get(column)?.line) || group.line;
  for (const [column, key, codec] of columns) {
    const r = codec.decode(value(column));
    if (r.ok) input[key] = r.value;
    else {
      failed.add(column);
      errors.push({ line: lineOf(column), field: column, message: r.message });
    }
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = columns.find(([, key]) => key === issue.path[0])?.[0];
      if (column && failed.has(column)) continue;
      errors.push({ line: lineOf(column), field: column ?? null, message: withItem(issue.message, issue.path) });
    }
  }
  return parsed.success && failed.size === 0 ? parsed.data : null;
}

function withItem(message: string, path: readonly PropertyKey[]): string {
  return typeof path[1] === "number" ? `${message} (item ${path[1] + 1})` : message;
}

function readContactPoint(
  line: number,
  cell: (column: string) => string,
  errors: ImportRowError[],
): ParsedContactPoint | null {
  const input: Record<string, unknown> = {};
  const failed = new Set<string>();
  const rowErrors: ImportRowError[] = [];
  for (const key of CP_ORDER) {
    if (key === "encryptionKeys") {
      const r = decodeKeys(cell(KEYS_COLUMN), cell(KEY_MATERIAL_COLUMN));
      if (r.ok) input[key] = r.value;
      else {
        failed.add(KEYS_COLUMN);
        rowErrors.push({ line, field: KEYS_COLUMN, message: r.message });
      }
      continue;
    }
    const [column, codec] = CP_SIMPLE[key];
    const r = codec.decode(cell(column));
    if (r.ok) input[key] = r.value;
    else {
      failed.add(column);
      rowErrors.push({ line, field: column, message: r.message });
    }
  }
  const id = input.id as string | null;
  if (id !== null && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    rowErrors.push({ line, field: "id", message: "The id must be a UUID (leave it empty for a new contact point)" });
  }
  const confirmed = input.lastConfirmedAt as string | null;
  if (confirmed !== null && !ISO_DATETIME.safeParse(confirmed).success) {
    rowErrors.push({ line, field: "last_confirmed_at", message: "Write the time in UTC, as 2024-12-01T09:00:00Z" });
  }
  const parsed = ContactPointFields.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = columnOfCpPath(issue.path);
      if (failed.has(column)) continue;
      rowErrors.push({ line, field: column, message: withItem(issue.message, issue.path) });
    }
  }
  errors.push(...rowErrors);
  if (rowErrors.length || !parsed.success) return null;
  return {
    line,
    id: id === null ? null : id.toLowerCase(),
    fields: parsed.data,
    lastConfirmedAt: confirmed,
  };
}

function columnOfCpPath(path: readonly PropertyKey[]): string {
  const key = path[0] as CpKey;
  if (key === "encryptionKeys") return path[2] === "publicKey" ? KEY_MATERIAL_COLUMN : KEYS_COLUMN;
  return CP_SIMPLE[key]?.[0] ?? String(key);
}

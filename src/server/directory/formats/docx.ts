import type { TableRow } from "docx";
import { unzipSync } from "fflate";
import {
  ContactPointFields,
  type ContactPointType,
  type DirectoryDocument,
  type ImportRowError,
  type ReleaseContactPoint,
} from "../../../shared/directory";
import { ISO_639_1 } from "../../../shared/languages";
import { foldSpaced } from "../../../shared/text";
import { type Docx, loadDocx, loadXmlParser } from "../../libs";
import { decodeItem, decodeOpeningHours, encodeItem, encodeOpeningHours, MARK_247 } from "./cells";
import { CONTACT_POINT_TYPE_LABELS, languageNames, versionLine } from "./labels";
import { type ParsedContactPoint, type ParsedImport, type ParsedParty, sortErrors } from "./parsed-import";

/**
 * The directory as a Word table, like the legacy .doc the Network has circulated: one row per
 * contact point, the Party's cell merged down its rows. parseLegacyDocxTable reads such tables
 * back, this export's and the Secretariat's older ones, so the legacy file can be imported once.
 */

export const DOCX_HEADERS = [
  "Party",
  "Institution / unit",
  "Type",
  "Phones",
  "E-mails",
  "Availability",
  "Languages",
  "Instructions",
] as const;

// Landscape A4 in twentieths of a point, with 1.27 cm margins: 15398 twips of table width.
const A4_PORTRAIT = { width: 11906, height: 16838 };
const PAGE_MARGIN = 720;
const COLUMN_WIDTHS = [1500, 2600, 1100, 2100, 2300, 2200, 1100, 2498];

// Writing -------------------------------------------------------------------------------------

/** Item text as people read it: "+99213555040 [24/7] (Duty desk)", no escapes. */
function plainItem(main: string, mark: string | null, note: string | undefined): string {
  return encodeItem({ main, mark, note }).replace(/\\(.)/g, "$1");
}

function contactPointColumns(cp: ReleaseContactPoint): string[][] {
  const availability = cp.available247
    ? [MARK_247, `Time zone: ${cp.timeZone}`]
    : [
        encodeOpeningHours(cp.openingHours) || "Office hours not given",
        `Time zone: ${cp.timeZone}`,
        ...(cp.outOfHours ? [`Outside these hours: ${cp.outOfHours}`] : []),
      ];
  const channels = cp.secureChannels.length
    ? [`Secure channels: ${cp.secureChannels.map((c) => plainItem(c.name, null, c.note)).join("; ")}`]
    : [];
  return [
    [cp.institution, ...(cp.unit ? [cp.unit] : [])],
    [CONTACT_POINT_TYPE_LABELS[cp.type]],
    cp.phones.map((p) => plainItem(p.number, p.available247 ? MARK_247 : null, p.note)),
    cp.emails.map((e) => plainItem(e.address, null, e.note)),
    availability,
    [languageNames(cp.languages)],
    [...channels, ...(cp.instructions ? cp.instructions.split("\n") : [])],
  ];
}

function cell(d: Docx, lines: string[], width: number, opts: { bold?: boolean; merge?: "restart" | "continue" } = {}) {
  return new d.TableCell({
    width: { size: width, type: d.WidthType.DXA },
    ...(opts.merge
      ? { verticalMerge: opts.merge === "restart" ? d.VerticalMergeType.RESTART : d.VerticalMergeType.CONTINUE }
      : {}),
    children: (lines.length ? lines : [""]).map(
      (line, i) => new d.Paragraph({ children: [new d.TextRun({ text: line, bold: opts.bold && i === 0 })] }),
    ),
  });
}

export async function directoryToDocx(doc: DirectoryDocument): Promise<Buffer> {
  const d = await loadDocx();
  const version = versionLine(doc);
  const headerRow = new d.TableRow({
    tableHeader: true, // Word repeats it at the top of every page
    cantSplit: true,
    children: DOCX_HEADERS.map(
      (h, i) =>
        new d.TableCell({
          width: { size: COLUMN_WIDTHS[i] ?? 0, type: d.WidthType.DXA },
          shading: { type: d.ShadingType.CLEAR, color: "auto", fill: "D9E2F3" },
          children: [new d.Paragraph({ children: [new d.TextRun({ text: h, bold: true })] })],
        }),
    ),
  });
  const rows: TableRow[] = [headerRow];
  for (const party of doc.parties) {
    // The importer takes a Party's first row as its primary contact point: write it first.
    const cps = [...party.contactPoints].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
    const partyLines = [party.nameEn, `${party.nameFr} (${party.iso2})`];
    if (cps.length === 0) {
      rows.push(
        new d.TableRow({
          cantSplit: true,
          children: [
            cell(d, partyLines, COLUMN_WIDTHS[0] ?? 0, { bold: true }),
            ...COLUMN_WIDTHS.slice(1).map((w) => cell(d, [], w)),
          ],
        }),
      );
      continue;
    }
    cps.forEach((cp, i) => {
      const merge = cps.length > 1 ? (i === 0 ? "restart" : "continue") : undefined;
      rows.push(
        new d.TableRow({
          cantSplit: true, // a contact point never straddles two pages
          children: [
            cell(d, i === 0 ? partyLines : [], COLUMN_WIDTHS[0] ?? 0, { bold: true, ...(merge ? { merge } : {}) }),
            ...contactPointColumns(cp).map((lines, c) => cell(d, lines, COLUMN_WIDTHS[c + 1] ?? 0, { bold: c === 0 })),
          ],
        }),
      );
    });
  }
  const document = new d.Document({
    creator: "Vigil",
    title: `24/7 Network directory – ${version}`,
    description: "Directory of the 24/7 Network of contact points, Article 35 of the Budapest Convention on Cybercrime",
    styles: { default: { document: { run: { font: "Arial", size: 17 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { ...A4_PORTRAIT, orientation: d.PageOrientation.LANDSCAPE },
            margin: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN },
          },
        },
        headers: {
          default: new d.Header({
            children: [
              new d.Paragraph({
                children: [new d.TextRun({ text: `24/7 Network directory · ${version} · Restricted`, size: 14 })],
              }),
            ],
          }),
        },
        footers: {
          default: new d.Footer({
            children: [
              new d.Paragraph({
                alignment: d.AlignmentType.RIGHT,
                children: [
                  new d.TextRun({ text: `${version} · page `, size: 14 }),
                  new d.TextRun({ children: [d.PageNumber.CURRENT], size: 14 }),
                  new d.TextRun({ text: " / ", size: 14 }),
                  new d.TextRun({ children: [d.PageNumber.TOTAL_PAGES], size: 14 }),
                ],
              }),
            ],
          }),
        },
        children: [
          new d.Paragraph({
            heading: d.HeadingLevel.HEADING_1,
            children: [new d.TextRun(`Directory of the 24/7 Network of contact points – ${version}`)],
          }),
          new d.Paragraph({
            children: [
              new d.TextRun(
                "Article 35 of the Budapest Convention on Cybercrime. Restricted: for the members of the 24/7 Network only; do not publish or forward.",
              ),
            ],
          }),
          ...(doc.notes ? [new d.Paragraph({ children: [new d.TextRun(doc.notes)] })] : []),
          new d.Table({ width: { size: 15398, type: d.WidthType.DXA }, columnWidths: COLUMN_WIDTHS, rows }),
        ],
      },
    ],
  });
  return d.Packer.toBuffer(document);
}

// Reading: the first table of a .docx ----------------------------------------------------------

type XmlNode = Record<string, unknown>;

const XML_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false, // w:t keeps its spaces (xml:space="preserve")
  parseTagValue: false, // "0100" stays text
  parseAttributeValue: false,
};

function tagOf(node: XmlNode): string | null {
  for (const k of Object.keys(node)) if (k !== ":@") return k;
  return null;
}
function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const c = tag ? node[tag] : undefined;
  return Array.isArray(c) ? (c as XmlNode[]) : [];
}
function attr(node: XmlNode, name: string): string | undefined {
  const a = node[":@"] as Record<string, string> | undefined;
  return a?.[name];
}

/** Wrappers whose content is laid out as if they were not there (content controls, revisions). */
const TRANSPARENT = new Set([
  "w:sdt",
  "w:sdtContent",
  "w:customXml",
  "w:smartTag",
  "w:ins",
  "w:hyperlink",
  "w:fldSimple",
]);

/** Children, looking through transparent wrappers. */
function flatChildren(node: XmlNode): XmlNode[] {
  return childrenOf(node).flatMap((c) => (TRANSPARENT.has(tagOf(c) ?? "") ? flatChildren(c) : [c]));
}

function findFirst(nodes: XmlNode[], tag: string): XmlNode | null {
  for (const n of nodes) {
    if (tagOf(n) === tag) return n;
    const inner = findFirst(childrenOf(n), tag);
    if (inner) return inner;
  }
  return null;
}

/** Text of a paragraph: w:t, with w:br / w:cr as line breaks and w:tab as a space. */
function paragraphText(p: XmlNode): string {
  let out = "";
  const walk = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === "#text") continue;
      if (tag === "w:t")
        out += childrenOf(n)
          .map((t) => String((t as { "#text"?: unknown })["#text"] ?? ""))
          .join("");
      else if (tag === "w:br" || tag === "w:cr") out += "\n";
      else if (tag === "w:tab" || tag === "w:ptab") out += " ";
      else if (tag === "w:noBreakHyphen") out += "-";
      else if (tag === "w:del" || tag === "w:delText" || tag === "w:instrText" || tag === "w:rPr" || tag === "w:pPr")
        continue;
      else walk(childrenOf(n));
    }
  };
  walk(childrenOf(p));
  return out;
}

type RawCell = { text: string; vMerge: "restart" | "continue" | null };

function cellText(tc: XmlNode): string {
  // Paragraphs are lines; nested tables are left out (their text has no column to go to).
  return flatChildren(tc)
    .filter((n) => tagOf(n) === "w:p")
    .map(paragraphText)
    .join("\n")
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter((l) => l !== "")
    .join("\n");
}

/** The table as a grid of cells (gridSpan and gridBefore placed, vMerge continuations filled). */
function tableGrid(tbl: XmlNode): string[][] {
  const grid: string[][] = [];
  for (const tr of flatChildren(tbl).filter((n) => tagOf(n) === "w:tr")) {
    const row: (RawCell | undefined)[] = [];
    let col = 0;
    const trPr = childrenOf(tr).find((n) => tagOf(n) === "w:trPr");
    const before = trPr && childrenOf(trPr).find((n) => tagOf(n) === "w:gridBefore");
    if (before) col += Number(attr(before, "w:val") ?? 0) || 0;
    for (const tc of flatChildren(tr).filter((n) => tagOf(n) === "w:tc")) {
      const tcPr = childrenOf(tc).find((n) => tagOf(n) === "w:tcPr");
      const props = tcPr ? childrenOf(tcPr) : [];
      const span = Number(attr(props.find((n) => tagOf(n) === "w:gridSpan") ?? {}, "w:val") ?? 1) || 1;
      const vm = props.find((n) => tagOf(n) === "w:vMerge");
      const vMerge = vm ? (attr(vm, "w:val") === "restart" ? "restart" : "continue") : null;
      row[col] = { text: cellText(tc), vMerge };
      col += span;
    }
    const above = grid[grid.length - 1] ?? [];
    grid.push(
      Array.from({ length: Math.max(row.length, 0) }, (_, i) => {
        const c = row[i];
        if (!c) return "";
        // A continued vertical merge shows the text of the cell where the merge started.
        return c.vMerge === "continue" ? (above[i] ?? "") : c.text;
      }),
    );
  }
  return grid;
}

// Header recognition ----------------------------------------------------------------------------

type Column =
  | "party"
  | "institution"
  | "unit"
  | "type"
  | "phones"
  | "emails"
  | "availability"
  | "timeZone"
  | "languages"
  | "instructions"
  | "address"
  | "secureChannels";

/** Header names as the export writes them and as older tables did; matched on folded text. */
const HEADER_PATTERNS: [Column, RegExp][] = [
  ["party", /^(party|parties|country|countries|state|states|pays|partie|etat|member)\b/],
  ["timeZone", /^time ?zone/],
  ["secureChannels", /^(secure )?channels?\b/],
  ["institution", /^(institution|authority|authorities|organi[sz]ation|agency|contact point|body|autorite|name of)/],
  ["unit", /^(unit|department|service|division|unite)\b/],
  ["type", /^(type|category|nature)\b/],
  ["phones", /^(phones?|telephones?|tel|mobile|contact numbers?)\b/],
  ["emails", /^(e ?mails?|courriels?|mail)\b/],
  ["availability", /^(availability|available|hours|office hours|working hours|disponibilite|horaires?)\b/],
  ["languages", /^(languages?|working languages?|langues?)\b/],
  ["instructions", /^(instructions?|remarks?|notes?|comments?|observations?|other information)\b/],
  ["address", /^(address|adresse|postal address)\b/],
];

function columnOf(header: string): Column | null {
  const folded = foldSpaced(header);
  for (const [column, pattern] of HEADER_PATTERNS) if (pattern.test(folded)) return column;
  return null;
}

// Cell readers ----------------------------------------------------------------------------------

/** Splits at newlines, and at ";" or "," outside parentheses and brackets. */
function splitLoose(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let depth = 0;
  for (const c of text) {
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    if (c === "\n" || ((c === ";" || c === ",") && depth === 0)) {
      out.push(current);
      current = "";
    } else current += c;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s !== "");
}

const IS_247 =
  /24\s*\/\s*7|24\s*x\s*7|24\s*h(ours|rs)?\s*(\/|a|a day|per day)?\s*(7|24)?\b|\bh24\b|round the clock|24h\s*\/\s*24/i;
const NOT_247 = /office hours|working hours|not 24|business hours|heures de bureau/i;

/** The number at the start of a phone item: digits, spaces, dots, dashes, "(21)" groups. */
const PHONE_START = /^(?:\+|00)?\s*(?:\d|\(\d{1,4}\))(?:[\s.\-/]*(?:\d|\(\d{1,4}\)))*/;

/** "+40 (0)21 555-01.00" → "+40215550100"; "0040…" → "+40…". The schema checks the result. */
export function normalisePhone(raw: string): string {
  let n = raw.trim().replace(/^(\+\d{1,3})\s*\(0\)/, "$1");
  n = n.replace(/[\s().\-/]/g, "");
  if (n.startsWith("00")) n = `+${n.slice(2)}`;
  return n;
}

function readPhones(text: string, is247: boolean) {
  const items = splitLoose(text).map((raw) => {
    const m = PHONE_START.exec(raw);
    // No number at the start: pass the text on, so the schema names what is wrong with it.
    if (!m) return { number: raw, mark: null as string | null, note: undefined as string | undefined, raw };
    const rest = raw.slice(m[0].length).trim();
    const item = decodeItem(rest);
    let mark: string | null = null;
    let note: string | undefined;
    if (item.ok) {
      mark = item.value.mark;
      note = item.value.note ?? (item.value.main.replace(/^[-–:,]\s*/, "") || undefined);
    } else note = rest || undefined;
    return { number: normalisePhone(m[0]), mark, note, raw };
  });
  const anyMarked = items.some((i) => i.mark === MARK_247);
  return items.map((i) => ({
    number: i.number,
    // Marked phones are the 24/7 ones; in a table that marks none, a 24/7 contact point's phones
    // are all 24/7 unless their note says otherwise.
    available247: anyMarked ? i.mark === MARK_247 : is247 && !NOT_247.test(i.note ?? ""),
    ...(i.note !== undefined ? { note: i.note } : {}),
  }));
}

const EMAIL = /[^\s<>()[\];,:]+@[^\s<>()[\];,:]+\.[^\s<>()[\];,:]+/;

function readEmails(text: string) {
  return splitLoose(text).map((raw) => {
    const m = EMAIL.exec(raw);
    if (!m) return { address: raw };
    const rest = (raw.slice(0, m.index) + raw.slice(m.index + m[0].length)).replace(/^\s*(e-?mail\s*:)?/i, "").trim();
    const item = decodeItem(rest);
    const note = item.ok ? (item.value.note ?? (item.value.main || undefined)) : rest || undefined;
    return { address: m[0].replace(/^mailto:/i, ""), ...(note !== undefined ? { note } : {}) };
  });
}

function readChannels(text: string) {
  return splitLoose(text).map((raw) => {
    const item = decodeItem(raw);
    return item.ok
      ? { name: item.value.main, ...(item.value.note !== undefined ? { note: item.value.note } : {}) }
      : { name: raw };
  });
}

/** Language names in English and French (folded) and ISO 639-1 codes → codes. */
let languageIndex: Map<string, string> | undefined;
function languageCode(text: string): string | null {
  if (!languageIndex) {
    languageIndex = new Map();
    for (const locale of ["en", "fr"]) {
      const names = new Intl.DisplayNames([locale], { type: "language" });
      for (const code of ISO_639_1) {
        const name = names.of(code);
        if (name && name !== code) languageIndex.set(foldSpaced(name), code);
      }
    }
  }
  const folded = foldSpaced(text);
  if (ISO_639_1.has(folded)) return folded;
  return languageIndex.get(folded) ?? null;
}

function typeOf(text: string): ContactPointType {
  const t = foldSpaced(text);
  // The export's own labels first, then words that name the kind of body.
  for (const [key, label] of Object.entries(CONTACT_POINT_TYPE_LABELS))
    if (t === foldSpaced(label)) return key as ContactPointType;
  if (/\b(prosecut|procureur|parquet|ministere public|attorney)/.test(t)) return "prosecution";
  if (/\b(ministry of justice|ministere de la justice|justice)\b/.test(t)) return "ministry_of_justice";
  if (/\b(security service|intelligence|renseignement|securite interieure)/.test(t)) return "security_service";
  if (/\b(cyber ?security|cert|csirt|cybersecurite)\b/.test(t)) return "cybersecurity";
  if (/\b(police|gendarmerie|law enforcement|investigation|cybercrime unit)\b/.test(t)) return "police";
  return "other";
}

const OUT_OF_HOURS =
  /^(outside (these |office |opening )?hours|out of (office )?hours|after hours|en dehors des heures)\s*:?\s*/i;
const TIME_ZONE_LINE = /^(time ?zone|tz|fuseau horaire)\s*:?\s*/i;

/** An IANA zone this runtime knows, found in free text ("Mon-Fri 9-17 Europe/Paris"). */
function findTimeZone(text: string): string | null {
  for (const m of text.matchAll(/\b(UTC|GMT|[A-Z][A-Za-z_]+\/[A-Z][A-Za-z_-]+(?:\/[A-Z][A-Za-z_-]+)?)\b/g)) {
    try {
      const zone = m[1] ?? "";
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return zone;
    } catch {}
  }
  return null;
}

type Availability = {
  available247: boolean;
  timeZone: string | null;
  openingHours: ReturnType<typeof decodeOpeningHours>;
  outOfHours: string | null;
};

function readAvailability(text: string): Availability {
  const lines = text.split("\n");
  let timeZone: string | null = null;
  const hours: string[] = [];
  const outside: string[] = [];
  let inOutside = false;
  for (const line of lines) {
    if (inOutside) {
      outside.push(line);
    } else if (OUT_OF_HOURS.test(line)) {
      inOutside = true;
      outside.push(line.replace(OUT_OF_HOURS, ""));
    } else if (TIME_ZONE_LINE.test(line)) {
      timeZone = line.replace(TIME_ZONE_LINE, "").trim();
    } else {
      hours.push(line);
    }
  }
  const hoursText = hours.join("\n");
  const available247 = IS_247.test(hoursText) && !NOT_247.test(hoursText);
  timeZone ??= findTimeZone(hoursText);
  // Opening hours are read from the lines that are not the 24/7 mark, the zone or the fallback.
  const hourLines = hours
    .map((l) => l.replace(/^(office hours|opening hours|hours)\s*:?\s*/i, ""))
    .map((l) => (timeZone ? l.replace(timeZone, "") : l).replace(/[()]/g, " ").trim())
    .filter((l) => l !== "" && !IS_247.test(l));
  return {
    available247,
    timeZone,
    openingHours: hourLines.length ? decodeOpeningHours(hourLines.join("; ")) : { ok: true, value: null },
    outOfHours: outside.join("\n").trim() || null,
  };
}

// The table reader ------------------------------------------------------------------------------

const MAX_DOCUMENT_XML = 50 * 1024 * 1024;

function documentXml(buf: Buffer): string | ImportRowError {
  if (buf.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    return { line: 1, field: null, message: "This is a Word 97-2003 .doc file: open it in Word and save it as .docx" };
  }
  try {
    let tooLarge = false;
    const files = unzipSync(new Uint8Array(buf), {
      filter: (f) => {
        if (f.name !== "word/document.xml") return false;
        if (f.originalSize > MAX_DOCUMENT_XML) tooLarge = true;
        return !tooLarge;
      },
    });
    if (tooLarge) return { line: 1, field: null, message: "The document is too large" };
    const entry = files["word/document.xml"];
    if (!entry) return { line: 1, field: null, message: "Not a Word document: word/document.xml is missing" };
    return new TextDecoder("utf-8").decode(entry);
  } catch {
    return { line: 1, field: null, message: "Not a Word .docx file (it is not a zip archive)" };
  }
}

/**
 * Reads the first table of a .docx into contact points. `resolveParty` maps the text of the Party
 * cell (a name in English or French, an alternative name, an ISO code) to the Party's ISO code.
 * The table carries less than the directory: missing fields get defaults that the schema accepts
 * (type "other", time zone UTC, English), so a row fails only on what it does say wrongly.
 */
export async function parseLegacyDocxTable(
  buf: Buffer,
  resolveParty: (name: string) => string | null,
): Promise<ParsedImport> {
  const source = documentXml(buf);
  if (typeof source !== "string") return { parties: [], errors: [source] };
  const { XMLParser } = await loadXmlParser();
  let tree: XmlNode[];
  try {
    tree = new XMLParser(XML_OPTIONS).parse(source) as XmlNode[];
  } catch (err) {
    return {
      parties: [],
      errors: [{ line: 1, field: null, message: `The document is damaged: ${(err as Error).message}` }],
    };
  }
  const body = findFirst(tree, "w:body");
  const tbl = body && findFirst(flatChildren(body), "w:tbl");
  if (!tbl) return { parties: [], errors: [{ line: 1, field: null, message: "The document has no table" }] };
  const grid = tableGrid(tbl);

  // The header row: the first (of the first five) that names a Party and an institution column.
  let headerIndex = -1;
  let columns = new Map<Column, { index: number; title: string }>();
  for (let r = 0; r < Math.min(grid.length, 5) && headerIndex < 0; r++) {
    const found = new Map<Column, { index: number; title: string }>();
    (grid[r] ?? []).forEach((text, i) => {
      const column = columnOf(text.replace(/\n/g, " "));
      if (column && !found.has(column)) found.set(column, { index: i, title: text.replace(/\n/g, " ") });
    });
    if (found.has("party") && found.has("institution")) {
      headerIndex = r;
      columns = found;
    }
  }
  if (headerIndex < 0) {
    return {
      parties: [],
      errors: [
        {
          line: 1,
          field: null,
          message:
            'The first table has no header row with a Party ("Party", "Country") and an institution ("Institution", "Authority") column',
        },
      ],
    };
  }

  const errors: ImportRowError[] = [];
  const groups = new Map<string, ParsedParty>();
  const resolved = new Map<string, string | null>();
  const resolve = (text: string): string | null => {
    if (!resolved.has(text)) {
      // The whole cell first, then each of its lines ("Romania" / "Roumanie (RO)").
      const candidates = [
        text.replace(/\n/g, " "),
        ...text.split("\n"),
        ...text.split("\n").map((l) => l.replace(/\s*\([A-Z]{2}\)$/, "")),
      ];
      let iso: string | null = null;
      for (const c of candidates) if (!iso && c.trim()) iso = resolveParty(c.trim());
      resolved.set(text, iso);
    }
    return resolved.get(text) ?? null;
  };
  const partyTitle = columns.get("party")?.title ?? "Party";
  let previousParty = "";

  for (let r = headerIndex + 1; r < grid.length; r++) {
    const line = r + 1;
    const row = grid[r] ?? [];
    const get = (c: Column) => {
      const col = columns.get(c);
      return col ? (row[col.index] ?? "") : "";
    };
    const titleOf = (c: Column) => columns.get(c)?.title ?? null;
    let partyText = get("party");
    // Older tables leave the Party cell blank on its second row instead of merging it.
    if (partyText === "") partyText = previousParty;
    const otherText = [...columns.keys()].filter((c) => c !== "party").some((c) => get(c) !== "");
    if (partyText === "" && !otherText) continue; // an empty row
    if (partyText === "") {
      errors.push({ line, field: partyTitle, message: "The row names no Party" });
      continue;
    }
    previousParty = partyText;
    const iso2 = resolve(partyText);
    if (!iso2) {
      errors.push({ line, field: partyTitle, message: `Unknown Party '${partyText.replace(/\n/g, " ")}'` });
      continue;
    }
    let group = groups.get(iso2);
    if (!group) {
      group = { line, iso2, party: null, legalProfile: null, contactPoints: [] };
      groups.set(iso2, group);
    }
    if (!otherText) continue; // a Party listed without a contact point

    const availability = readAvailability(get("availability"));
    const rowErrors: ImportRowError[] = [];
    if (!availability.openingHours.ok && !availability.available247) {
      rowErrors.push({ line, field: titleOf("availability"), message: availability.openingHours.message });
    }
    const explicitZone = get("timeZone").trim();
    const institutionLines = get("institution").split("\n");
    const languagesText = get("languages");
    const languages: string[] = [];
    for (const name of splitLoose(languagesText.replace(/\s+(?:and|et)\s+|\//gi, ","))) {
      const code = languageCode(name);
      if (code) {
        if (!languages.includes(code)) languages.push(code);
      } else rowErrors.push({ line, field: titleOf("languages"), message: `Unknown language '${name}'` });
    }
    const instructionLines = get("instructions")
      .split("\n")
      .filter((l) => l !== "");
    const channelLines = instructionLines.filter((l) => /^secure channels?\s*:/i.test(l));
    const otherInstructions = instructionLines.filter((l) => !/^secure channels?\s*:/i.test(l));
    const channelsText = [get("secureChannels"), ...channelLines.map((l) => l.replace(/^secure channels?\s*:\s*/i, ""))]
      .filter(Boolean)
      .join("\n");
    const typeText = get("type") || get("institution");

    const input = {
      // The first row of a Party is its primary contact point (failed rows keep their place).
      isPrimary: group.contactPoints.length === 0,
      type: typeOf(typeText),
      institution: institutionLines[0] ?? "",
      unit: [...institutionLines.slice(1), ...(get("unit") ? [get("unit")] : [])].join(", ") || null,
      address: get("address") || null,
      phones: readPhones(get("phones"), availability.available247),
      emails: readEmails(get("emails")),
      secureChannels: readChannels(channelsText),
      available247: availability.available247,
      timeZone: explicitZone || availability.timeZone || "UTC",
      openingHours: availability.openingHours.ok ? availability.openingHours.value : null,
      outOfHours: availability.outOfHours,
      languages: languages.length ? languages : rowErrors.some((e) => e.field === titleOf("languages")) ? [] : ["en"],
      instructions: otherInstructions.join("\n") || null,
    };
    const parsed = ContactPointFields.safeParse(input);
    if (!parsed.success) {
      const reported = new Set(rowErrors.map((e) => e.field));
      for (const issue of parsed.error.issues) {
        const prefs = FIELD_COLUMNS[String(issue.path[0])] ?? [];
        const field = prefs.map(titleOf).find((t) => t !== null) ?? titleOf("institution");
        if (reported.has(field)) continue;
        rowErrors.push({
          line,
          field,
          message: typeof issue.path[1] === "number" ? `${issue.message} (item ${issue.path[1] + 1})` : issue.message,
        });
      }
    }
    if (rowErrors.length || !parsed.success) {
      errors.push(...rowErrors);
      // The row still takes the primary place, so the next row does not silently become primary.
      group.contactPoints.push(PLACEHOLDER);
      continue;
    }
    const cp: ParsedContactPoint = { line, id: null, fields: parsed.data, lastConfirmedAt: null };
    group.contactPoints.push(cp);
  }
  const parties = [...groups.values()].map((g) => ({
    ...g,
    contactPoints: g.contactPoints.filter((c) => c !== PLACEHOLDER),
  }));
  return { parties, errors: sortErrors(errors) };
}

/** Stands for a row that failed, so the Party's first row stays its primary one. */
const PLACEHOLDER: ParsedContactPoint = { line: 0, id: null, fields: {} as ContactPointFields, lastConfirmedAt: null };

/** Which table column a schema field's error belongs to: the first of these the table has. */
const FIELD_COLUMNS: Record<string, Column[]> = {
  isPrimary: ["party"],
  type: ["type", "institution"],
  institution: ["institution"],
  unit: ["unit", "institution"],
  address: ["address"],
  phones: ["phones"],
  emails: ["emails"],
  secureChannels: ["secureChannels", "instructions"],
  available247: ["availability"],
  timeZone: ["timeZone", "availability"],
  openingHours: ["availability"],
  outOfHours: ["availability"],
  languages: ["languages"],
  instructions: ["instructions"],
};

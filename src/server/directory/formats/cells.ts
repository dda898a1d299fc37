import type { ChannelEntry, EmailEntry, EncryptionKey, OpeningHours, PhoneEntry } from "../../../shared/directory";

/**
 * Human-readable, reversible text for the multi-valued fields of a contact point, as one
 * spreadsheet cell holds them (CSV) and as the printable formats show them. The grammar is
 * documented in docs/directory-formats.md; in short:
 *
 *   cell  := item ("; " item)*
 *   item  := main [" [" mark "]"] [" (" note ")"]
 *
 * A backslash makes the next character literal; the encoder escapes `\ ; ( ) [ ]` inside text so
 * any value survives, and the decoder also accepts balanced parentheses inside a note typed by
 * hand ("(Duty desk (night))").
 */

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Decoded<T> => ({ ok: true, value });
const fail = <T>(message: string): Decoded<T> => ({ ok: false, message });

const SPECIAL = /[\\;()[\]]/g;

export function escapeText(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}

export function unescapeText(text: string): string {
  return text.replace(/\\(.)/gsu, "$1");
}

/** Splits a cell at unescaped ";" outside brackets; items are trimmed, empty ones dropped. */
export function splitItems(cell: string): string[] {
  const items: string[] = [];
  let current = "";
  let depth = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charAt(i);
    if (c === "\\" && i + 1 < cell.length) {
      current += c + cell.charAt(i + 1);
      i++;
      continue;
    }
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    if (c === ";" && depth === 0) {
      items.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  items.push(current);
  return items.map((s) => s.trim()).filter((s) => s.length > 0);
}

export type Item = { main: string; mark: string | null; note: string | undefined };

export function encodeItem(item: { main: string; mark?: string | null; note?: string | undefined }): string {
  let out = escapeText(item.main);
  if (item.mark) out += ` [${item.mark}]`;
  if (item.note !== undefined) out += ` (${escapeText(item.note)})`;
  return out;
}

/** Reads `main [mark] (note)`; the mark and the note may come in either order. */
export function decodeItem(raw: string): Decoded<Item> {
  let main = "";
  let mark: string | null = null;
  let note: string | undefined;
  let i = 0;
  // The main text: up to the first unescaped bracket.
  for (; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === "\\" && i + 1 < raw.length) {
      main += raw.charAt(++i);
      continue;
    }
    if (c === "(" || c === "[") break;
    main += c;
  }
  while (i < raw.length) {
    const open = raw.charAt(i);
    if (/\s/.test(open)) {
      i++;
      continue;
    }
    if (open !== "(" && open !== "[") return fail(`Unexpected text "${raw.slice(i)}" after the closing bracket`);
    const close = open === "(" ? ")" : "]";
    let depth = 1;
    let text = "";
    i++;
    for (; i < raw.length; i++) {
      const c = raw.charAt(i);
      if (c === "\\" && i + 1 < raw.length) {
        text += raw.charAt(++i);
        continue;
      }
      if (c === open) depth++;
      if (c === close && --depth === 0) break;
      text += c;
    }
    if (depth !== 0) return fail(`Missing "${close}" in "${raw}"`);
    i++;
    if (open === "(") {
      if (note !== undefined) return fail(`Two notes in "${raw}": put one note in parentheses`);
      note = text.trim();
    } else {
      if (mark !== null) return fail(`Two marks in "${raw}": put one mark in square brackets`);
      mark = text.trim();
    }
  }
  return ok({ main: main.trim(), mark, note });
}

// Plain lists ---------------------------------------------------------------------------------

export function encodeList(values: readonly string[]): string {
  return values.map(escapeText).join("; ");
}

export function decodeList(cell: string): string[] {
  return splitItems(cell).map(unescapeText);
}

// Yes / no ------------------------------------------------------------------------------------

export function encodeBool(value: boolean | null): string {
  return value === null ? "" : value ? "yes" : "no";
}

/** "yes"/"no" (also true/false, y/n, 1/0, oui/non); empty is null. */
export function decodeBool(cell: string): Decoded<boolean | null> {
  const v = cell.trim().toLowerCase();
  if (v === "") return ok(null);
  if (["yes", "y", "true", "1", "oui"].includes(v)) return ok(true);
  if (["no", "n", "false", "0", "non"].includes(v)) return ok(false);
  return fail(`Write yes or no, not "${cell.trim()}"`);
}

// Phones, e-mails, channels -------------------------------------------------------------------

export const MARK_247 = "24/7";

export function encodePhones(phones: readonly PhoneEntry[]): string {
  return phones
    .map((p) => encodeItem({ main: p.number, mark: p.available247 ? MARK_247 : null, note: p.note }))
    .join("; ");
}

export function decodePhones(cell: string): Decoded<{ number: string; available247: boolean; note?: string }[]> {
  const out: { number: string; available247: boolean; note?: string }[] = [];
  for (const raw of splitItems(cell)) {
    const item = decodeItem(raw);
    if (!item.ok) return item;
    const { main, mark, note } = item.value;
    if (mark !== null && mark !== MARK_247)
      return fail(`Unknown mark [${mark}] on ${main}: only [${MARK_247}] is known`);
    out.push({ number: main, available247: mark === MARK_247, ...(note !== undefined ? { note } : {}) });
  }
  return ok(out);
}

function encodeNamed<T>(entries: readonly T[], main: (e: T) => string, note: (e: T) => string | undefined): string {
  return entries.map((e) => encodeItem({ main: main(e), note: note(e) })).join("; ");
}

function decodeNamed(cell: string, what: string): Decoded<{ main: string; note?: string }[]> {
  const out: { main: string; note?: string }[] = [];
  for (const raw of splitItems(cell)) {
    const item = decodeItem(raw);
    if (!item.ok) return item;
    if (item.value.mark !== null) return fail(`${what} take no mark in square brackets ("[${item.value.mark}]")`);
    out.push({ main: item.value.main, ...(item.value.note !== undefined ? { note: item.value.note } : {}) });
  }
  return ok(out);
}

export function encodeEmails(emails: readonly EmailEntry[]): string {
  return encodeNamed(
    emails,
    (e) => e.address,
    (e) => e.note,
  );
}

export function decodeEmails(cell: string): Decoded<{ address: string; note?: string }[]> {
  const r = decodeNamed(cell, "E-mail addresses");
  return r.ok ? ok(r.value.map(({ main, ...rest }) => ({ address: main, ...rest }))) : r;
}

export function encodeChannels(channels: readonly ChannelEntry[]): string {
  return encodeNamed(
    channels,
    (c) => c.name,
    (c) => c.note,
  );
}

export function decodeChannels(cell: string): Decoded<{ name: string; note?: string }[]> {
  const r = decodeNamed(cell, "Secure channels");
  return r.ok ? ok(r.value.map(({ main, ...rest }) => ({ name: main, ...rest }))) : r;
}

// Encryption keys -----------------------------------------------------------------------------

/** `openpgp 5A7C…3C [expires 2027-06-30] (note)`; the key material goes in its own column. */
export function encodeKeys(keys: readonly EncryptionKey[]): string {
  return keys
    .map((k) =>
      encodeItem({
        main: `${k.kind} ${k.fingerprint}`,
        mark: k.expiresOn ? `expires ${k.expiresOn}` : null,
        note: k.note,
      }),
    )
    .join("; ");
}

/** `FINGERPRINT: armored key` for each key that has its public key, in the same order. */
export function encodeKeyMaterial(keys: readonly EncryptionKey[]): string {
  return keys
    .filter((k) => k.publicKey !== undefined)
    .map((k) => `${k.fingerprint}: ${escapeText(k.publicKey ?? "")}`)
    .join("; ");
}

export type DecodedKey = {
  kind: string;
  fingerprint: string;
  expiresOn: string | null;
  note?: string;
  publicKey?: string;
};

export function decodeKeys(cell: string, material: string): Decoded<DecodedKey[]> {
  const keys: DecodedKey[] = [];
  for (const raw of splitItems(cell)) {
    const item = decodeItem(raw);
    if (!item.ok) return item;
    const { main, mark, note } = item.value;
    const m = /^(\S+)\s+(.+)$/.exec(main);
    if (!m) return fail(`Write a key as "openpgp FINGERPRINT" or "smime FINGERPRINT", not "${main}"`);
    let expiresOn: string | null = null;
    if (mark !== null) {
      const e = /^expires\s+(\S+)$/i.exec(mark);
      if (!e) return fail(`Unknown mark [${mark}] on a key: write [expires YYYY-MM-DD]`);
      expiresOn = e[1] ?? null;
    }
    keys.push({
      kind: (m[1] ?? "").toLowerCase(),
      fingerprint: m[2] ?? "",
      expiresOn,
      ...(note !== undefined ? { note } : {}),
    });
  }
  // Key material: matched to the keys by fingerprint (spaces and colons ignored, any case).
  const norm = (f: string) => f.replace(/[\s:]/g, "").toUpperCase();
  for (const raw of splitMaterial(material)) {
    const colon = raw.search(/:\s/);
    if (colon < 0) return fail('Write each public key as "FINGERPRINT: key text"');
    const fingerprint = norm(raw.slice(0, colon));
    const key = keys.find((k) => norm(k.fingerprint) === fingerprint);
    if (!key) return fail(`A public key is given for ${fingerprint}, which is not among the encryption keys`);
    // Exactly one space follows the colon; the key text is kept byte for byte after it.
    key.publicKey = unescapeText(raw.slice(colon + 2));
  }
  return ok(keys);
}

/** Like splitItems, but only the start of an item is trimmed: key text keeps its trailing lines. */
function splitMaterial(cell: string): string[] {
  const items: string[] = [];
  let current = "";
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charAt(i);
    if (c === "\\" && i + 1 < cell.length) {
      current += c + cell.charAt(i + 1);
      i++;
    } else if (c === ";") {
      items.push(current);
      current = "";
    } else current += c;
  }
  items.push(current);
  return items.map((s) => s.replace(/^\s+/, "")).filter((s) => s.length > 0);
}

// Opening hours -------------------------------------------------------------------------------

export const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const DAY_ALIASES: Record<string, number> = {};
for (const [i, names] of [
  ["mon", "monday", "lun", "lundi"],
  ["tue", "tuesday", "mar", "mardi"],
  ["wed", "wednesday", "mer", "mercredi"],
  ["thu", "thursday", "jeu", "jeudi"],
  ["fri", "friday", "ven", "vendredi"],
  ["sat", "saturday", "sam", "samedi"],
  ["sun", "sunday", "dim", "dimanche"],
].entries()) {
  for (const n of names) DAY_ALIASES[n] = i + 1;
}

/** [1,2,3,4,5] → "Mon-Fri", [6,7] → "Sat,Sun", [1,3,5] → "Mon,Wed,Fri"; order is kept. */
export function encodeDays(days: readonly number[]): string {
  const name = (d: number) => DAY_NAMES[d - 1] ?? String(d);
  // Runs of consecutive days, in the order given.
  const runs: number[][] = [];
  for (const d of days) {
    const run = runs.at(-1);
    if (run && run.at(-1) === d - 1) run.push(d);
    else runs.push([d]);
  }
  return runs
    .flatMap((run) =>
      // A run of three or more reads better as a range; two days stay a list.
      run.length >= 3 ? [`${name(run[0] ?? 0)}-${name(run.at(-1) ?? 0)}`] : run.map(name),
    )
    .join(",");
}

export function decodeDays(text: string): Decoded<number[]> {
  const days: number[] = [];
  for (const part of text.split(",").map((s) => s.trim())) {
    const range = part.split("-").map((s) => s.trim().toLowerCase());
    const ids = range.map((r) => DAY_ALIASES[r]);
    if (range.length > 2 || ids.some((d) => d === undefined)) return fail(`Unknown day "${part}": use Mon … Sun`);
    const from = ids[0] ?? 1;
    const to = ids.at(-1) ?? from;
    // A range may wrap the week end: "Sat-Mon" is Saturday, Sunday, Monday.
    for (let d = from; ; d = (d % 7) + 1) {
      days.push(d);
      if (d === to) break;
    }
  }
  return ok(days);
}

export function encodeOpeningHours(hours: OpeningHours | null): string {
  return (hours ?? []).map((h) => `${encodeDays(h.days)} ${h.from}-${h.to}`).join("; ");
}

const TIME = String.raw`\d{1,2}(?:[:.h]\d{2}|h)?`;
const SPAN = String.raw`${TIME}\s*-\s*${TIME}`;
const HOURS_ITEM = new RegExp(String.raw`^(.+?)\s+(${SPAN}(?:\s*,\s*${SPAN})*)$`, "i");

/**
 * "Mon-Fri 08:00-17:00; Sat 09:00-12:00". Also read: "Mon-Fri 08:00-12:00, 13:00-17:00" (two
 * spans for the same days) and times as "8:00", "8.00", "8h00", "8h" or "8".
 */
export function decodeOpeningHours(cell: string): Decoded<OpeningHours | null> {
  const out: OpeningHours = [];
  for (const item of splitItems(cell)) {
    const m = HOURS_ITEM.exec(item);
    if (!m) return fail(`Write opening hours as "Mon-Fri 08:00-17:00", not "${item}"`);
    const days = decodeDays(m[1] ?? "");
    if (!days.ok) return days;
    for (const span of (m[2] ?? "").split(",")) {
      const [from = "", to = ""] = span.split("-").map((t) => normaliseTime(t.trim()));
      out.push({ days: days.value, from, to });
    }
  }
  return ok(out.length ? out : null);
}

/** "8:00", "8.00", "8h00", "8h", "8" → "08:00" (the schema checks the range). */
export function normaliseTime(t: string): string {
  const m = /^(\d{1,2})(?:[:.h](\d{2})?)?$/i.exec(t);
  return m ? `${(m[1] ?? "").padStart(2, "0")}:${m[2] ?? "00"}` : t;
}

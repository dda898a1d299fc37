import type { DirectoryDocument, ReleaseContactPoint, ReleaseParty } from "../../../shared/directory";
import { encodeOpeningHours } from "./cells";
import { CONTACT_POINT_TYPE_LABELS } from "./labels";

/**
 * The directory as vCards (RFC 2426, vCard 3.0: the version iOS and Android contacts import
 * best), one per contact point, so a duty officer can carry the Network in a phone's address
 * book. The note says what a phone's contact card cannot: 24/7 or office hours, languages,
 * instructions.
 */

export const VCARD_CATEGORY = "Vigil 24/7 Network";

/** RFC 2426 §4: backslash, comma, semicolon and newline are escaped in text values. */
export function escapeVcardText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/,/g, "\\,")
    .replace(/;/g, "\\;")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * RFC 2425 §5.8.1 folding: lines of at most 75 octets, continued after CRLF + one space. Cuts
 * fall between characters, never inside a UTF-8 sequence, so "Côte d'Ivoire" survives readers
 * that decode each physical line on its own.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

/** "Romania 24/7 – DIICOT – Cybercrime Service": the name the phone lists the card under. */
export function vcardDisplayName(party: ReleaseParty, cp: ReleaseContactPoint): string {
  return [`${party.nameEn} 24/7`, cp.institution, cp.unit].filter(Boolean).join(" – ");
}

function noteFor(party: ReleaseParty, cp: ReleaseContactPoint): string {
  const lines: string[] = [];
  lines.push(
    `${party.nameEn} / ${party.nameFr} (${party.iso2}) – ${CONTACT_POINT_TYPE_LABELS[cp.type]}${cp.isPrimary ? ", primary contact point" : ""}`,
  );
  if (cp.available247) lines.push(`Available 24/7 (${cp.timeZone})`);
  else {
    lines.push(`Office hours: ${encodeOpeningHours(cp.openingHours) || "not given"} (${cp.timeZone})`);
    if (cp.outOfHours) lines.push(`Outside office hours: ${cp.outOfHours}`);
  }
  const phones247 = cp.phones.filter((p) => p.available247).map((p) => p.number);
  if (phones247.length) lines.push(`24/7 phones: ${phones247.join(", ")}`);
  lines.push(`Languages: ${cp.languages.join(", ")}`);
  if (cp.secureChannels.length)
    lines.push(
      `Secure channels: ${cp.secureChannels.map((c) => (c.note ? `${c.name} (${c.note})` : c.name)).join(", ")}`,
    );
  for (const k of cp.encryptionKeys)
    lines.push(
      `${k.kind === "openpgp" ? "OpenPGP" : "S/MIME"} key: ${k.fingerprint}${k.expiresOn ? `, expires ${k.expiresOn}` : ""}`,
    );
  if (cp.instructions) lines.push(`Instructions: ${cp.instructions}`);
  return lines.join("\n");
}

function card(doc: DirectoryDocument, party: ReleaseParty, cp: ReleaseContactPoint): string[] {
  const fn = vcardDisplayName(party, cp);
  const lines = ["BEGIN:VCARD", "VERSION:3.0", `FN:${escapeVcardText(fn)}`];
  // N is required in 3.0. An organisation has no person's name: the display name as family name
  // keeps clients that sort by N in step with FN; X-ABShowAs tells iOS it is a company card.
  lines.push(`N:${escapeVcardText(fn)};;;;`);
  lines.push(
    `ORG:${[cp.institution, cp.unit]
      .filter(Boolean)
      .map((s) => escapeVcardText(s as string))
      .join(";")}`,
  );
  lines.push("X-ABShowAs:COMPANY");
  cp.phones.forEach((p, i) => {
    // iOS shows an item's X-ABLabel as the number's label ("24/7 – Duty desk"); others read TYPE.
    const group = `item${i + 1}`;
    const types = p.available247 ? "WORK,VOICE,PREF" : "WORK,VOICE";
    lines.push(`${group}.TEL;TYPE=${types}:${p.number}`);
    const label = [p.available247 ? "24/7" : null, p.note || null].filter(Boolean).join(" – ");
    if (label) lines.push(`${group}.X-ABLabel:${escapeVcardText(label)}`);
  });
  for (const e of cp.emails) lines.push(`EMAIL;TYPE=INTERNET,WORK:${escapeVcardText(e.address)}`);
  // The address is free text: all of it goes in the street component, lines kept.
  if (cp.address) lines.push(`ADR;TYPE=WORK:;;${escapeVcardText(cp.address)};;;;`);
  lines.push(`NOTE:${escapeVcardText(noteFor(party, cp))}`);
  lines.push(`CATEGORIES:${escapeVcardText(VCARD_CATEGORY)}`);
  lines.push(`UID:urn:uuid:${cp.id}`);
  const rev = cp.lastConfirmedAt ?? doc.publishedAt;
  if (rev) lines.push(`REV:${rev.replace(/\.\d+Z$/, "Z")}`);
  lines.push("END:VCARD");
  return lines;
}

export function directoryToVcards(doc: DirectoryDocument): string {
  const lines = doc.parties.flatMap((party) => party.contactPoints.flatMap((cp) => card(doc, party, cp)));
  return lines.map((l) => `${foldLine(l)}\r\n`).join("");
}

import { describe, expect, it } from "vitest";
import { sampleDirectory } from "./sample";
import { directoryToVcards, escapeVcardText, foldLine } from "./vcard";

type Prop = { group: string | null; name: string; params: string[]; value: string };

/** A tiny vCard reader: unfold (CRLF + space), split lines, name;params:value. */
function readVcards(text: string): Prop[][] {
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  const cards: Prop[][] = [];
  let current: Prop[] | null = null;
  for (const line of unfolded.split("\r\n")) {
    if (line === "") continue;
    const colon = line.indexOf(":");
    const [head, ...params] = line.slice(0, colon).split(";");
    const dot = head!.indexOf(".");
    const prop = {
      group: dot >= 0 ? head!.slice(0, dot) : null,
      name: (dot >= 0 ? head!.slice(dot + 1) : head!).toUpperCase(),
      params,
      value: line.slice(colon + 1),
    };
    if (prop.name === "BEGIN") current = [];
    else if (prop.name === "END") {
      cards.push(current!);
      current = null;
    } else current!.push(prop);
  }
  return cards;
}

/** Splits a structured value at unescaped ";" and unescapes each part. */
function components(value: string): string[] {
  const parts = value.split(/(?<!\\);/);
  return parts.map((p) => p.replace(/\\n/gi, "\n").replace(/\\([,;\\])/g, "$1"));
}

describe("directoryToVcards", () => {
  const doc = sampleDirectory();
  const text = directoryToVcards(doc);
  const cards = readVcards(text);
  const get = (card: Prop[], name: string) => card.filter((p) => p.name === name);

  it("writes one vCard 3.0 per contact point, CRLF, folded at 75 octets", () => {
    expect(cards).toHaveLength(5);
    expect(text.split("\r\n").every((l) => Buffer.byteLength(l, "utf8") <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text.match(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/)).not.toBeNull();
    for (const card of cards) {
      expect(get(card, "VERSION")[0]!.value).toBe("3.0");
      expect(get(card, "CATEGORIES")[0]!.value).toBe("Vigil 24/7 Network");
    }
  });

  it("keeps an accented name whole across folds", () => {
    const ci = cards[1]!;
    expect(components(get(ci, "FN")[0]!.value)[0]).toBe(
      "Côte d'Ivoire 24/7 – Plateforme de Lutte Contre la Cybercriminalité (PLCC) – Direction de l'Informatique et des Traces Technologiques",
    );
    // No physical line ends inside a UTF-8 sequence: each decodes on its own.
    for (const line of text.split("\r\n")) expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
  });

  it("writes the organisation, phones marked 24/7, e-mails, address, note, UID and REV", () => {
    const ro = cards[3]!;
    expect(components(get(ro, "ORG")[0]!.value)).toEqual([
      "Directorate for Investigating Organised Crime and Terrorism (DIICOT)",
      "Cybercrime Service",
    ]);
    const tels = get(ro, "TEL");
    expect(tels.map((t) => [t.params, t.value])).toEqual([
      [["TYPE=WORK,VOICE,PREF"], "+99213555040"],
      [["TYPE=WORK,VOICE,PREF"], "+99213555041"],
    ]);
    const label = ro.find((p) => p.group === tels[0]!.group && p.name === "X-ABLABEL");
    expect(label?.value).toBe("24/7 – Duty prosecutor");
    expect(get(ro, "EMAIL")[0]!.value).toBe("duty.cyber@example.org");
    expect(get(ro, "UID")[0]!.value).toBe("urn:uuid:1f3e5d7c-9b2a-4c6e-8d0f-3a5c7e9b1d04");
    expect(get(ro, "REV")[0]!.value).toBe("2024-12-01T07:45:00Z");
    const note = components(get(ro, "NOTE")[0]!.value).join(";");
    expect(note).toContain("Available 24/7 (Europe/Bucharest)");
    expect(note).toContain("Languages: ro, en, fr");
    expect(note).toContain(
      "Instructions: Preservation requests: the T-CY Article 29 template, in English.\nEmergencies",
    );
    const ciOffice = cards[2]!;
    const officeNote = components(get(ciOffice, "NOTE")[0]!.value).join(";");
    expect(officeNote).toContain("Office hours: Mon-Fri 08:00-17:00; Sat 09:00-12:00 (Africa/Abidjan)");
    expect(officeNote).toContain("Outside office hours: Call the PLCC duty officer");
    expect(get(ciOffice, "TEL")[0]!.params).toEqual(["TYPE=WORK,VOICE"]);
    // No confirmation date: REV falls back to the release date.
    expect(get(ciOffice, "REV")[0]!.value).toBe("2024-12-16T09:00:00Z");
    const ciAdr = get(cards[1]!, "ADR")[0]!;
    expect(components(ciAdr.value)[2]).toBe("Fictional address: Abidjan-Plateau,\nBP 000 Abidjan");
  });

  it("escapes text values and folds without splitting characters", () => {
    expect(escapeVcardText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const long = `NOTE:${"é".repeat(100)}`;
    const folded = foldLine(long);
    expect(folded.split("\r\n").every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(long);
  });
});

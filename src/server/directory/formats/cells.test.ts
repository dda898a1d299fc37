import { describe, expect, it } from "vitest";
import {
  decodeBool,
  decodeDays,
  decodeEmails,
  decodeItem,
  decodeKeys,
  decodeList,
  decodeOpeningHours,
  decodePhones,
  encodeDays,
  encodeEmails,
  encodeKeyMaterial,
  encodeKeys,
  encodeList,
  encodeOpeningHours,
  encodePhones,
  splitItems,
} from "./cells";

describe("cell encodings", () => {
  it("writes phones as number [24/7] (note) and reads them back", () => {
    const phones = [
      { number: "+9921555010", available247: true, note: "Duty desk" },
      { number: "+9921555011", available247: false },
      { number: "+9921555012", available247: true, note: "Officer; 24h/24 (night) [backup] \\ end" },
      { number: "+9921555013", available247: false, note: "" },
    ];
    const cell = encodePhones(phones);
    expect(cell.startsWith("+9921555010 [24/7] (Duty desk); +9921555011; +9921555012 [24/7] (Officer\\; 24h/24")).toBe(
      true,
    );
    expect(decodePhones(cell)).toEqual({ ok: true, value: phones });
  });

  it("reads hand-typed variants: nested parentheses, mark after the note, extra spaces", () => {
    expect(decodePhones(" +99 21 555 0100 (Duty desk (night))  [24/7] ;; +99215550101 ")).toEqual({
      ok: true,
      value: [
        { number: "+99 21 555 0100", available247: true, note: "Duty desk (night)" },
        { number: "+99215550101", available247: false },
      ],
    });
    expect(decodePhones("+9921555010 [office]")).toMatchObject({ ok: false, message: /Unknown mark \[office\]/ });
    expect(decodePhones("+9921555010 (unclosed")).toMatchObject({ ok: false, message: /Missing "\)"/ });
    expect(decodeItem("a (b) c")).toMatchObject({ ok: false, message: /Unexpected text "c"/ });
  });

  it("splits at unescaped semicolons only", () => {
    expect(splitItems("a\\; b; c (x; y); ; d")).toEqual(["a\\; b", "c (x; y)", "d"]);
    expect(decodeList(encodeList(["Rumania", "A;B", "C\\D (x)"]))).toEqual(["Rumania", "A;B", "C\\D (x)"]);
  });

  it("writes e-mails with notes and refuses marks on them", () => {
    const emails = [{ address: "a@example.org", note: "24/7 (checked hourly)" }, { address: "b@example.org" }];
    expect(decodeEmails(encodeEmails(emails))).toEqual({ ok: true, value: emails });
    expect(decodeEmails("a@example.org [24/7]")).toMatchObject({ ok: false });
  });

  it("writes booleans as yes / no", () => {
    expect(decodeBool("Yes")).toEqual({ ok: true, value: true });
    expect(decodeBool("non")).toEqual({ ok: true, value: false });
    expect(decodeBool("")).toEqual({ ok: true, value: null });
    expect(decodeBool("maybe")).toMatchObject({ ok: false, message: 'Write yes or no, not "maybe"' });
  });

  it("writes days as ranges and lists, and reads names in English or French", () => {
    expect(encodeDays([1, 2, 3, 4, 5])).toBe("Mon-Fri");
    expect(encodeDays([6, 7])).toBe("Sat,Sun");
    expect(encodeDays([1, 2, 3, 5])).toBe("Mon-Wed,Fri");
    expect(encodeDays([5, 1])).toBe("Fri,Mon");
    for (const days of [[1, 2, 3, 4, 5], [6, 7], [1, 2, 3, 5], [5, 1], [7]]) {
      expect(decodeDays(encodeDays(days))).toEqual({ ok: true, value: days });
    }
    expect(decodeDays("Sat-Mon")).toEqual({ ok: true, value: [6, 7, 1] });
    expect(decodeDays("lundi-vendredi")).toEqual({ ok: true, value: [1, 2, 3, 4, 5] });
    expect(decodeDays("Funday")).toMatchObject({ ok: false });
  });

  it("writes opening hours and reads several spans for the same days", () => {
    const hours = [
      { days: [1, 2, 3, 4, 5], from: "08:00", to: "17:00" },
      { days: [6], from: "09:00", to: "12:00" },
    ];
    expect(encodeOpeningHours(hours)).toBe("Mon-Fri 08:00-17:00; Sat 09:00-12:00");
    expect(decodeOpeningHours("Mon-Fri 08:00-17:00; Sat 09:00-12:00")).toEqual({ ok: true, value: hours });
    expect(decodeOpeningHours("Mon-Fri 8h00-12:00, 13.30-17:00")).toEqual({
      ok: true,
      value: [
        { days: [1, 2, 3, 4, 5], from: "08:00", to: "12:00" },
        { days: [1, 2, 3, 4, 5], from: "13:30", to: "17:00" },
      ],
    });
    expect(decodeOpeningHours("lun-ven 9h-17h; Sat 9-12")).toEqual({
      ok: true,
      value: [
        { days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" },
        { days: [6], from: "09:00", to: "12:00" },
      ],
    });
    expect(decodeOpeningHours("")).toEqual({ ok: true, value: null });
    expect(decodeOpeningHours("office hours")).toMatchObject({ ok: false, message: /Mon-Fri 08:00-17:00/ });
  });

  it("writes encryption keys with their material in a second cell", () => {
    const keys = [
      {
        kind: "openpgp" as const,
        fingerprint: "5A7C9E1B3D5F7A9C",
        expiresOn: "2027-06-30",
        note: "Duty (desk)",
        publicKey: "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nabc; def\n-----END PGP PUBLIC KEY BLOCK-----\n",
      },
      { kind: "smime" as const, fingerprint: "00112233445566778899AABBCCDDEEFF", expiresOn: null },
    ];
    const cell = encodeKeys(keys);
    expect(cell).toBe(
      "openpgp 5A7C9E1B3D5F7A9C [expires 2027-06-30] (Duty \\(desk\\)); smime 00112233445566778899AABBCCDDEEFF",
    );
    expect(decodeKeys(cell, encodeKeyMaterial(keys))).toEqual({ ok: true, value: keys });
    expect(decodeKeys(cell, "FFFF: key")).toMatchObject({ ok: false, message: /not among the encryption keys/ });
  });
});

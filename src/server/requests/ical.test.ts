import { describe, expect, it } from "vitest";
import { foldLine, renderCalendar } from "./ical";

describe("iCalendar", () => {
  it("writes CRLF lines, UTC times, whole days, and escapes text", () => {
    const ics = renderCalendar(
      "Vigil — deadlines",
      [
        { uid: "a@vigil", summary: "Acknowledge request 2026-000001", start: new Date("2026-11-21T06:40:00Z") },
        {
          uid: "b@vigil",
          summary: "Preservation; ends, soon",
          start: "2027-02-19",
          url: "https://vigil.example.org/r/1",
        },
      ],
      new Date("2026-11-21T05:40:00Z"),
    );
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("DTSTART:20261121T064000Z\r\n");
    expect(ics).toContain("DTSTART;VALUE=DATE:20270219\r\nDTEND;VALUE=DATE:20270220\r\n");
    expect(ics).toContain("SUMMARY:Preservation\\; ends\\, soon\r\n");
    expect(ics.split("\r\n").filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const line = `SUMMARY:${"é".repeat(100)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });
});

import { describe, expect, it } from "vitest";
import { directoryToJson, jsonPath, parseDirectoryJson } from "./json";
import { documentToParsed } from "./parsed-import";
import { sampleDirectory } from "./sample";

describe("JSON export and import", () => {
  it("exports canonical JSON and reads it back unchanged", () => {
    const doc = sampleDirectory();
    const text = directoryToJson(doc);
    expect(text.startsWith('{"format":"vigil.directory/1","notes":')).toBe(true);
    expect(JSON.parse(text)).toEqual(doc);
    const parsed = parseDirectoryJson(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.parties).toEqual(documentToParsed(doc));
  });

  it("gives the parser's message on line 1 for a syntax error", () => {
    const { errors } = parseDirectoryJson('{"format": "vigil.directory/1", ');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1, field: null });
    expect(errors[0]!.message).toMatch(/JSON/);
  });

  it("points errors at the Party entry and the JSON path", () => {
    const doc = JSON.parse(directoryToJson(sampleDirectory()));
    doc.parties[2].contactPoints[0].phones[0].number = "12";
    doc.parties[1].contactPoints[1].openingHours = null; // office hours without hours
    doc.parties[0].iso2 = "Benin";
    const { errors, parties } = parseDirectoryJson(JSON.stringify(doc));
    expect(errors).toEqual([
      { line: 1, field: "parties[0].iso2", message: "Party code must be a two-letter ISO 3166 code" },
      { line: 2, field: "parties[1].contactPoints[1].openingHours", message: "Give the opening hours" },
      {
        line: 3,
        field: "parties[2].contactPoints[0].phones[0].number",
        message: "Phone number must be in E.164 form, e.g. +99 21 555 0100",
      },
    ]);
    expect(parties).toEqual([]);
  });

  it("refuses another format, repeated Parties and ids, two primaries", () => {
    expect(parseDirectoryJson('{"format":"other/1","version":null,"publishedAt":null,"parties":[]}').errors).toEqual([
      { line: 1, field: "format", message: expect.stringContaining('expects "vigil.directory/1"') },
    ]);
    const doc = JSON.parse(directoryToJson(sampleDirectory()));
    doc.parties[2].contactPoints[1].isPrimary = true;
    doc.parties[1].contactPoints[1].id = doc.parties[0].contactPoints[0].id;
    doc.parties.push({ ...doc.parties[0], contactPoints: [] });
    const { errors, parties } = parseDirectoryJson(JSON.stringify(doc));
    expect(errors).toEqual([
      { line: 2, field: "parties[1].contactPoints[1].id", message: "The same id is at parties[0].contactPoints[0]" },
      {
        line: 3,
        field: "parties[2].contactPoints[1].isPrimary",
        message: "The Party already has a primary contact point",
      },
      { line: 4, field: "parties[3].iso2", message: "BJ is already entry 1" },
    ]);
    // Benin was valid and is kept for the preview.
    expect(parties.map((p) => p.iso2)).toEqual(["BJ"]);
  });

  it("checks the acknowledgement targets, and reads a file written before them as the Network default", () => {
    const doc = JSON.parse(directoryToJson(sampleDirectory()));
    doc.parties[2].legalProfile.emergencyAckTargetMinutes = 45; // Romania's normal target is 30
    delete doc.parties[0].legalProfile.ackTargetMinutes;
    delete doc.parties[0].legalProfile.emergencyAckTargetMinutes;
    const { errors, parties } = parseDirectoryJson(JSON.stringify(doc));
    expect(errors).toEqual([
      {
        line: 3,
        field: "parties[2].legalProfile.emergencyAckTargetMinutes",
        message: "The emergency target cannot be longer than the normal acknowledgement target",
      },
    ]);
    expect(parties[0]?.legalProfile).toMatchObject({ ackTargetMinutes: null, emergencyAckTargetMinutes: null });
  });

  it("writes paths as a person reads them", () => {
    expect(jsonPath(["parties", 3, "contactPoints", 0, "phones", 0, "number"])).toBe(
      "parties[3].contactPoints[0].phones[0].number",
    );
    expect(jsonPath([])).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { diffContent } from "./corrections";

describe("what a correction changed (diffContent)", () => {
  const sent = {
    reference: "CASE-1",
    requestingAuthority: { organisation: "Unit", phone: "+992555", mobile: null },
    details: { subject: "Logs", details: "How long?" },
    identifiers: [{ kind: "ip", value: "192.0.2.1", port: null }],
    language: "en",
  };

  it("names each changed field of an object, with its value before and after", () => {
    const corrected = {
      ...sent,
      requestingAuthority: { ...sent.requestingAuthority, phone: "+992556" },
      details: { ...sent.details, details: "How long are logs kept?" },
    };
    expect(diffContent(sent, corrected)).toEqual([
      { path: "requestingAuthority.phone", before: "+992555", after: "+992556" },
      { path: "details.details", before: "How long?", after: "How long are logs kept?" },
    ]);
  });

  it("takes a list as one field, and an emptied or filled optional field as a change from or to nothing", () => {
    const corrected = {
      ...sent,
      requestingAuthority: { ...sent.requestingAuthority, mobile: "+997000" },
      identifiers: [{ kind: "ip", value: "192.0.2.10", port: null }],
    };
    expect(diffContent(sent, corrected)).toEqual([
      { path: "requestingAuthority.mobile", before: null, after: "+997000" },
      {
        path: "identifiers",
        before: [{ kind: "ip", value: "192.0.2.1", port: null }],
        after: [{ kind: "ip", value: "192.0.2.10", port: null }],
      },
    ]);
  });

  it("sees no change where only the spelling of nothing or the order of keys differs", () => {
    const respelled = {
      reference: "CASE-1",
      requestingAuthority: { phone: "+992555", organisation: "Unit" },
      details: { details: "How long?", subject: "Logs" },
      identifiers: [{ value: "192.0.2.1", kind: "ip", port: "" }],
    };
    expect(diffContent(sent, respelled)).toEqual([]);
  });

  it("looks only at the blocks it is given: the language is not a correctable field", () => {
    expect(diffContent(sent, { ...sent, language: "fr" })).toEqual([]);
    expect(diffContent(sent, { ...sent, language: "fr" }, ["language"])).toEqual([
      { path: "language", before: "en", after: "fr" },
    ]);
  });
});

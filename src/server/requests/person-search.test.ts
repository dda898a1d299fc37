import { describe, expect, it } from "vitest";
import { personMatches } from "./person-search";

const content = {
  type: "preservation",
  requestedParty: "RO",
  language: "ro",
  requestingAuthority: {
    organisation: "Fiscalía (fictional)",
    personInCharge: "Inés Ejemplo",
    email: "ines@example.org",
  },
  confirmationContact: { name: "Ben Placeholder", email: "ben@example.org" },
  identifiers: [
    { kind: "ip", value: "192.0.2.44", observedAt: "2026-11-20T23:14", timeZone: "Europe/Bucharest", note: "" },
    { kind: "email", value: "j.doe@example.org", note: "" },
    { kind: "account", value: "shadow_trader", service: "ExampleChat", note: "used by Ana" },
  ],
  details: { facts: "Ana Popescu (fictional) ordered the transfers.", offence: "Fraud" },
};

describe("where a person appears in a request", () => {
  it("finds typed identifiers whatever the case, and only whole values", () => {
    expect(personMatches(content, "192.0.2.44")).toEqual(["identifiers[0]"]);
    expect(personMatches(content, "192.0.2.4")).toEqual([]);
    expect(personMatches(content, "J.Doe@Example.ORG")).toEqual(["identifiers[1]"]);
    expect(personMatches(content, "shadow_trader")).toEqual(["identifiers[2]"]);
  });
  it("finds names in the form's text as whole words, accents folded, and says where", () => {
    expect(personMatches(content, "ana popescu")).toEqual(["details.facts"]);
    expect(personMatches(content, "Ana")).toEqual(["identifiers[2]", "details.facts"]);
    expect(personMatches(content, "ines ejemplo")).toEqual(["requestingAuthority.personInCharge"]);
    expect(personMatches(content, "Popesc")).toEqual([]);
    expect(personMatches(content, "Nobody Here")).toEqual([]);
  });
  it("ignores the codes of the form (type, requested Party, language)", () => {
    expect(personMatches(content, "preservation")).toEqual([]);
    expect(personMatches(content, "ro")).toEqual([]);
  });
});

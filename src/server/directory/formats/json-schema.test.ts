import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import { DIRECTORY_SCHEMA_ID, directoryJsonSchema } from "./json-schema";
import { sampleDirectory } from "./sample";

function validator() {
  // Formats are not checked by Ajv here: Zod writes a pattern beside each format (date-time,
  // uuid, e-mail), and those are checked.
  const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
  return ajv.compile(directoryJsonSchema());
}

describe("directoryJsonSchema", () => {
  it("is a 2020-12 schema with its $id and title", () => {
    const schema = directoryJsonSchema() as Record<string, any>;
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe(DIRECTORY_SCHEMA_ID);
    expect(schema.title).toBe("Vigil directory release");
    const cp = schema.properties.parties.items.properties.contactPoints.items;
    expect(cp.required).toContain("id");
    expect(cp.properties.unit).toEqual({ anyOf: [{ type: "string", maxLength: 300 }, { type: "null" }] });
    expect(cp.properties.emails.items.properties.address.format).toBe("email");
    expect(cp.properties.languages.items.enum).toContain("fr");
  });

  it("accepts a real export", () => {
    const validate = validator();
    const exported = JSON.parse(canonicalJson(sampleDirectory()));
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
  });

  it("refuses an invalid document, naming where", () => {
    const validate = validator();
    const bad = JSON.parse(canonicalJson(sampleDirectory()));
    bad.parties[0].contactPoints[0].phones[0].number = "021 555 010";
    bad.parties[1].contactPoints[0].languages = ["french"];
    bad.parties[2].contactPoints[0].emails[0].address = "not an address";
    delete bad.parties[2].legalProfile.notes;
    bad.parties[2].contactPoints[1].extra = true;
    expect(validate(bad)).toBe(false);
    const where = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
    expect(where).toEqual(
      expect.arrayContaining([
        "/parties/0/contactPoints/0/phones/0/number pattern",
        "/parties/1/contactPoints/0/languages/0 enum",
        "/parties/2/contactPoints/0/emails/0/address pattern",
        "/parties/2/legalProfile required",
        "/parties/2/contactPoints/1 additionalProperties",
      ]),
    );
    expect(validate({ format: "vigil.directory/2", version: null, publishedAt: null, notes: "", parties: [] })).toBe(
      false,
    );
  });

  it("accepts a release written before the acknowledgement targets existed, and checks them when present", () => {
    const validate = validator();
    const old = JSON.parse(canonicalJson(sampleDirectory()));
    for (const p of old.parties) {
      delete p.legalProfile.ackTargetMinutes;
      delete p.legalProfile.emergencyAckTargetMinutes;
    }
    expect(validate(old), JSON.stringify(validate.errors)).toBe(true);
    const bad = JSON.parse(canonicalJson(sampleDirectory()));
    bad.parties[2].legalProfile.ackTargetMinutes = 0;
    bad.parties[2].legalProfile.emergencyAckTargetMinutes = 241;
    expect(validate(bad)).toBe(false);
    const where = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
    expect(where).toEqual(
      expect.arrayContaining([
        "/parties/2/legalProfile/ackTargetMinutes minimum",
        "/parties/2/legalProfile/emergencyAckTargetMinutes maximum",
      ]),
    );
  });

  it("returns a copy each time", () => {
    const a = directoryJsonSchema() as Record<string, unknown>;
    a.title = "changed";
    expect(directoryJsonSchema()).toMatchObject({ title: "Vigil directory release" });
  });
});

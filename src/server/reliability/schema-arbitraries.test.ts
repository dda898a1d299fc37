import Ajv from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeLoose, fromSchema, headerSafe, type JsonSchema, mutated } from "./schema-arbitraries";

// Shapes the OpenAPI document of Vigil uses (zod's JSON Schema): the generator must stay inside them.
const SCHEMA: JsonSchema = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    iso2: { type: "string", pattern: "^[A-Z]{2}$" },
    on: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
    name: { type: "string", minLength: 3, maxLength: 12 },
    note: { anyOf: [{ type: "string", maxLength: 500 }, { type: "null" }] },
    kind: { type: "string", enum: ["police", "prosecution"] },
    limit: { type: "integer", minimum: 1, maximum: 500 },
    offset: { type: "integer", minimum: 0, maximum: 9_007_199_254_740_991 },
    tags: { type: "array", items: { type: "string", maxLength: 5 }, maxItems: 3 },
    nested: { type: "object", properties: { ok: { type: "boolean" } }, required: ["ok"] },
  },
  required: ["id", "name", "kind"],
};

describe("fromSchema", () => {
  const validate = new Ajv({ validateFormats: false, strict: false }).compile(SCHEMA);

  it("generates values the schema accepts, hostile text and bounds included", () => {
    const values = fc.sample(fromSchema(SCHEMA), { numRuns: 500, seed: 42 });
    for (const v of values) expect(validate(v), JSON.stringify(validate.errors)).toBe(true);
    const texts = values
      .flatMap((v) => Object.values(v as Record<string, unknown>))
      .filter((x) => typeof x === "string");
    // Within the schema does not mean tame: NUL, the longest allowed, the integer bounds as they are.
    expect(texts.some((t) => t.includes("\u0000"))).toBe(true);
    expect(values.some((v) => (v as { name: string }).name.length === 12)).toBe(true);
    expect(values.some((v) => (v as { offset?: number }).offset === 9_007_199_254_740_991)).toBe(true);
  });

  it("mutated() leaves the schema most of the time", () => {
    const values = fc.sample(mutated(SCHEMA), { numRuns: 300, seed: 42 });
    const outside = values.filter((v) => !validate(v)).length;
    expect(outside).toBeGreaterThan(150);
  });
});

describe("on the wire", () => {
  it("percent-encodes like encodeURIComponent, and a lone surrogate as its (invalid) WTF-8 bytes", () => {
    for (const s of ["a b/c?d", "Côte d'Ivoire", "𝕍", "%00"]) expect(decodeURIComponent(encodeLoose(s))).toBe(s);
    expect(encodeLoose("a\uD800b")).toBe("a%ED%A0%80b");
    expect(encodeLoose("\uDC00")).toBe("%ED%B0%80");
  });

  it("keeps header values to what a socket carries", () => {
    expect(headerSafe("a\u0000b\nc\u0100d\u00ff")).toBe("a?b?c?d\u00ff");
    expect(headerSafe("x".repeat(10_000))).toHaveLength(4096);
  });
});

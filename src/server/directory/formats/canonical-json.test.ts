import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys recursively and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it("omits undefined properties and writes undefined array items as null", () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  it("writes numbers and strings as RFC 8785 does", () => {
    // Examples from RFC 8785 §3.2.2.3 and appendix B.
    expect(canonicalJson([333333333.3333333, 1e30, 4.5, 0.002, 1e-27, -0, 9007199254740991])).toBe(
      "[333333333.3333333,1e+30,4.5,0.002,1e-27,0,9007199254740991]",
    );
    expect(canonicalJson({ s: '€$\u000f\nA\'B"\\\\"/', u: "Côte d'Ivoire" })).toBe(
      '{"s":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/","u":"Côte d\'Ivoire"}',
    );
  });

  it("orders keys by code unit, not by locale", () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, a: 4, "10": 5, "9": 6 })).toBe('{"10":5,"9":6,"Z":3,"a":4,"z":2,"é":1}');
  });

  it("is the same for objects built in a different order", () => {
    const a = { version: "2024-12", parties: [{ iso2: "RO", nameEn: "Romania" }] };
    const b = { parties: [{ nameEn: "Romania", iso2: "RO" }], version: "2024-12" };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    // And it is valid JSON that reads back to the same value.
    expect(JSON.parse(canonicalJson(a))).toEqual(a);
  });

  it("uses toJSON (dates) and refuses what JSON cannot hold", () => {
    expect(canonicalJson({ at: new Date("2024-12-15T10:00:00Z") })).toBe('{"at":"2024-12-15T10:00:00.000Z"}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/not a JSON number/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });
});

import fc from "fast-check";

/**
 * fast-check arbitraries for the fuzz test (fuzz.db.test.ts): values that fit a route's JSON
 * Schema (as the OpenAPI document states it), and values from beyond it — wrong types, huge
 * strings, deep nesting, lone surrogates, SQL and HTML fragments — that a client may send.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
};

const FRAGMENTS = [
  "' OR '1'='1",
  "'; DROP TABLE requests; --",
  "1; select pg_sleep(0)--",
  "\\x00",
  "%00",
  "$1",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "{{constructor.constructor('1')()}}",
  "../../../../etc/passwd",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "NaN",
  "-0",
  "9".repeat(40),
  "2026-02-30T25:61:00Z",
  "0000-00-00",
  "0000-01-01",
  "0000-01-01T00:00:00Z",
  "+275760-09-13T00:00:00.000Z",
  "2026-11-21T05:40:00+99:99",
  "2147483648",
  "-9223372036854775809",
  "\u0000",
  "\uFEFF",
  "\uD800",
  "a\uDC00b",
  "𝕍𝕚𝕘𝕚𝕝",
  "\u202Eevil",
  " ",
  "",
];

/** Strings a careless client or an attacker sends. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...FRAGMENTS),
  // Any UTF-16 code units, lone surrogates included.
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(300_000, 20_000).map((n) => "x".repeat(n)),
  fc.tuple(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 10 })).map(([a, b]) => a + b),
);

const deep = (depth: number, leaf: unknown): unknown => {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** Any JSON value at all, including the shapes that break naive code. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, -(2 ** 31) - 1, 1e21, 0.1, -0, [], {}),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(200, 3_000).map((d) => deep(d, "deep")),
  fc.array(nastyString, { maxLength: 3 }),
  fc.constantFrom({ __proto__: { admin: true } }, JSON.parse('{"__proto__": {"polluted": 1}}'), {
    constructor: { prototype: { polluted: 1 } },
  }),
  fc.dictionary(nastyString, fc.constantFrom(null, 1, "x"), { maxKeys: 3 }),
);

function typesOf(s: JsonSchema): string[] {
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  if (s.properties) return ["object"];
  return [];
}

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  switch (s.format) {
    case "uuid":
      return fc.uuid();
    case "email":
      return fc.emailAddress();
    case "date-time":
      return fc.oneof(
        {
          weight: 8,
          arbitrary: fc
            .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
            .map((d) => d.toISOString()),
        },
        // Well formed, at the edges of what JavaScript and PostgreSQL can hold.
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z",
            "0001-01-01T00:00:00+14:00",
            "1969-12-31T23:59:59.999999Z",
          ),
        },
      );
    case "date":
      return fc
        .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case "uri":
      return fc.webUrl();
  }
  if (s.pattern) {
    // Patterns such as ^\\d{4}-\\d{2}-\\d{2}$ also yield "2026-13-45": well formed, yet no date.
    const matching = matchingPattern(s.pattern);
    const max = s.maxLength ?? 200;
    if (matching) return matching.filter((v) => v.length <= max && v.length >= (s.minLength ?? 0));
  }
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 30, 60));
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: max }) },
    { weight: 2, arbitrary: hostileWithin(min, s.maxLength ?? 100_000) },
  );
}

/**
 * Strings the schema lets through (their length fits) that code behind it may not expect: NUL
 * bytes, lone surrogates, SQL and HTML, and the longest allowed, in one-, two- and four-byte
 * characters (a column narrower than the schema, or a byte limit, meets it).
 */
function hostileWithin(min: number, max: number): fc.Arbitrary<string> {
  const fitted = (v: string) => v.slice(0, max).padEnd(min, "x");
  const longest = Math.min(max, 20_000);
  return fc.oneof(
    fc.constantFrom(...FRAGMENTS).map(fitted),
    fc.string({ unit: "binary", minLength: 1, maxLength: 20 }).map((v) => fitted(`a${v}\u0000`)),
    fc.constantFrom("x", "é", "𝕍").map((c) => fitted(c.repeat(Math.max(1, Math.floor(longest / c.length))))),
  );
}

// Building an arbitrary from a regular expression is slow (an IPv6 pattern takes 0.2 s): once per pattern.
const byPattern = new Map<string, fc.Arbitrary<string> | null>();
function matchingPattern(pattern: string): fc.Arbitrary<string> | null {
  if (!byPattern.has(pattern)) {
    try {
      byPattern.set(pattern, fc.stringMatching(new RegExp(pattern)));
    } catch {
      // fast-check cannot generate from every pattern (lookaheads): plain strings then.
      byPattern.set(pattern, null);
    }
  }
  return byPattern.get(pattern) ?? null;
}

/** Values that fit the schema (as far as the JSON Schema says; refinements may still refuse). */
export function fromSchema(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => fromSchema(a, depth + 1)));
  if (s.allOf?.length) return fromSchema(Object.assign({}, ...s.allOf) as JsonSchema, depth + 1);
  const types = typesOf(s);
  if (types.length === 0) return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean());
  return fc.oneof(
    ...types.map((t): fc.Arbitrary<unknown> => {
      switch (t) {
        case "string":
          return stringFor(s);
        case "integer": {
          // fc.integer stays within 32 bits; the schema's own bounds are tried as they are.
          const clamp = (n: number) => Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, n));
          const min = s.minimum ?? -1_000;
          const max = s.maximum ?? 100_000;
          return fc.oneof(
            { weight: 4, arbitrary: fc.integer({ min: clamp(min), max: Math.max(clamp(min), clamp(max)) }) },
            { weight: 1, arbitrary: fc.constantFrom(min, max) },
          );
        }
        case "number":
          return fc.oneof(
            { weight: 4, arbitrary: fc.double({ min: s.minimum ?? -1_000, max: s.maximum ?? 100_000, noNaN: true }) },
            { weight: 1, arbitrary: fc.constantFrom(s.minimum ?? -1e308, s.maximum ?? 1e308) },
          );
        case "boolean":
          return fc.boolean();
        case "null":
          return fc.constant(null);
        case "array": {
          const item = Array.isArray(s.items) ? s.items[0] : s.items;
          return fc.array(fromSchema(item, depth + 1), {
            minLength: s.minItems ?? 0,
            maxLength: Math.min(s.maxItems ?? 3, 3),
          });
        }
        default:
          return objectFor(s, depth);
      }
    }),
  );
}

function objectFor(s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const keys = Object.keys(props);
  if (keys.length === 0) return fc.constant({});
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const k of keys) record[k] = fromSchema(props[k], depth + 1);
  return fc.record(record, { requiredKeys: (s.required ?? []).filter((k) => keys.includes(k)) });
}

/** A value of the schema with one field (at any depth) replaced by something from beyond it. */
export function mutated(s: JsonSchema | undefined): fc.Arbitrary<unknown> {
  return fc.tuple(fromSchema(s), nastyValue, fc.nat()).map(([value, bad, pick]) => replaceOne(value, bad, pick));
}

/** `value` with one of its fields (at any depth, chosen by `pick`) replaced by `bad`; changes `value`. */
export function replaceOne(value: unknown, bad: unknown, pick: number): unknown {
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown, d: number) => {
    if (d > 6 || !v || typeof v !== "object") return;
    for (const [k, child] of Object.entries(v)) {
      slots.push({ parent: v as Record<string, unknown>, key: Array.isArray(v) ? Number(k) : k });
      walk(child, d + 1);
    }
  };
  walk(value, 0);
  if (slots.length === 0) return bad;
  const slot = slots[pick % slots.length] as (typeof slots)[number];
  (slot.parent as Record<string | number, unknown>)[slot.key] = bad;
  return value;
}

// --- Putting values on the wire ---------------------------------------------------------------

const hex = (b: number) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`;

/**
 * Percent-encodes like encodeURIComponent, except that a lone surrogate (which encodeURIComponent
 * refuses) becomes its WTF-8 bytes: invalid UTF-8, as a hostile client may send.
 */
export function encodeLoose(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += hex(0xe0 | (c >> 12)) + hex(0x80 | ((c >> 6) & 0x3f)) + hex(0x80 | (c & 0x3f));
    } else {
      out += encodeURIComponent(s[i] as string);
    }
  }
  return out;
}

/** What Node would let through on a real socket: header values are Latin-1 without controls. */
export const headerSafe = (s: string) => s.slice(0, 4096).replace(/[^\t\x20-\x7e\x80-\xff]/g, "?");

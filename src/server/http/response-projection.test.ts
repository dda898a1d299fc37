import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ContactPoint, PartyDetail, ProposalList, SearchResult } from "../../shared/directory";
import { ApiError } from "../../shared/errors";
import { NotificationList } from "../../shared/notify";
import { Identifier, RequestList } from "../../shared/requests";
import { projectingSerializer } from "../app";
import { compileProjection } from "./response-projection";

/** The projection's data, which must serialise as the parsed data does. */
function projected(schema: z.ZodType, data: unknown): unknown {
  const r = compileProjection(schema)(data);
  if (!r.success) throw new Error(`projection failed: ${r.error.message}`);
  // Projected, not refused and then answered by a full parse.
  expect(r.reparsed).toBeUndefined();
  expect(JSON.stringify(r.data)).toBe(JSON.stringify(schema.parse(data)));
  return r.data;
}
const json = (schema: z.ZodType, data: unknown) => JSON.stringify(projected(schema, data));
/** The issues of a refused value, as zod reports them. */
function refused(schema: z.ZodType, data: unknown) {
  const r = compileProjection(schema)(data);
  if (r.success) throw new Error(`projection accepted ${JSON.stringify(data)}`);
  return r.error.issues.map((i) => ({ path: i.path, code: i.code }));
}

describe("response projection", () => {
  it("keeps only the declared keys, at every depth, in declared order", () => {
    const schema = z.object({
      b: z.string(),
      a: z.array(z.object({ y: z.number(), x: z.record(z.string(), z.object({ k: z.boolean() })) })),
      c: z.object({ d: z.object({ e: z.string() }) }),
    });
    const data = {
      secret: 1,
      a: [{ x: { r: { k: true, hidden: "h" } }, y: 2, password: "p" }],
      c: { d: { e: "e", deep: "leak" }, other: 2 },
      b: "b",
    };
    expect(json(schema, data)).toBe('{"b":"b","a":[{"y":2,"x":{"r":{"k":true}}}],"c":{"d":{"e":"e"}}}');
  });

  it("leaves optional keys out, passes null, and applies defaults as zod does", () => {
    const schema = z.object({
      o: z.string().optional(),
      n: z.string().nullable(),
      d: z.number().default(7),
      nd: z.string().nullable().default(null),
      od: z.array(z.string()).default([]).optional(),
      // zod answers a default as given, unparsed: so does the projection.
      obj: z.object({ a: z.number() }).default({ a: 1, extra: 2 } as { a: number }),
      pre: z.string().prefault("p"),
      // A default also stands in for an undefined its inner schema answers.
      out: z
        .object({ a: z.number() })
        .transform((o) => (o.a ? o : undefined))
        .default({ a: 9 }),
    });
    expect(json(schema, { n: null })).toBe(
      '{"n":null,"d":7,"nd":null,"od":[],"obj":{"a":1,"extra":2},"pre":"p","out":{"a":9}}',
    );
    expect(
      json(schema, { o: "x", n: "y", d: 1, nd: "z", od: ["a"], obj: { a: 3, extra: 4 }, pre: "q", out: { a: 0 } }),
    ).toBe('{"o":"x","n":"y","d":1,"nd":"z","od":["a"],"obj":{"a":3},"pre":"q","out":{"a":9}}');
  });

  it("projects each element of an array, and refuses what is not one", () => {
    const schema = z.object({ list: z.array(z.object({ id: z.number() })), tags: z.array(z.string()) });
    expect(json(schema, { list: [{ id: 1, x: 1 }, { id: 2 }], tags: ["a", "b"] })).toBe(
      '{"list":[{"id":1},{"id":2}],"tags":["a","b"]}',
    );
    expect(refused(schema, { list: {}, tags: [] })).toEqual([{ path: ["list"], code: "invalid_type" }]);
    expect(refused(schema, { list: [], tags: ["a", 2] })).toEqual([{ path: ["tags", 1], code: "invalid_type" }]);
  });

  it("maps a record's values; an enum-keyed record is zod's, missing keys and all", () => {
    const values = z.record(z.string(), z.object({ n: z.number() }));
    expect(json(values, { a: { n: 1, x: 2 }, b: { n: 2 } })).toBe('{"a":{"n":1},"b":{"n":2}}');
    const unknowns = z.record(z.string(), z.unknown());
    expect(json(unknowns, { a: { anything: [1] } })).toBe('{"a":{"anything":[1]}}');
    const byEnum = z.record(z.enum(["x", "y"]), z.number());
    expect(json(byEnum, { y: 2, x: 1 })).toBe('{"x":1,"y":2}');
    expect(refused(byEnum, { x: 1 })).toEqual([{ path: ["y"], code: "invalid_type" }]);
  });

  it("picks a discriminated union's branch by its discriminator", () => {
    const schema = z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("a"), a: z.string() }),
      z.object({ kind: z.literal("b"), b: z.number() }),
    ]);
    expect(json(schema, { kind: "b", a: "not mine", b: 2 })).toBe('{"kind":"b","b":2}');
    expect(json(schema, { kind: "a", a: "x", b: 1 })).toBe('{"kind":"a","a":"x"}');
    expect(refused(schema, { kind: "c" })).toEqual([{ path: ["kind"], code: "invalid_union" }]);
    expect(refused(schema, null)).toEqual([{ path: [], code: "invalid_type" }]);
    // A real one: the request's identifiers.
    projected(z.array(Identifier), [
      { kind: "ip", value: "192.0.2.1", port: null, observedAt: "2026-01-01T10:00Z", timeZone: null, note: "" },
      { kind: "phone", value: "+99215550100", note: "x", port: 80 },
      { kind: "email", value: "a@example.org", note: "", extra: true },
    ]);
  });

  it("follows a recursive schema, through z.lazy and through a getter", () => {
    type Tree = { name: string; children: Tree[] };
    const Lazy: z.ZodType<Tree> = z.lazy(() => z.object({ name: z.string(), children: z.array(Lazy) }));
    const Getter = z.object({
      name: z.string(),
      get children() {
        return z.array(Getter);
      },
    });
    const tree = {
      name: "root",
      x: 1,
      children: [
        { name: "a", children: [{ name: "aa", children: [], secret: "s" }] },
        { name: "b", children: [] },
      ],
    };
    const expected =
      '{"name":"root","children":[{"name":"a","children":[{"name":"aa","children":[]}]},{"name":"b","children":[]}]}';
    expect(json(Lazy, tree)).toBe(expected);
    expect(json(Getter, tree)).toBe(expected);
    expect(refused(Lazy, { name: "r", children: [{ name: 1, children: [] }] })).toEqual([
      { path: ["children", 0, "name"], code: "invalid_type" },
    ]);
  });

  it("lets zod parse a plain union of objects: its first matching branch wins", () => {
    const schema = z.object({
      u: z.union([z.object({ a: z.string() }), z.object({ a: z.string(), b: z.number() })]),
      v: z.union([z.string(), z.array(z.string())]).nullable(),
    });
    expect(json(schema, { u: { a: "x", b: 1, c: 2 }, v: ["s"] })).toBe('{"u":{"a":"x"},"v":["s"]}');
    expect(json(schema, { u: { a: "x" }, v: "s" })).toBe('{"u":{"a":"x"},"v":"s"}');
  });

  it("runs a transform on the projected value, and lets zod parse what it cannot project", () => {
    const schema = z.object({
      t: z.object({ a: z.number() }).transform((o) => ({ ...o, doubled: o.a * 2 })),
      h: z
        .array(z.object({ d: z.number() }))
        .nullish()
        .transform((h) => (h?.length ? h : null)),
      i: z.intersection(z.object({ a: z.number() }), z.object({ b: z.number() })),
      p: z.preprocess((v) => (typeof v === "string" ? v.toUpperCase() : v), z.string()),
      loose: z.looseObject({ a: z.number() }),
      tuple: z.tuple([z.string(), z.object({ n: z.number() })]),
    });
    expect(
      json(schema, {
        t: { a: 2, x: 1 },
        h: [],
        i: { a: 1, b: 2, c: 3 },
        p: "up",
        loose: { a: 1, kept: 2 },
        tuple: ["s", { n: 1, x: 2 }],
      }),
    ).toBe(
      '{"t":{"a":2,"doubled":4},"h":null,"i":{"a":1,"b":2},"p":"UP","loose":{"a":1,"kept":2},"tuple":["s",{"n":1}]}',
    );
    expect(json(schema.shape.h, [{ d: 1, x: 2 }])).toBe('[{"d":1}]');
  });

  it("does not re-run a leaf's normalisation, except on an absent value", () => {
    const schema = z.object({
      phone: z
        .string()
        .trim()
        .transform((s) => s.replace(/\s/g, "")),
      text: z
        .string()
        .nullish()
        .transform((s) => s ?? null),
    });
    // The data already went through the normalisation: it is sent as it is (checking mode would
    // catch a handler that answered un-normalised data).
    const r = compileProjection(schema)({ phone: " +99 21 ", text: "t" });
    expect(r.success && r.data).toEqual({ phone: " +99 21 ", text: "t" });
    // An absent value is where a transform invents one.
    expect(json(schema, { phone: "+9921" })).toBe('{"phone":"+9921","text":null}');
  });

  it("serialises dates as JSON.stringify does, and refuses an invalid one", () => {
    const schema = z.object({ at: z.date(), iso: z.iso.datetime(), maybe: z.date().nullable() });
    expect(json(schema, { at: new Date("2026-01-02T03:04:05Z"), iso: "2026-01-02T03:04:05Z", maybe: null })).toBe(
      '{"at":"2026-01-02T03:04:05.000Z","iso":"2026-01-02T03:04:05Z","maybe":null}',
    );
    expect(refused(schema, { at: new Date("nope"), iso: "x", maybe: null })).toEqual([
      { path: ["at"], code: "invalid_type" },
      { path: ["iso"], code: "invalid_format" },
    ]);
  });

  it("still refuses a wrong shape: a missing key, a wrong type, a value outside an enum", () => {
    const schema = z.object({
      id: z.string(),
      n: z.number(),
      state: z.enum(["open", "closed"]),
      nested: z.object({ ok: z.boolean() }),
    });
    expect(refused(schema, { n: 1, state: "open", nested: { ok: true } })).toEqual([
      { path: ["id"], code: "invalid_type" },
    ]);
    expect(refused(schema, { id: "a", n: "1", state: "open", nested: { ok: true } })).toEqual([
      { path: ["n"], code: "invalid_type" },
    ]);
    expect(refused(schema, { id: "a", n: Number.NaN, state: "open", nested: { ok: true } })).toEqual([
      { path: ["n"], code: "invalid_type" },
    ]);
    expect(refused(schema, { id: "a", n: 1, state: "gone", nested: { ok: true } })).toEqual([
      { path: ["state"], code: "invalid_value" },
    ]);
    expect(refused(schema, { id: "a", n: 1, state: "open", nested: null })).toEqual([
      { path: ["nested"], code: "invalid_type" },
    ]);
    expect(refused(schema, "not an object")).toEqual([{ path: [], code: "invalid_type" }]);
  });

  it("projects the same without generated code (zod's jitless mode)", () => {
    z.config({ jitless: true });
    try {
      const schema = z.object({ b: z.string().optional(), a: z.array(z.object({ x: z.number() })) });
      expect(json(schema, { a: [{ x: 1, y: 2 }], c: 3 })).toBe('{"a":[{"x":1}]}');
      expect(refused(schema, { a: [{ x: "1" }] })).toEqual([{ path: ["a", 0, "x"], code: "invalid_type" }]);
    } finally {
      z.config({ jitless: false });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The app's own response schemas, with sample answers (and keys no schema declares)
// ---------------------------------------------------------------------------------------------

const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();

function contactPoint(i: number) {
  return {
    id: uuid(i),
    partyId: uuid(1000 + i),
    isPrimary: i % 3 === 0,
    type: "police",
    institution: `National Police ${i}`,
    unit: i % 2 ? "Cybercrime Unit" : null,
    address: i % 5 ? `Street ${i}` : null,
    phones: [{ number: "+99215550100", note: "desk", available247: true }, { number: "+99215550101" }],
    emails: [{ address: `cp${i}@example.org`, note: i % 2 ? "duty" : undefined }],
    secureChannels: i % 4 ? [] : [{ name: "Secure line" }],
    available247: i % 4 !== 0,
    timeZone: "Europe/Paris",
    openingHours: i % 4 === 0 ? [{ days: [1, 2, 3, 4, 5], from: "08:00", to: "18:00", note: "x" }] : null,
    outOfHours: i % 4 === 0 ? "Call the duty officer" : null,
    languages: ["en", "fr"],
    instructions: null,
    functions: ["preservation", "technical_advice"],
    handlesSap: true,
    mlaCoordination: null,
    networks: ["budapest_art35"],
    encryptionKeys: i % 6 ? [] : [{ kind: "openpgp", fingerprint: "ABCDEF0123456789", expiresOn: null }],
    sharedWithObservers: false,
    lastConfirmedAt: i % 7 ? at(i) : null,
    updatedAt: at(i + 1),
    stale: i % 7 === 0,
    // Columns the presenter might forget to remove.
    searchText: "national police cybercrime",
    revision: 3,
  };
}

function requestSummary(i: number) {
  return {
    id: uuid(i),
    number: `2026-FR-${i}`,
    type: "preservation",
    state: i % 2 ? "sent" : "acknowledged",
    emergency: i % 9 === 0,
    exercise: false,
    direction: i % 2 ? "received" : "sent",
    reference: `REF-${i}`,
    from: { iso2: "FR", nameEn: "France", nameFr: "France", id: uuid(1) },
    to: i % 10 ? { iso2: "RO", nameEn: "Romania", nameFr: "Roumanie" } : null,
    createdAt: at(i),
    sentAt: at(i + 1),
    ackDueAt: at(i + 60),
    answerDueAt: null,
    preservationExpiresOn: i % 3 ? null : "2026-03-01",
    overdue: i % 8 === 0,
    purgedAt: null,
    sensitive: false,
    content: { subscriber: "must not leave in a listing" },
  };
}

describe("response projection of the app's schemas", () => {
  it("directory search", () => {
    const hits = Array.from({ length: 40 }, (_, i) => ({
      party: { id: uuid(i), iso2: "FR", nameEn: "France", nameFr: "France", status: "party" },
      contactPoint: contactPoint(i),
      score: 0.5 + i / 100,
      openNow: i % 2 === 0,
      rank: i,
    }));
    const data = projected(SearchResult, { hits, total: 40, query: "police" }) as z.infer<typeof SearchResult>;
    expect(JSON.stringify(data)).not.toMatch(/searchText|revision|rank|query|"status"/);
    expect(data.hits[0]?.contactPoint.openingHours).toEqual([{ days: [1, 2, 3, 4, 5], from: "08:00", to: "18:00" }]);
  });

  it("the inbox listing", () => {
    const items = Array.from({ length: 50 }, (_, i) => requestSummary(i));
    const text = json(RequestList, { items, total: 50, counts: { inbox: 50, outbox: 2, drafts: 0, overdue: 1 } });
    expect(text).not.toMatch(/subscriber|content/);
  });

  it("a Party's page, proposals, notifications and the error shape", () => {
    projected(PartyDetail, {
      id: uuid(1),
      iso2: "FR",
      nameEn: "France",
      nameFr: "France",
      altNames: [],
      status: "party",
      conventionRatifiedOn: "2006-01-10",
      sapRatifiedOn: null,
      legalProfile: {
        providerRetention: "12 months",
        preservationDays: 90,
        preservationExtendable: null,
        extensionNote: null,
        acceptedLanguages: ["en"],
        acceptedTemplates: [],
        ackTargetMinutes: null,
        emergencyAckTargetMinutes: 15,
        notes: null,
        updatedAt: null,
        internal: true,
      },
      contactPoints: [contactPoint(1), contactPoint(4)],
      actions: { propose: true, edit: false, confirm: false, admin: true },
    });
    projected(ProposalList, {
      proposals: [
        {
          id: uuid(1),
          party: { id: uuid(2), iso2: "FR", nameEn: "France", nameFr: "France" },
          kind: "update_contact_point",
          contactPointId: uuid(3),
          status: "pending",
          comment: null,
          changes: [{ field: "phones", before: [{ number: "+99215550100" }], after: null, why: "x" }],
          proposedBy: "Ana",
          proposedAt: at(1),
          reviewedBy: null,
          reviewedAt: null,
          reason: null,
          outdated: false,
        },
      ],
    });
    projected(NotificationList, {
      items: [
        {
          id: uuid(1),
          kind: "request.received",
          params: { number: "2026-FR-1", minutes: 15, party: null },
          link: "/requests/1",
          createdAt: at(1),
          readAt: null,
          userId: uuid(9),
        },
      ],
      unread: 1,
    });
    projected(ApiError, { error: { code: "not_found", message: "No such thing", stack: "at …" } });
    projected(ApiError, {
      error: { code: "invalid_input", message: "Bad", issues: [{ path: "body.x", message: "m" }] },
    });
  });

  it("a contact point with every optional field absent", () => {
    const data: Record<string, unknown> = contactPoint(2);
    const absent = ["unit", "address", "openingHours", "outOfHours", "instructions", "mlaCoordination"];
    for (const key of absent) delete data[key];
    const out = projected(ContactPoint, data) as Record<string, unknown>;
    // Their transforms answer null for an absent value: so does the projection.
    expect(absent.map((key) => out[key])).toEqual(absent.map(() => null));
  });
});

describe("the serializer", () => {
  const serializer = (check: boolean, schema: z.ZodType) =>
    projectingSerializer(check)({ schema, method: "GET", url: "/api/x", httpStatus: "200" });

  it("answers the projection's JSON, and refuses a wrong shape with or without checking", () => {
    const schema = z.object({ a: z.string() });
    expect(serializer(false, schema)({ a: "x", b: 1 })).toBe('{"a":"x"}');
    for (const check of [false, true]) {
      expect(() => serializer(check, schema)({ a: 1 })).toThrow(/response of GET \/api\/x does not match its schema/);
    }
  });

  it("in checking mode, refuses what parsing refuses and a JSON other than parsing's", () => {
    const uuidSchema = z.object({ id: z.uuid() });
    expect(serializer(false, uuidSchema)({ id: "not a uuid" })).toBe('{"id":"not a uuid"}');
    expect(() => serializer(true, uuidSchema)({ id: "not a uuid" })).toThrow(/does not match its schema/);
    const trimmed = z.object({ name: z.string().trim() });
    expect(() => serializer(true, trimmed)({ name: " padded " })).toThrow(
      /response of GET \/api\/x: projection differs from parsing at 9/,
    );
    expect(serializer(true, trimmed)({ name: "fine", extra: 1 })).toBe('{"name":"fine"}');
  });
});

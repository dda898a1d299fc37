import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { makeParty, makeUser } from "../../../test/harness/factories";
import { type Fingerprint, fingerprintDiff, fingerprinter, nextTransactionId } from "../../../test/harness/fingerprint";
import { routeFixtures } from "../../../test/harness/fixtures";
import { signedIn } from "../../../test/harness/http";
import { legalQuestion } from "../../../test/harness/requests";
import { ApiError } from "../../shared/errors";
import { createApiToken } from "../api-tokens/api-tokens";
import { buildApp } from "../app";
import type { UserRow } from "../auth/users";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../db/database";
import { INVALID_INPUT_LOG } from "../db/invalid-input";
import { loadDemoNetwork } from "../demo/seed";
import { SESSION_COOKIE } from "../http/guard";
import { createCampaign } from "../pings/campaigns";
import { pingTargets } from "../pings/tables";
import {
  encodeLoose,
  fromSchema,
  headerSafe,
  type JsonSchema,
  mutated,
  nastyString,
  nastyValue,
  replaceOne,
} from "./schema-arbitraries";

/**
 * Fuzzing (issue 11, point 3). For every operation of the OpenAPI document and several callers
 * (anonymous, an observer, a Party's contact point officer and administrator, the Secretariat, a
 * Party's API token), fast-check generates path parameters, query strings, headers and bodies,
 * within each route's schema and beyond it (wrong types, huge strings, deep nesting, lone
 * surrogates, NUL bytes, SQL and HTML fragments, broken JSON, other content types). Every answer
 * must be a 2xx/3xx, or a 4xx with the API's JSON error ({ error: { code, message } }); never a
 * 5xx. After every refused write (a 4xx to POST, PUT, PATCH or DELETE) the database must be as it
 * was: same rows in every application table.
 *
 * Reproducing: the run is deterministic for a seed (VIGIL_FUZZ_SEED, printed on failure); each
 * property's seed derives from it, the operation and the caller. VIGIL_FUZZ_RUNS sets the cases
 * per operation and caller, VIGIL_FUZZ_ONLY="POST /api/requests" narrows the run to operations
 * containing it; a hunt: VIGIL_FUZZ_SEED=7 VIGIL_FUZZ_RUNS=40 VIGIL_FUZZ_TIMEOUT_S=1800.
 */

// Fixed by default so that a failure in CI reproduces; tuned to about 2.5 minutes per database on 2 cores.
const SEED = Number(process.env.VIGIL_FUZZ_SEED ?? 20_261_121);
const RUNS = Number(process.env.VIGIL_FUZZ_RUNS ?? 20);
const ONLY = process.env.VIGIL_FUZZ_ONLY;
/** A property stops early past this time (slow routes: PDF exports, password hashing). */
const PROPERTY_MS = Number(process.env.VIGIL_FUZZ_PROPERTY_MS ?? 1_500);
/**
 * The whole run's budget: each property gets its share of what is left, so a loaded machine runs
 * fewer cases (the count is printed) rather than a longer test.
 */
const BUDGET_MS = Number(process.env.VIGIL_FUZZ_BUDGET_S ?? 150) * 1000;
/** Cases for a caller that every one of them refused (see below). */
const PROBES = 3;
/** Longer hunts (VIGIL_FUZZ_RUNS=50) need more than the default 10 minutes. */
const TIMEOUT_MS = Number(process.env.VIGIL_FUZZ_TIMEOUT_S ?? 600) * 1000;

const CALLERS = ["anonymous", "observer", "officer", "admin", "secretariat", "token"] as const;
type CallerName = (typeof CALLERS)[number];

/**
 * Operations fuzzed for some callers only. Each entry says why; everything else gets every caller.
 */
const CALLERS_OF: Record<string, { callers: CallerName[]; why: string }> = {
  // A Server-Sent Events stream answers 200 and never ends, so inject() would wait for ever. It
  // reads no query or body; its only input is the session, fuzzed here through garbage cookies and
  // tokens of the anonymous caller (401). The signed-in answer is the access matrix's.
  "GET /api/events": { callers: ["anonymous"], why: "never-ending stream" },
  // Signing out ends the caller's own session, and every later case would answer 401. It takes no
  // body; garbage bodies, cookies and headers are still sent by the anonymous caller.
  "POST /api/auth/sign-out": { callers: ["anonymous"], why: "ends the fuzzer's session" },
};

/**
 * Left out of the fingerprint, because a refused attempt rightly writes them: the audit trail
 * records refused sign-ins and denied access (that is its purpose), the rate limits count every
 * attempt, refused ones included, and the lockout counter counts wrong passwords and codes. The
 * audit chain's head (audit_head) moves with every audit row.
 */
const SKIP_TABLES = ["audit_log", "audit_head", "rate_limits"] as const;
const SKIP_COLUMNS = ["users.failed_attempts", "users.locked_until"] as const;

type Operation = {
  key: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  query: JsonSchema | undefined;
  body: JsonSchema | undefined;
};

type ParamChoice =
  | { kind: "fixture" }
  | { kind: "seen"; index: number }
  | { kind: "value"; value: unknown }
  | { kind: "raw"; text: string };

type BodyChoice =
  | { kind: "json"; contentType: string; value: unknown }
  | { kind: "raw"; contentType: string | null; payload: string | Uint8Array }
  | { kind: "none" };

type AuthChoice = "keep" | "noCsrf" | "garbage";

type Case = {
  path: Record<string, ParamChoice>;
  query: { kind: "schema"; value: unknown } | { kind: "raw"; text: string };
  body: BodyChoice;
  headers: Record<string, string>;
  auth: AuthChoice;
  /** Instead of a JSON body from the schema: a body the route once took, with one field replaced (or none). */
  corpus: { index: number; bad: unknown; pick: number; keep: boolean } | null;
};

// --- Encoding what the arbitraries give into an HTTP request -------------------------------------

const asText = (v: unknown): string => (typeof v === "string" ? v : v === undefined ? "" : (JSON.stringify(v) ?? ""));

function queryString(value: unknown): string {
  if (!value || typeof value !== "object" || Array.isArray(value)) return `q=${encodeLoose(asText(value))}`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) parts.push(`${encodeLoose(k)}=${encodeLoose(asText(item))}`);
  }
  return parts.join("&");
}

// --- Arbitraries for one operation ---------------------------------------------------------------

const RAW_SEGMENTS = [
  "%",
  "%zz",
  "%E0%A4",
  "%00",
  "%2e%2e",
  "..",
  ".",
  "%C0%AF",
  "%ED%A0%80",
  "a%2Fb",
  "%25",
  "%F4%90%80%80",
  "",
];

const RAW_QUERIES = [
  "limit=1&limit=2",
  "limit=1e400",
  "limit=-0",
  "offset=99999999999999999999999",
  "%zz=1",
  "a=%",
  "&&&=",
  "=",
  "q[]=x&q[a]=y",
  "__proto__[polluted]=1",
  "constructor[prototype][polluted]=1",
  `q=${"x".repeat(100_000)}`,
  "from=2026-02-30&to=2026-13-01",
  "from=9999-12-31&to=0000-01-01",
  "format=pdf&format=docx",
  "lang=xx",
  "q=%00",
  "q=%ED%A0%80",
];

const BROKEN_JSON = [
  "{",
  '{"a":',
  "[1,2",
  "nul",
  "\uFEFF{}",
  '{"a":1}{"b":2}',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  "1e99999",
  '"\\ud800"',
  '"\\u0000"',
  '{"a":"\\u0000"}',
  "",
  " ",
  "null",
  "[]",
  "0",
  `{"a":"${"x".repeat(1_100_000)}"}`, // over the 1 MB body limit
];

const CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=fuzz",
  "application/xml",
  "application/octet-stream",
  "application/json; charset=utf-16",
  "application/vnd.api+json",
  "*/*",
];

const JSON_TYPES = ["application/json", "application/json; charset=utf-8", "Application/JSON", "application/json;x=y"];

const HEADER_NAMES = [
  "accept",
  "accept-language",
  "origin",
  "referer",
  "user-agent",
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-host",
  "if-none-match",
  "if-modified-since",
  "range",
  "x-http-method-override",
  "content-encoding",
  "sec-fetch-site",
  "x-request-id",
  "cookie",
  "authorization",
  "x-csrf-token",
];

/** Headers that carry the caller's identity: only replaced by garbage when the case says so. */
const AUTH_HEADERS = new Set(["cookie", "authorization", "x-csrf-token"]);

const headerValue: fc.Arbitrary<string> = fc.oneof(
  nastyString.map(headerSafe),
  fc.constantFrom(
    `${SESSION_COOKIE}=${"A".repeat(43)}`,
    `${SESSION_COOKIE}=%ZZ; ${SESSION_COOKIE}=x`,
    "Bearer vgl_",
    "Bearer vgl_' OR 1=1 --",
    "Bearer ",
    "Basic Og==",
    "gzip",
    "bytes=0-0,-1",
    "*/*;q=0.1, text/html",
    "fr-FR,fr;q=0.9,en;q=0.8",
    "DELETE",
    "http://evil.example.org",
  ),
);

function bodyArbitrary(op: Operation): fc.Arbitrary<BodyChoice> {
  const inSchema: fc.Arbitrary<unknown> = op.body
    ? fc.oneof(
        { weight: 4, arbitrary: fromSchema(op.body) },
        { weight: 5, arbitrary: mutated(op.body) },
        { weight: 1, arbitrary: nastyValue },
      )
    : fc.oneof(fc.constant({}), nastyValue);
  const json = fc
    .tuple(fc.constantFrom(...JSON_TYPES), inSchema)
    .map(([contentType, value]): BodyChoice => ({ kind: "json", contentType, value }));
  const broken = fc
    .constantFrom(...BROKEN_JSON)
    .map((payload): BodyChoice => ({ kind: "raw", contentType: "application/json", payload }));
  const other = fc
    .tuple(fc.option(fc.constantFrom(...CONTENT_TYPES, "garbage/\u00ff; ;;"), { nil: null }), nastyString)
    .map(([contentType, payload]): BodyChoice => ({ kind: "raw", contentType, payload }));
  const bytes = fc
    .uint8Array({ maxLength: 2_000 })
    .map((payload): BodyChoice => ({ kind: "raw", contentType: "application/octet-stream", payload }));
  const none = fc.constant<BodyChoice>({ kind: "none" });
  const isFile = op.path.endsWith("/attachments") && op.method === "POST";
  const isRead = op.method === "GET" || op.method === "DELETE";
  return fc.oneof(
    { weight: isRead ? 1 : 12, arbitrary: json },
    { weight: 2, arbitrary: broken },
    { weight: 2, arbitrary: other },
    { weight: isFile ? 12 : 1, arbitrary: bytes },
    { weight: isRead ? 10 : 2, arbitrary: none },
  );
}

function caseArbitrary(op: Operation): fc.Arbitrary<Case> {
  const path: Record<string, fc.Arbitrary<ParamChoice>> = {};
  for (const p of op.pathParams) {
    path[p.name] = fc.oneof(
      { weight: 5, arbitrary: fc.constant<ParamChoice>({ kind: "fixture" }) },
      { weight: 1, arbitrary: fc.nat().map((index): ParamChoice => ({ kind: "seen", index })) },
      { weight: 3, arbitrary: fromSchema(p.schema).map((value): ParamChoice => ({ kind: "value", value })) },
      { weight: 2, arbitrary: nastyString.map((value): ParamChoice => ({ kind: "value", value })) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((text): ParamChoice => ({ kind: "raw", text })) },
    );
  }
  const query: fc.Arbitrary<Case["query"]> = fc.oneof(
    {
      weight: op.query ? 4 : 1,
      arbitrary: fromSchema(op.query ?? { type: "object" }).map((value) => ({ kind: "schema" as const, value })),
    },
    {
      weight: op.query ? 4 : 1,
      arbitrary: mutated(op.query ?? { type: "object" }).map((value) => ({ kind: "schema" as const, value })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES).map((text) => ({ kind: "raw" as const, text })) },
    {
      weight: 1,
      arbitrary: fc
        .dictionary(nastyString, nastyValue, { maxKeys: 3 })
        .map((value) => ({ kind: "schema" as const, value })),
    },
  );
  return fc.record({
    path: fc.record(path),
    query,
    body: bodyArbitrary(op),
    headers: fc.oneof(
      { weight: 3, arbitrary: fc.constant({}) },
      { weight: 2, arbitrary: fc.dictionary(fc.constantFrom(...HEADER_NAMES), headerValue, { maxKeys: 3 }) },
    ),
    corpus: fc.option(
      fc.record({ index: fc.nat(), bad: nastyValue, pick: fc.nat(), keep: fc.nat(4).map((n) => n === 0) }),
      { freq: 2 },
    ),
    auth: fc.oneof(
      { weight: 8, arbitrary: fc.constant<AuthChoice>("keep") },
      { weight: 1, arbitrary: fc.constant<AuthChoice>("noCsrf") },
      { weight: 1, arbitrary: fc.constant<AuthChoice>("garbage") },
    ),
  });
}

// --- The OpenAPI document as operations ------------------------------------------------------------

type OpenApiOperation = {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};

function operationsOf(app: FastifyInstance): Operation[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      const params = op.parameters ?? [];
      const query = params.filter((p) => p.in === "query");
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase() as Operation["method"],
        path,
        pathParams: params.filter((p) => p.in === "path").map((p) => ({ name: p.name, schema: p.schema })),
        query: query.length
          ? {
              type: "object",
              properties: Object.fromEntries(query.map((p) => [p.name, p.schema])),
              required: query.filter((p) => p.required).map((p) => p.name),
            }
          : undefined,
        body: op.requestBody?.content["application/json"]?.schema,
      });
    }
  }
  return ops;
}

/** Reads first, then writes, then deletions: a case rarely removes what a later operation needs. */
function order(op: Operation): number {
  return op.method === "GET" ? 0 : op.method === "DELETE" ? 3 : op.method === "POST" ? 1 : 2;
}

/** A property's seed: the run's seed mixed with the operation and caller (FNV-1a). */
function seedFor(key: string): number {
  let h = 0x811c9dc5 ^ SEED;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

// --- The run -------------------------------------------------------------------------------------

let ctx: AppContext;
let app: FastifyInstance;
let fingerprint: () => Promise<Fingerprint>;
/** What the server logged (warnings and errors) while the current case ran. */
const errorLog: string[] = [];
const callerHeaders = {} as Record<CallerName, Record<string, string>>;
let fixtures: Record<string, string>;
/**
 * Bodies each write route took (2xx), seeded with known good ones: refinements (a phone number in
 * E.164, a date after another) refuse most generated bodies, and mutating one field of a good body
 * reaches the code behind the schema.
 */
const corpus = new Map<string, unknown[]>();
// Not structuredClone: it overflows the stack on the 3,000-level bodies JSON copes with.
const jsonCopy = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? "null");
function remember(key: string, body: unknown): void {
  const bodies = corpus.get(key) ?? [];
  if (bodies.length < 20) corpus.set(key, [...bodies, jsonCopy(body)]);
}
/** Ids seen in successful answers: path parameters that exist, beyond the fixtures. */
const seen: string[] = [];
const seenSet = new Set<string>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function harvest(value: unknown, depth = 0): void {
  if (depth > 8 || !value || typeof value !== "object" || seen.length >= 1_000) return;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "string" && (k === "id" || k.endsWith("Id")) && UUID.test(v) && !seenSet.has(v)) {
      seenSet.add(v);
      seen.push(v);
    } else if (v && typeof v === "object") harvest(v, depth + 1);
  }
}

beforeAll(async () => {
  // The clock never moves: sign-ins stay recent, so sensitive routes are reached.
  const clock = new ManualClock(new Date("2026-11-21T05:40:00Z"));
  const base = testContext(await testDatabase(), clock);
  // Server errors are logged at "error": kept to explain a 500 in the failure message.
  const sink = new Writable({
    write(chunk, _enc, done) {
      errorLog.push(String(chunk));
      done();
    },
  });
  ctx = {
    ...base,
    log: pino({ level: "warn" }, sink),
    config: {
      ...base.config,
      mail: { kind: "mailbox", from: "vigil@example.org" },
      // Every case comes from one address: the limits themselves are rate-limit.db.test.ts's.
      rateLimits: {
        signIn: { limit: 1_000_000, windowMs: 15 * 60_000 },
        links: { limit: 1_000_000, windowMs: 60_000 },
      },
    },
  };
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  await app.ready();

  await makeParty(ctx, "XQ", "Observerland");
  const users = {} as Record<"observer" | "officer" | "admin" | "secretariat", UserRow>;
  const sign = async (name: keyof typeof users, role: Parameters<typeof signedIn>[3], party: string | null) => {
    const s = await signedIn(app, ctx, `fuzz.${name}@example.org`, role, party);
    users[name] = s.user;
    callerHeaders[name] = { cookie: `${SESSION_COOKIE}=${s.c.cookie}`, "x-csrf-token": s.c.csrf ?? "" };
    return s.c;
  };
  await sign("observer", "observer", "XQ");
  const officer = await sign("officer", "officer", "CL");
  await sign("admin", "party_admin", "CL");
  await sign("secretariat", "secretariat", null);
  callerHeaders.anonymous = {};
  const meta = { ip: null, userAgent: null };
  const bearer = await createApiToken(
    ctx,
    users.admin,
    { name: "Fuzz case system", scopes: ["directory:read", "requests:read", "requests:write"] },
    meta,
  );
  callerHeaders.token = { authorization: `Bearer ${bearer.token}` };

  // Fixtures the path parameters point at: a request from CL to RO with an attachment, a second
  // API token (the first is a caller: revoking it would silence that caller), a webhook, an
  // incident, a ping test, an account that is no caller (for the administration routes).
  const fixed = await routeFixtures(ctx, { client: officer, user: users.officer }, users.secretariat);
  const revocable = await createApiToken(ctx, users.admin, { name: "Revocable", scopes: ["directory:read"] }, meta);
  const pingInput = {
    title: "Fuzz ping",
    selection: { parties: ["CL"], types: [], regions: [] },
    schedule: { mode: "now" as const },
    reminderMinutes: [],
    buckets: [15, 60],
  };
  const ping = await createCampaign(ctx, users.secretariat, pingInput, meta);
  const draft = { type: "legal_information", requestedParty: "RO", content: { reference: "FUZZ-1" } };
  remember("POST /api/requests", draft);
  remember("PUT /api/requests/{id}/draft", draft);
  remember("POST /api/requests/{id}/send", legalQuestion("RO"));
  remember("POST /api/incidents", fixed.incidentInput);
  remember("POST /api/pings", pingInput);
  remember("POST /api/pings/preview", pingInput.selection);
  const spare = await makeUser(ctx, { email: "fuzz.spare@example.org", role: "officer", party: "CL" });
  const feed = await officer.post("/api/me/calendar/rotate");
  const [target] = await ctx.db.tx(
    (tx) => tx.select().from(pingTargets).where(eq(pingTargets.campaignId, ping)).limit(1),
    SYSTEM_ACTOR,
  );
  // Keyed by "<route prefix>|<param>" first, then by the parameter's name alone.
  fixtures = {
    "/api/requests|id": fixed.requestId,
    "/api/data-protection/requests|id": fixed.requestId,
    "/api/webhooks|id": fixed.webhookId ?? randomUUID(),
    "/api/api-tokens|id": revocable.apiToken.id,
    "/api/incidents|id": fixed.incidentId,
    "/api/pings/targets|id": target?.id ?? randomUUID(),
    "/api/pings|id": ping,
    "/api/admin/users|id": spare.user.id,
    "/api/directory/contact-points|id": fixed.contactPointId ?? randomUUID(),
    attachmentId: fixed.attachmentId,
    eventId: fixed.eventId ?? randomUUID(),
    userId: users.officer.id,
    iso2: "CL",
    version: fixed.version ?? "1.0.0",
    type: "legal_information",
    role: "mla",
    file: String(feed.data?.url ?? "").split("/calendar/")[1] ?? "none.ics",
    token: "A".repeat(43),
  };
  fingerprint = await fingerprinter(ctx.db, { skipTables: SKIP_TABLES, skipColumns: SKIP_COLUMNS });
});

afterAll(async () => {
  await app?.close();
  await ctx?.db.close();
});

function fixtureFor(op: Operation, name: string): string {
  const prefixed = Object.keys(fixtures).find(
    (k) => k.includes("|") && op.path.startsWith(`${k.split("|")[0]}/`) && k.endsWith(`|${name}`),
  );
  return (prefixed ? fixtures[prefixed] : fixtures[name]) ?? randomUUID();
}

function urlOf(op: Operation, c: Case): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const choice = c.path[name] as ParamChoice;
    switch (choice.kind) {
      case "fixture":
        return encodeLoose(fixtureFor(op, name));
      case "seen":
        return encodeLoose(seen.length ? (seen[choice.index % seen.length] as string) : fixtureFor(op, name));
      case "raw":
        return choice.text;
      case "value":
        return encodeLoose(asText(choice.value));
    }
  });
  const query = c.query.kind === "raw" ? c.query.text : queryString(c.query.value);
  return query ? `${path}?${query}` : path;
}

function headersOf(caller: CallerName, c: Case, contentType: string | null): Record<string, string> {
  const headers: Record<string, string> = { ...callerHeaders[caller] };
  if (c.auth === "noCsrf") delete headers["x-csrf-token"];
  for (const [name, value] of Object.entries(c.headers)) {
    if (AUTH_HEADERS.has(name) && c.auth !== "garbage") continue;
    headers[name] = value;
  }
  if (contentType !== null) headers["content-type"] = headerSafe(contentType);
  return headers;
}

/** What is wrong with an answer, if anything. */
function problemOf(op: Operation, res: LightMyRequestResponse): string | null {
  const status = res.statusCode;
  // The readiness probe's 503 is its report (this app runs no job queue), not a server error.
  if (op.key === "GET /ready" && status === 503 && /"jobs"/.test(res.body)) return null;
  if (status >= 500) return `answered ${status}`;
  if (status < 400) return null;
  const type = String(res.headers["content-type"] ?? "");
  if (!type.startsWith("application/json")) return `answered ${status} with content-type "${type}", not JSON`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    return `answered ${status} with a body that is not JSON`;
  }
  const shape = ApiError.safeParse(parsed);
  if (!shape.success || !shape.data.error.message.trim())
    return `answered ${status} without { error: { code, message } }`;
  return null;
}

const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

const stats = { cases: 0, refusedWrites: 0, byStatus: new Map<number, number>(), problems: [] as string[] };
const problemKinds = new Set<string>();
let cached: { xid: string; fingerprint: Fingerprint } | undefined;

/** Sends one case and checks the answer and the database; returns the status (0 if none). */
async function runCase(op: Operation, caller: CallerName, c: Case, propertySeed: number): Promise<number> {
  const url = urlOf(op, c);
  let payload: string | Buffer | undefined;
  let contentType: string | null = null;
  let jsonBody: unknown;
  if (c.body.kind === "json") {
    const known = corpus.get(op.key);
    jsonBody = c.body.value;
    if (c.corpus && known?.length) {
      jsonBody = jsonCopy(known[c.corpus.index % known.length]);
      if (!c.corpus.keep) jsonBody = replaceOne(jsonBody, c.corpus.bad, c.corpus.pick);
    }
    payload = JSON.stringify(jsonBody) ?? "null";
    contentType = c.body.contentType;
  } else if (c.body.kind === "raw") {
    payload = typeof c.body.payload === "string" ? c.body.payload : Buffer.from(c.body.payload);
    contentType = c.body.contentType;
  }
  const headers = headersOf(caller, c, contentType);
  const write = op.method !== "GET";
  if (write) {
    // The fingerprint taken last still holds if no transaction has written since.
    const xid = await nextTransactionId(ctx.db);
    if (cached?.xid !== xid) cached = { xid, fingerprint: await fingerprint() };
  }
  errorLog.length = 0;
  let res: LightMyRequestResponse;
  try {
    res = await app.inject({ method: op.method, url, headers, ...(payload !== undefined ? { payload } : {}) });
  } catch (err) {
    record(op, caller, "inject threw", `${url}\n  ${String(err)}`, propertySeed);
    return 0;
  }
  stats.cases++;
  stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
  if (write && op.body && res.statusCode < 300 && c.body.kind === "json") remember(op.key, jsonBody);
  if (res.statusCode < 300 && String(res.headers["content-type"]).startsWith("application/json")) {
    try {
      harvest(JSON.parse(res.body));
    } catch {}
  }
  const describe = () =>
    [
      `${op.method} ${clip(url)}`,
      `  headers ${clip(JSON.stringify(headers))}`,
      `  body ${payload === undefined ? "(none)" : clip(String(payload))}`,
      `  → ${res.statusCode} ${clip(res.body)}`,
      ...errorLog.map((l) => `  log ${clip(l, 800)}`),
    ].join("\n");
  const problem = problemOf(op, res);
  if (problem) record(op, caller, problem, describe(), propertySeed);
  // The error handler's backstop answered 400 for a value PostgreSQL refused: safe, but the
  // route's schema let it through, and schemas are where input is refused.
  if (errorLog.some((l) => l.includes(INVALID_INPUT_LOG)))
    record(
      op,
      caller,
      "a value no schema refused reached PostgreSQL (the backstop answered)",
      describe(),
      propertySeed,
    );
  if (write && res.statusCode >= 400 && res.statusCode < 500 && cached) {
    stats.refusedWrites++;
    const xid = await nextTransactionId(ctx.db);
    if (xid !== cached.xid) {
      // Something was written (an audit row, a rolled-back attempt, or another database on a
      // shared server): compare every application table.
      const after = await fingerprint();
      const diff = fingerprintDiff(cached.fingerprint, after);
      if (diff.length) record(op, caller, `refused write changed ${diff.join(", ")}`, describe(), propertySeed);
      cached = { xid, fingerprint: after };
    }
  }
  return res.statusCode;
}

function record(op: Operation, caller: CallerName, problem: string, detail: string, propertySeed: number): void {
  // One example per operation and kind of problem is enough to fix it; the count says how often.
  const kind = `${op.key} ${problem.replace(/\d+ → \d+/g, "")}`;
  const first = !problemKinds.has(kind);
  problemKinds.add(kind);
  if (first && stats.problems.length < 60) {
    // Printed at once too: a run cut short by its timeout still shows what it found.
    console.log(`fuzz problem: ${op.key} as ${caller}: ${problem}\n  ${detail}`);
    stats.problems.push(`${op.key} as ${caller}: ${problem} (property seed ${propertySeed})\n  ${detail}`);
  }
}

it(
  "every route answers fuzzed input with a 2xx, 3xx or a JSON 4xx, and a refused write changes nothing",
  async () => {
    const started = Date.now();
    const ops = operationsOf(app)
      .filter((op) => !ONLY || op.key.includes(ONLY))
      .sort((a, b) => order(a) - order(b) || a.key.localeCompare(b.key));
    expect(ops.length).toBeGreaterThan(ONLY ? 0 : 100);
    const total = ops.reduce((n, op) => n + (CALLERS_OF[op.key]?.callers ?? CALLERS).length, 0);
    let properties = 0;
    const cut = new Set<string>();
    for (const op of ops) {
      const callers = CALLERS_OF[op.key]?.callers ?? CALLERS;
      const opStarted = Date.now();
      const opCases = stats.cases;
      const cases = caseArbitrary(op);
      for (const caller of callers) {
        const propertySeed = seedFor(`${op.key} ${caller}`);
        properties++;
        let sent = 0;
        let refused = 0;
        const left = Math.max(1, total - properties + 1);
        const share = Math.max(50, (2 * (started + BUDGET_MS - Date.now())) / left);
        const until = Date.now() + Math.min(PROPERTY_MS, share);
        const details = await fc.check(
          fc.asyncProperty(cases, async (c) => {
            // A caller refused on its first cases (401/403: the guard answers before reading any
            // input) would only meet the guard again: its runs go to the callers that get through.
            if (sent >= PROBES && refused === sent) return;
            // The time budget is checked between cases, not with fast-check's interruptAfterTimeLimit:
            // that abandons a running case, whose request then writes during the next one's.
            if (Date.now() > until) {
              cut.add(`${op.key} ${caller}`);
              return;
            }
            const status = await runCase(op, caller, c, propertySeed);
            sent++;
            if (status === 401 || status === 403) refused++;
          }),
          {
            seed: propertySeed,
            numRuns: RUNS,
          },
        );
        // An exception in the generators or the checks themselves must not pass for a clean run.
        if (details.failed)
          record(op, caller, "the property itself failed", String(details.errorInstance), propertySeed);
      }
      if (process.env.VIGIL_FUZZ_VERBOSE)
        console.log(`${op.key}: ${stats.cases - opCases} cases, ${Date.now() - opStarted} ms`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const statuses = [...stats.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    const serverErrors = [...stats.byStatus].filter(([s]) => s >= 500 && s !== 503).reduce((n, [, k]) => n + k, 0);
    console.log(
      `fuzz: ${stats.cases.toLocaleString("en")} cases over ${ops.length} routes (${properties} route × caller properties, ` +
        `${stats.refusedWrites.toLocaleString("en")} refused writes checked against the database), ` +
        `${serverErrors} server errors, ${problemKinds.size} kinds of problem, ${seconds} s on ${ctx.db.kind}, seed ${SEED}; ` +
        `${cut.size} properties cut short by the time budget\n` +
        `  statuses: ${statuses.join(" ")}`,
    );
    expect(
      stats.problems.join("\n\n"),
      `VIGIL_FUZZ_SEED=${SEED} reruns this sequence (add VIGIL_FUZZ_ONLY="<METHOD /path>" to narrow it)`,
    ).toBe("");
  },
  TIMEOUT_MS,
);

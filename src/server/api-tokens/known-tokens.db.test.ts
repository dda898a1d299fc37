import { desc, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { signedIn, type TestClient } from "../../../test/harness/http";
import { buildApp } from "../app";
import { auditLog } from "../audit/tables";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { type Database, queryRows } from "../db/database";
import { loadDemoNetwork } from "../demo/seed";
import { KnownTokens, knownTokensOf } from "./known-tokens";

/**
 * Tokens kept in an instance's memory (known-tokens.ts): no lookup while known, and still refused
 * at once when revoked behind this instance's back (by another instance, here by SQL as the owner).
 */
const clock = new ManualClock("2026-11-23T09:00:00Z");
let ctx: AppContext;
let app: FastifyInstance;
let admin: TestClient;
let lookups = 0;

beforeAll(async () => {
  const db = await testDatabase();
  // The same database, its lookups counted (the guard's only use of lookup for a token).
  const counted: Database = {
    ...db,
    lookup: (fn) => {
      lookups++;
      return db.lookup(fn);
    },
  };
  const base = testContext(counted, clock);
  ctx = { ...base, config: { ...base.config, reauthMs: 30 * 24 * 3_600_000 } };
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  ({ c: admin } = await signedIn(app, ctx, "admin.fi@example.org", "party_admin", "FI"));
  const { c: secretariat } = await signedIn(app, ctx, "desk@example.org", "secretariat", null);
  const published = await secretariat.post("/api/directory/releases", { version: "2026-11", notes: "" });
  if (published.statusCode !== 201) throw new Error(`release not published: ${published.body}`);
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

async function newToken(name: string) {
  const res = await admin.post("/api/api-tokens", {
    name,
    scopes: ["directory:read", "requests:read", "requests:write"],
  });
  if (res.statusCode !== 201) throw new Error(`token not created: ${res.body}`);
  return res.data as { token: string; apiToken: { id: string } };
}

const call = (token: string, method: "GET" | "POST", url: string, payload?: unknown) =>
  app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

/** Revoked as another instance would: in the database, this instance's memory untouched. */
const revokeBehindItsBack = (id: string) =>
  ctx.db.ownerTx((tx) => tx.execute(sql`update api_tokens set revoked_at = now() where id = ${id}::uuid`));

describe("API tokens known to an instance", () => {
  it("are not looked up again while their use is recorded within the minute, and are looked up once it is not", async () => {
    const { token } = await newToken("Poller");
    expect((await call(token, "GET", "/api/directory/search?q=police")).statusCode).toBe(200);
    const before = lookups;
    for (let i = 0; i < 5; i++) {
      expect((await call(token, "GET", "/api/directory/search?q=police")).statusCode).toBe(200);
      clock.advance(5_000);
    }
    expect(lookups).toBe(before);
    clock.advance(60_000);
    expect((await call(token, "GET", "/api/directory/parties")).statusCode).toBe(200);
    expect(lookups).toBe(before + 1);
  });

  it("are refused with 401 on every route that takes tokens once revoked elsewhere, the refusal audited and the token forgotten", async () => {
    const { token, apiToken } = await newToken("Revoked elsewhere");
    const draft = await call(token, "POST", "/api/requests", {
      type: "legal_information",
      requestedParty: "RO",
      content: {},
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const requestId = (JSON.parse(draft.body) as { id: string }).id;
    const latest = (await call(token, "GET", "/api/directory/releases")).json() as {
      releases: { version: string }[];
    };
    const version = latest.releases[0]?.version;
    expect(version).toBeDefined();

    // Every GET route the OpenAPI document lists with the token scheme, its parameters filled in:
    // the ids of sub-resources are unknown ones (a 404 is decided inside the transaction too).
    const doc = (await app.inject({ method: "GET", url: "/api/docs/json" })).json() as {
      paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
    };
    const values: Record<string, string> = {
      iso2: "FI",
      version: String(version),
      id: requestId,
      eventId: "00000000-0000-4000-8000-000000000001",
      attachmentId: "00000000-0000-4000-8000-000000000002",
      onwardId: "00000000-0000-4000-8000-000000000003",
      userId: "00000000-0000-4000-8000-000000000004",
    };
    // The routes whose query has required fields: given valid ones (a refusal of a malformed call
    // by the schema comes before the handler, token known or not).
    const queries: [string, string][] = [
      ["/compare", `?from=${version}&to=current`],
      ["/export", "?format=json"],
      ["/requests/route", "?party=RO&type=legal_information"],
      ["/onward-transfers/check", "?recipientState=RO"],
    ];
    const urls = Object.entries(doc.paths)
      .filter(([, ops]) => ops.get?.security?.some((s) => "apiToken" in s))
      .map(([path]) =>
        path.replace(/\{(\w+)\}/g, (_, name: string) => {
          const value = values[name];
          if (!value) throw new Error(`no value for the parameter ${name} of ${path}`);
          return value;
        }),
      )
      .map((url) => url + (queries.find(([end]) => url.endsWith(end))?.[1] ?? ""));
    expect(urls.length).toBeGreaterThan(10);

    // Known: each route answers, without a lookup of the token.
    for (const url of urls) {
      const res = await call(token, "GET", url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).not.toBe(401);
    }
    const known = knownTokensOf(ctx.db);
    const hash = KnownTokens.hashOf(token);
    const kept = known.get(hash);
    if (!kept) throw new Error("the token is not kept");

    await revokeBehindItsBack(apiToken.id);
    for (const url of urls) {
      // Known again before each call: a refusal makes the instance forget it.
      known.remember(hash, kept);
      const res = await call(token, "GET", url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(401);
      expect(res.json().error.code, url).toBe("api_token_revoked");
      expect(res.headers["www-authenticate"]).toContain('error="invalid_token"');
    }
    expect(known.get(hash)).toBeUndefined();
    // A write is refused the same way, and writes nothing.
    const requestsNow = () =>
      ctx.db.ownerTx(
        async (tx) => (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from requests`))[0]?.n,
      );
    const before = await requestsNow();
    known.remember(hash, kept);
    const write = await call(token, "POST", "/api/requests", {
      type: "legal_information",
      requestedParty: "RO",
      content: {},
    });
    expect(write.statusCode).toBe(401);
    expect(await requestsNow()).toBe(before);
    const [refusal] = await ctx.db.ownerTx((tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, "api_token.refused")).orderBy(desc(auditLog.id)).limit(1),
    );
    expect(refusal).toMatchObject({ targetId: apiToken.id, details: { reason: "api_token_revoked" } });
  });

  it("keep at most their bound, dropping the oldest", () => {
    const tokens = new KnownTokens(2);
    const found = (id: string) => ({ token: { id } as never, iso2: "FI" });
    tokens.remember("a", found("a"));
    tokens.remember("b", found("b"));
    tokens.remember("a", found("a"));
    tokens.remember("c", found("c"));
    expect(tokens.size).toBe(2);
    expect(tokens.get("b")).toBeUndefined();
    expect(tokens.get("a")).toBeDefined();
    tokens.forget("a");
    expect(tokens.get("a")).toBeUndefined();
  });
});

import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { count, desc, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { signedIn, type TestClient } from "../../../test/harness/http";
import { usageExample } from "../../web/features/api-tokens/usageExample";
import { buildApp } from "../app";
import { auditLog } from "../audit/tables";
import { sha256 } from "../auth/tokens";
import type { UserRow } from "../auth/users";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";
import { verifyDetached } from "../directory/formats/jws";
import { guard, principalOf } from "../http/guard";
import { apiTokens } from "./tables";

const clock = new ManualClock("2026-11-23T09:00:00Z");
let ctx: AppContext;
let app: FastifyInstance;
let admin: TestClient;
let adminUser: UserRow;
let secretariat: TestClient;

/** A national system's call: no cookie, no CSRF token, only the Authorization header. */
async function withToken(token: string, url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: "GET", url, headers: { authorization: `Bearer ${token}`, ...headers } });
  const json = String(res.headers["content-type"] ?? "").includes("json") && res.body;
  return Object.assign(res, { data: json ? (JSON.parse(res.body) as any) : undefined });
}

async function create(body: unknown) {
  const res = await admin.post("/api/api-tokens", body);
  if (res.statusCode !== 201) throw new Error(`token not created: ${res.body}`);
  return res.data as { token: string; apiToken: { id: string; prefix: string } };
}

const rowsOf = (table: typeof apiTokens | typeof auditLog) =>
  ctx.db.tx(async (tx) => (await tx.select({ n: count() }).from(table))[0]?.n ?? 0);

async function lastAudit(action: string) {
  const [row] = await ctx.db.tx((tx) =>
    tx.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1),
  );
  return row;
}

beforeAll(async () => {
  const base = testContext(await testDatabase(), clock);
  // These journeys move the clock by days between a sign-in and an export or a token; asking for
  // re-authentication is shown in auth/reauth.db.test.ts, so here a sign-in stays fresh for 30 days.
  ctx = { ...base, config: { ...base.config, reauthMs: 30 * 24 * 3_600_000 } };
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  // A route as the request routes will declare theirs, to show the guard checks requests scopes.
  app.get(
    "/api/test/requests",
    // No transaction: the token is looked up on each call (see GuardOptions.transactional).
    { onRequest: guard(ctx, { permission: "requests.read", scope: "requests:read", transactional: false }) },
    async (request) => ({ partyId: principalOf(request).partyId }),
  );
  ({ c: admin, user: adminUser } = await signedIn(app, ctx, "admin.fi@example.org", "party_admin", "FI"));
  ({ c: secretariat } = await signedIn(app, ctx, "desk@example.org", "secretariat", null));
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

describe("API tokens", () => {
  it("are created by a Party's admin, shown once, and stored as their SHA-256 only", async () => {
    const res = await admin.post("/api/api-tokens", { name: "  Case system  ", scopes: ["directory:read"] });
    expect(res.statusCode).toBe(201);
    const { token, apiToken } = res.data;
    expect(token).toMatch(/^vgl_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({
      partyIso2: "FI",
      name: "Case system",
      prefix: token.slice(0, 12),
      scopes: ["directory:read"],
      createdBy: adminUser.displayName,
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });

    const list = await admin.get("/api/api-tokens");
    expect(list.data.tokens.map((t: { id: string }) => t.id)).toEqual([apiToken.id]);
    expect(list.body).not.toContain(token);
    expect(list.body).not.toContain(sha256(token));

    const [row] = await ctx.db.tx((tx) => tx.select().from(apiTokens).where(eq(apiTokens.id, apiToken.id)));
    expect(row?.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const audit = await lastAudit("api_token.created");
    expect(audit).toMatchObject({ actorUserId: adminUser.id, targetType: "api_token", targetId: apiToken.id });
    expect(audit?.details).toMatchObject({ name: "Case system", prefix: apiToken.prefix, scopes: ["directory:read"] });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("fetch the latest release: 200 with ETag and a signature that verifies, 304 when unchanged, audited as the token", async () => {
    const { token, apiToken } = await create({ name: "Directory poller", scopes: ["directory:read"] });
    expect((await withToken(token, "/api/directory/releases/latest")).statusCode).toBe(404);
    expect((await secretariat.post("/api/directory/releases", { version: "2026-11", notes: "" })).statusCode).toBe(201);

    const res = await withToken(token, "/api/directory/releases/latest");
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ format: "vigil.directory/1", version: "2026-11" });
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const key = await withToken(token, "/api/directory/signing-key");
    expect(key.statusCode).toBe(200);
    expect(verifyDetached(res.headers["x-vigil-signature"] as string, res.rawPayload, key.data.pem)).toBe(true);

    const unchanged = await withToken(token, "/api/directory/releases/latest", { "if-none-match": etag });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe("");

    // The audit trail says which token of which Party read the directory.
    const audit = await lastAudit("directory.release.exported");
    expect(audit?.actorUserId).toBeNull();
    expect(audit?.actorPartyId).toBe(adminUser.partyId);
    expect(audit?.actorLabel).toContain(apiToken.id);
    expect(audit?.actorLabel).toContain("Directory poller");
    expect(audit?.actorLabel).toMatch(/ of FI$/);

    // The other read routes of the directory take the token too, with an officer's view.
    expect((await withToken(token, "/api/directory/parties")).data.parties.length).toBeGreaterThan(50);
    expect((await withToken(token, "/api/directory/parties/RO")).data.iso2).toBe("RO");
    expect((await withToken(token, "/api/directory/search?q=romania")).statusCode).toBe(200);
    expect((await withToken(token, "/api/directory/releases")).data.releases).toHaveLength(1);
    expect((await withToken(token, "/api/directory/releases/2026-11/export?format=csv")).statusCode).toBe(200);
    expect((await withToken(token, "/api/directory/schema.json")).statusCode).toBe(200);
  });

  it("record when a token was last used, at most once a minute", async () => {
    const { token, apiToken } = await create({ name: "Poller", scopes: ["directory:read"] });
    const lastUsed = async () =>
      (await admin.get("/api/api-tokens")).data.tokens.find((t: { id: string }) => t.id === apiToken.id).lastUsedAt;
    const first = clock.now().toISOString();
    await withToken(token, "/api/directory/parties");
    expect(await lastUsed()).toBe(first);
    clock.advance(30_000);
    await withToken(token, "/api/directory/parties");
    expect(await lastUsed()).toBe(first);
    clock.advance(31_000);
    await withToken(token, "/api/directory/parties");
    expect(await lastUsed()).toBe(clock.now().toISOString());
  });

  it("refuse a wrong, revoked or expired token with 401, and a token without the route's scope with 403", async () => {
    const wrong = await withToken(`vgl_${"A".repeat(43)}`, "/api/directory/releases/latest");
    expect(wrong.statusCode).toBe(401);
    expect(wrong.data.error.code).toBe("api_token_invalid");
    expect(wrong.headers["www-authenticate"]).toContain('error="invalid_token"');
    expect((await withToken("not-a-token", "/api/directory/parties")).statusCode).toBe(401);

    const requestsOnly = await create({ name: "Requests reader", scopes: ["requests:read"] });
    const noScope = await withToken(requestsOnly.token, "/api/directory/releases/latest");
    expect(noScope.statusCode).toBe(403);
    expect(noScope.data.error).toMatchObject({ code: "insufficient_scope" });
    expect(noScope.data.error.message).toContain("directory:read");

    const expiring = await create({
      name: "Short-lived",
      scopes: ["directory:read"],
      expiresAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
    });
    expect((await withToken(expiring.token, "/api/directory/parties")).statusCode).toBe(200);
    clock.advance(3_600_000);
    const expired = await withToken(expiring.token, "/api/directory/parties");
    expect(expired.statusCode).toBe(401);
    expect(expired.data.error.code).toBe("api_token_expired");
    expect(await lastAudit("api_token.refused")).toMatchObject({
      targetId: expiring.apiToken.id,
      details: { reason: "api_token_expired" },
    });

    const revoking = await create({ name: "To revoke", scopes: ["directory:read"] });
    expect((await withToken(revoking.token, "/api/directory/parties")).statusCode).toBe(200);
    const revoked = await admin.post(`/api/api-tokens/${revoking.apiToken.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.data.revokedAt).toBe(clock.now().toISOString());
    expect(await lastAudit("api_token.revoked")).toMatchObject({
      actorUserId: adminUser.id,
      targetId: revoking.apiToken.id,
    });
    const refused = await withToken(revoking.token, "/api/directory/releases/latest");
    expect(refused.statusCode).toBe(401);
    expect(refused.data.error.code).toBe("api_token_revoked");
    // A revoked token stays: the application's role cannot delete tokens, even with raw SQL.
    const denied = await ctx.db
      .tx((tx) => tx.execute(sql`delete from api_tokens`))
      .then(
        () => "deleted",
        (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
      );
    expect(denied).toMatch(/permission denied/);
    // Revoking again changes nothing.
    expect((await admin.post(`/api/api-tokens/${revoking.apiToken.id}/revoke`)).data.revokedAt).toBe(
      revoked.data.revokedAt,
    );
  });

  it("are refused on routes that do not declare a scope, writes and token management included", async () => {
    const { token } = await create({ name: "Reader", scopes: ["directory:read", "requests:read", "requests:write"] });
    for (const [method, url, payload] of [
      ["GET", "/api/api-tokens", undefined],
      ["GET", "/api/webhooks", undefined],
      ["POST", "/api/directory/parties/FI/confirm", undefined],
      ["POST", "/api/directory/releases", { version: "2099-01", notes: "" }],
      ["POST", "/api/api-tokens", { name: "Child", scopes: ["directory:read"] }],
    ] as const) {
      const headers = { authorization: `Bearer ${token}` };
      const res = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      expect(res.statusCode, url).toBe(401);
      expect(JSON.parse(res.body).error.code, url).toBe("api_token_not_accepted");
    }
  });

  it("with requests:write, draft a request for their Party (no user behind it), which its officers then see", async () => {
    const writer = await create({ name: "National system", scopes: ["requests:read", "requests:write"] });
    const headers = { authorization: `Bearer ${writer.token}` };
    const draft = await app.inject({
      method: "POST",
      url: "/api/requests",
      headers,
      payload: { type: "legal_information", requestedParty: "RO", content: {} },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const { id } = JSON.parse(draft.body) as { id: string };
    const read = await app.inject({ method: "GET", url: `/api/requests/${id}`, headers });
    expect(read.statusCode).toBe(200);
    expect(JSON.parse(read.body).state).toBe("draft");
  });

  it("are checked against the requests scopes on routes that declare them", async () => {
    const reader = await create({ name: "Requests", scopes: ["requests:read"] });
    const res = await withToken(reader.token, "/api/test/requests");
    expect(res.statusCode).toBe(200);
    expect(res.data.partyId).toBe(adminUser.partyId);
    const directoryOnly = await create({ name: "Directory only", scopes: ["directory:read"] });
    expect((await withToken(directoryOnly.token, "/api/test/requests")).statusCode).toBe(403);
  });

  it("refuse an unknown scope, a past expiry or no name, naming the field, and write nothing", async () => {
    const tokensBefore = await rowsOf(apiTokens);
    const auditBefore = await rowsOf(auditLog);
    const unknown = await admin.post("/api/api-tokens", { name: "X", scopes: ["directory:read", "directory:write"] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.error.issues).toEqual([
      { path: "body.scopes.1", message: expect.stringContaining('Unknown scope "directory:write"') },
    ]);
    const past = await admin.post("/api/api-tokens", {
      name: "X",
      scopes: ["directory:read"],
      expiresAt: new Date(clock.now().getTime() - 1000).toISOString(),
    });
    expect(past.statusCode).toBe(400);
    expect(past.data.error.issues[0].path).toBe("body.expiresAt");
    const noName = await admin.post("/api/api-tokens", { name: "   ", scopes: ["directory:read"] });
    expect(noName.statusCode).toBe(400);
    expect(noName.data.error.issues[0].path).toBe("body.name");
    const noScope = await admin.post("/api/api-tokens", { name: "X", scopes: [] });
    expect(noScope.data.error.issues[0]).toEqual({ path: "body.scopes", message: "Choose at least one scope" });
    expect(await rowsOf(apiTokens)).toBe(tokensBefore);
    expect(await rowsOf(auditLog)).toBe(auditBefore);
  });

  it("stay within their Party: no other Party's admin, officer, observer or the Secretariat manages them", async () => {
    const { apiToken, token } = await create({ name: "Finland's", scopes: ["directory:read"] });
    const { c: chile } = await signedIn(app, ctx, "admin.cl9@example.org", "party_admin", "CL");
    expect((await chile.post(`/api/api-tokens/${apiToken.id}/revoke`)).statusCode).toBe(404);
    expect((await chile.get("/api/api-tokens")).data.tokens).toEqual([]);
    const [row] = await ctx.db.tx((tx) => tx.select().from(apiTokens).where(eq(apiTokens.id, apiToken.id)));
    expect(row?.revokedAt).toBeNull();
    expect((await withToken(token, "/api/directory/parties")).statusCode).toBe(200);

    const { c: officer } = await signedIn(app, ctx, "officer.fi9@example.org", "officer", "FI");
    const { c: observer } = await signedIn(app, ctx, "observer.fi9@example.org", "observer", "FI");
    for (const c of [officer, observer, secretariat]) {
      expect((await c.get("/api/api-tokens")).statusCode).toBe(403);
      expect((await c.post("/api/api-tokens", { name: "Mine", scopes: ["directory:read"] })).statusCode).toBe(403);
      expect((await c.post(`/api/api-tokens/${apiToken.id}/revoke`)).statusCode).toBe(403);
    }
  });

  it("work as the documentation shows: the README's Node example and the panel's curl example", async () => {
    const { token } = await create({ name: "Examples", scopes: ["directory:read"] });
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    type Fetched = { etag: string; body: Buffer; release: { version: string } } | null;
    const example = (await import(
      /* @vite-ignore */ pathToFileURL(path.resolve(import.meta.dirname, "../../../docs/examples/fetch-directory.mjs"))
        .href
    )) as {
      fetchLatestRelease: (url: string, token: string, etag?: string) => Promise<Fetched>;
      verifyDetachedJws: (jws: string, body: Buffer, pem: string) => boolean;
    };
    const first = await example.fetchLatestRelease(base, token);
    expect(first?.release.version).toBe("2026-11");
    expect(await example.fetchLatestRelease(base, token, first?.etag)).toBeNull();
    await expect(example.fetchLatestRelease(base, `vgl_${"B".repeat(43)}`)).rejects.toThrow(/401/);
    // The verifier refuses one changed byte.
    const latest = await withToken(token, "/api/directory/releases/latest");
    const pem = (await withToken(token, "/api/directory/signing-key")).data.pem;
    const jws = latest.headers["x-vigil-signature"] as string;
    expect(example.verifyDetachedJws(jws, latest.rawPayload, pem)).toBe(true);
    // The version "2026-11" becomes "2026-12" in the signed bytes.
    const changed = Buffer.from(
      latest.rawPayload.toString("utf8").replace('"version":"2026-11"', '"version":"2026-12"'),
    );
    expect(changed.equals(latest.rawPayload)).toBe(false);
    expect(example.verifyDetachedJws(jws, changed, pem)).toBe(false);

    // The shell example of the panel, run as a national system's cron job would.
    const dir = mkdtempSync(path.join(tmpdir(), "vigil-curl-"));
    try {
      const run = () =>
        promisify(execFile)("sh", ["-c", usageExample(base)], {
          cwd: dir,
          env: { ...process.env, VIGIL_TOKEN: token },
        });
      await run();
      expect(JSON.parse(readFileSync(path.join(dir, "directory.json"), "utf8")).version).toBe("2026-11");
      expect(readFileSync(path.join(dir, "etag.txt"), "utf8").trim()).toBe(first?.etag);
      // Second run: 304, the kept file stays as it is.
      writeFileSync(path.join(dir, "directory.json"), "kept");
      await run();
      expect(readFileSync(path.join(dir, "directory.json"), "utf8")).toBe("kept");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("appear in the OpenAPI document, with the Bearer scheme on the routes that take tokens", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/docs/json" })).json();
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths["/api/directory/releases/latest"].get.security).toContainEqual({ apiToken: ["directory:read"] });
    expect(doc.paths["/api/api-tokens"].post.requestBody).toBeDefined();
    expect(doc.paths["/api/api-tokens/{id}/revoke"].post).toBeDefined();
  });
});

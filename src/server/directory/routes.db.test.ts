import { desc } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { makeUser, TEST_PASSWORD } from "../../../test/harness/factories";
import { TestClient } from "../../../test/harness/http";
import { buildApp } from "../app";
import { auditLog } from "../audit/tables";
import { totpCodeAt } from "../auth/totp";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";

let ctx: AppContext;
let app: FastifyInstance;
beforeAll(async () => {
  ctx = testContext(await testDatabase());
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

async function signIn(email: string, role: "officer" | "observer", party: string) {
  const { user, totpSecret } = await makeUser(ctx, { email, role, party });
  const c = new TestClient(app);
  await c.post("/api/auth/sign-in", { email, password: TEST_PASSWORD });
  expect((await c.post("/api/auth/totp", { code: totpCodeAt(totpSecret!, ctx.clock.now()) })).statusCode).toBe(200);
  return { c, user };
}

describe("GET /api/directory/parties", () => {
  it("lists the 76 Parties to a signed-in officer, with counts, and audits the read", async () => {
    const { c, user } = await signIn("officer.fi@example.org", "officer", "FI");
    const res = await c.get("/api/directory/parties");
    expect(res.statusCode).toBe(200);
    expect(res.data.parties).toHaveLength(76);
    const ro = res.data.parties.find((p: { iso2: string }) => p.iso2 === "RO");
    expect(ro).toMatchObject({ nameEn: "Romania", contactPointCount: 2, primaryType: "police" });
    expect(res.data.parties.reduce((n: number, p: { contactPointCount: number }) => n + p.contactPointCount, 0)).toBe(
      90,
    );
    const [last] = await ctx.db.tx((tx) => tx.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1));
    expect(last).toMatchObject({ action: "directory.parties.read", actorUserId: user.id });
  });

  it("is never public: anonymous callers get 401", async () => {
    const res = await app.inject({ method: "GET", url: "/api/directory/parties" });
    expect(res.statusCode).toBe(401);
  });

  it("refuses observers until the Secretariat shares parts with them", async () => {
    // An observer State; the demo network holds Parties only, so add one.
    const { c } = await signIn("observer.ro@example.org", "observer", "RO");
    expect((await c.get("/api/directory/parties")).statusCode).toBe(403);
  });
});

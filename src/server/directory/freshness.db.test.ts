import { and, count, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { signedIn, type TestClient } from "../../../test/harness/http";
import { buildApp } from "../app";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";
import { notifications } from "../notify/tables";
import { runFreshnessChecks } from "./freshness";

let ctx: AppContext;
let app: FastifyInstance;
let secretariat: TestClient;
let finland: TestClient;
let finlandUser: string;
const DAY = 86_400_000;
const clock = new ManualClock("2026-11-23T09:00:00Z");

beforeAll(async () => {
  ctx = testContext(await testDatabase(), clock);
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  ({ c: secretariat } = await signedIn(app, ctx, "desk@example.org", "secretariat", null));
  ({
    c: finland,
    user: { id: finlandUser },
  } = await signedIn(app, ctx, "admin.fi@example.org", "party_admin", "FI"));
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

const remindersFor = (userId: string, kind = "directory.reminder") =>
  ctx.db.tx(
    async (tx) =>
      (
        await tx
          .select({ n: count() })
          .from(notifications)
          .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)))
      )[0]?.n,
  );

describe("freshness", () => {
  it("marks entries stale after 180 days, reminds weekly, and one click confirms them", async () => {
    let fi = await finland.get("/api/directory/parties/FI");
    expect(fi.data.contactPoints.every((c: { stale: boolean }) => !c.stale)).toBe(true);
    clock.advance(181 * DAY);
    // Sessions end after idle time; sign in again after half a year.
    ({ c: finland } = await signedIn(app, ctx, "admin2.fi@example.org", "party_admin", "FI"));
    ({ c: secretariat } = await signedIn(app, ctx, "desk2@example.org", "secretariat", null));
    fi = await finland.get("/api/directory/parties/FI");
    expect(fi.data.contactPoints.every((c: { stale: boolean }) => c.stale)).toBe(true);

    const first = await runFreshnessChecks(ctx);
    expect(first.reminded).toBeGreaterThanOrEqual(76);
    expect(await remindersFor(finlandUser)).toBe(1);
    // Run again an hour later: nothing new; a week later: reminded again.
    clock.advance(3_600_000);
    expect((await runFreshnessChecks(ctx)).reminded).toBe(0);
    clock.advance(7 * DAY);
    await runFreshnessChecks(ctx);
    expect(await remindersFor(finlandUser)).toBe(2);

    ({ c: finland } = await signedIn(app, ctx, "admin4.fi@example.org", "party_admin", "FI"));
    const confirmed = await finland.post("/api/directory/parties/FI/confirm");
    expect(confirmed.statusCode).toBe(200);
    fi = await finland.get("/api/directory/parties/FI");
    expect(fi.data.contactPoints.every((c: { stale: boolean }) => !c.stale)).toBe(true);
    // Another Party may not confirm Finland's entries.
    const { c: chile } = await signedIn(app, ctx, "officer.cl3@example.org", "officer", "CL");
    expect((await chile.post("/api/directory/parties/FI/confirm")).statusCode).toBe(403);
  });

  it("warns the owner of an encryption key about to expire, once a week", async () => {
    ({ c: secretariat } = await signedIn(app, ctx, "desk5@example.org", "secretariat", null));
    const report = await secretariat.get("/api/directory/completeness");
    expect(report.statusCode).toBe(200);
    const withKey = report.data.rows.find((r: { expiringKeys: unknown[] }) => r.expiringKeys.length > 0);
    expect(withKey).toBeDefined();
    const { user } = await signedIn(
      app,
      ctx,
      `admin.${withKey.party.iso2.toLowerCase()}@example.org`,
      "party_admin",
      withKey.party.iso2,
    );
    clock.advance(7 * DAY);
    expect((await runFreshnessChecks(ctx)).keyWarnings).toBeGreaterThan(0);
    expect(await remindersFor(user.id, "directory.key_expiring")).toBeGreaterThan(0);
  });

  it("lists missing fields per Party for the Secretariat and reminds a Party in one click", async () => {
    // A week passed in the test before: sessions have expired.
    ({ c: secretariat } = await signedIn(app, ctx, "desk3@example.org", "secretariat", null));
    ({ c: finland } = await signedIn(app, ctx, "admin3.fi@example.org", "party_admin", "FI"));
    const report = await secretariat.get("/api/directory/completeness");
    expect(report.data.rows).toHaveLength(76);
    const missingProfile = report.data.rows.filter((r: { missing: { field: string }[] }) =>
      r.missing.some((m) => m.field === "legalProfile.preservationDays"),
    );
    expect(missingProfile.length).toBeGreaterThan(0);
    const before = await remindersFor(finlandUser);
    const res = await secretariat.post("/api/directory/parties/FI/remind");
    expect(res.statusCode).toBe(200);
    expect(res.data.recipients).toBeGreaterThanOrEqual(2);
    expect(await remindersFor(finlandUser)).toBe((before ?? 0) + 1);
    expect((await finland.get("/api/directory/completeness")).statusCode).toBe(403);
    expect((await finland.post("/api/directory/parties/FI/remind")).statusCode).toBe(403);
  });
});

import { count, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { signedIn, type TestClient } from "../../../test/harness/http";
import { buildApp } from "../app";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";
import { notifications } from "../notify/tables";
import { contactPoints, directoryProposals } from "./tables";

let ctx: AppContext;
let app: FastifyInstance;
let benin: TestClient;
let beninAdminId: string;
let secretariat: TestClient;
let chile: TestClient;

beforeAll(async () => {
  ctx = testContext(await testDatabase());
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  ({
    c: benin,
    user: { id: beninAdminId },
  } = await signedIn(app, ctx, "admin.bj@example.org", "party_admin", "BJ"));
  ({ c: secretariat } = await signedIn(app, ctx, "desk@example.org", "secretariat", null));
  ({ c: chile } = await signedIn(app, ctx, "officer.cl2@example.org", "officer", "CL"));
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

/** Journey 3: Benin's new contact point at its Centre National d'Investigations Numériques. */
const newContactPoint = {
  isPrimary: false,
  type: "police",
  institution: "Centre National d'Investigations Numériques",
  unit: "Permanence 24/7",
  phones: [{ number: "+99 229 555 0100", note: "Duty desk", available247: true }],
  emails: [{ address: "cnin.247@example.org" }],
  available247: true,
  timeZone: "Africa/Porto-Novo",
  languages: ["fr", "en"],
  functions: ["preservation", "technical_advice"],
  networks: ["budapest_art35"],
};

const cpCount = () => ctx.db.tx(async (tx) => (await tx.select({ n: count() }).from(contactPoints))[0]?.n);

describe("proposals and review", () => {
  it("lets a Party propose a new contact point, the Secretariat accept it, and tells the proposer", async () => {
    const before = await cpCount();
    const res = await benin.post("/api/directory/parties/BJ/proposals", {
      kind: "create_contact_point",
      contactPoint: newContactPoint,
      comment: "New unit since October",
    });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({ status: "pending", kind: "create_contact_point", party: { iso2: "BJ" } });
    // Field by field: the phone arrives normalised to E.164.
    const phones = res.data.changes.find((c: { field: string }) => c.field === "phones");
    expect(phones).toEqual({
      field: "phones",
      before: null,
      after: [{ number: "+992295550100", note: "Duty desk", available247: true }],
    });
    expect(await cpCount()).toBe(before); // nothing applied yet

    const queue = await secretariat.get("/api/directory/proposals");
    expect(queue.data.proposals.map((p: { id: string }) => p.id)).toContain(res.data.id);
    const accepted = await secretariat.post(`/api/directory/proposals/${res.data.id}/review`, { decision: "accept" });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.data).toMatchObject({ status: "accepted", reviewedBy: "desk" });
    expect(await cpCount()).toBe((before ?? 0) + 1);

    const page = await benin.get("/api/directory/parties/BJ");
    expect(page.data.contactPoints.map((c: { institution: string }) => c.institution)).toContain(
      newContactPoint.institution,
    );
    const mine = await benin.get("/api/notifications");
    expect(mine.data.items[0]).toMatchObject({
      kind: "directory.proposal_reviewed",
      params: { party: "BJ", decision: "accepted" },
    });
    expect(mine.data.unread).toBeGreaterThan(0);
    // A decided proposal cannot be decided again.
    expect(
      (await secretariat.post(`/api/directory/proposals/${res.data.id}/review`, { decision: "reject", reason: "x" }))
        .statusCode,
    ).toBe(409);
  });

  it("shows the field-by-field diff of a change and requires a reason to reject", async () => {
    const page = await benin.get("/api/directory/parties/BJ");
    const cp = page.data.contactPoints[0];
    const { id, partyId: _p, lastConfirmedAt: _l, updatedAt: _u, stale: _s, ...fields } = cp;
    const res = await benin.post("/api/directory/parties/BJ/proposals", {
      kind: "update_contact_point",
      contactPointId: id,
      contactPoint: { ...fields, unit: "Brigade Économique et Financière", languages: ["fr"] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.data.changes.map((c: { field: string }) => c.field).sort()).toEqual(["languages", "unit"]);
    expect(res.data.outdated).toBe(false);
    const noReason = await secretariat.post(`/api/directory/proposals/${res.data.id}/review`, { decision: "reject" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.data.error.issues[0].path).toBe("body.reason");
    const rejected = await secretariat.post(`/api/directory/proposals/${res.data.id}/review`, {
      decision: "reject",
      reason: "Please send the official notification first.",
    });
    expect(rejected.data).toMatchObject({ status: "rejected", reason: "Please send the official notification first." });
    const unchanged = await benin.get("/api/directory/parties/BJ");
    expect(unchanged.data.contactPoints[0].unit).toBe(cp.unit);
  });

  it("flags a proposal made against an entry that changed since", async () => {
    const page = await benin.get("/api/directory/parties/BJ");
    const cp = page.data.contactPoints[0];
    const { id, partyId: _p, lastConfirmedAt: _l, updatedAt: _u, stale: _s, ...fields } = cp;
    const res = await benin.post("/api/directory/parties/BJ/proposals", {
      kind: "update_contact_point",
      contactPointId: id,
      contactPoint: { ...fields, instructions: "Call first, then e-mail the T-CY form." },
    });
    await secretariat.put(`/api/directory/contact-points/${id}`, { ...fields, address: "1 Rue Exemple, Cotonou" });
    const list = await benin.get("/api/directory/proposals");
    expect(list.data.proposals.find((p: { id: string }) => p.id === res.data.id).outdated).toBe(true);
    const withdrawn = await benin.post(`/api/directory/proposals/${res.data.id}/withdraw`);
    expect(withdrawn.data.status).toBe("withdrawn");
  });

  it("refuses changes to another Party's entries and direct edits by Parties", async () => {
    const ro = await chile.get("/api/directory/parties/RO");
    const res = await chile.post("/api/directory/parties/RO/proposals", {
      kind: "remove_contact_point",
      contactPointId: ro.data.contactPoints[1].id,
    });
    expect(res.statusCode).toBe(403);
    // A Party's member proposes; only the Secretariat edits directly.
    const own = await chile.get("/api/directory/parties/CL");
    const { id, partyId: _p, lastConfirmedAt: _l, updatedAt: _u, stale: _s, ...fields } = own.data.contactPoints[0];
    expect((await chile.put(`/api/directory/contact-points/${id}`, fields)).statusCode).toBe(403);
    // Nor may Chile pass off Romania's contact point as its own.
    const sneaky = await chile.post("/api/directory/parties/CL/proposals", {
      kind: "remove_contact_point",
      contactPointId: ro.data.contactPoints[1].id,
    });
    expect(sneaky.statusCode).toBe(404);
    // Chile's list of proposals holds none of Benin's.
    const list = await chile.get("/api/directory/proposals?status=all");
    expect(list.data.proposals.every((p: { party: { iso2: string } }) => p.party.iso2 === "CL")).toBe(true);
  });

  it("names the bad field of an invalid entry and writes nothing", async () => {
    const count0 = await ctx.db.tx(async (tx) => (await tx.select({ n: count() }).from(directoryProposals))[0]?.n);
    const cases: [Record<string, unknown>, string][] = [
      [{ phones: [{ number: "0800 CALL ME", available247: true }] }, "body.contactPoint.phones.0.number"],
      [{ emails: [{ address: "not-an-email" }] }, "body.contactPoint.emails.0.address"],
      [{ timeZone: "Mars/Olympus" }, "body.contactPoint.timeZone"],
      [{ languages: ["xx"] }, "body.contactPoint.languages.0"],
      [{ available247: true, phones: [{ number: "+992295550100", available247: false }] }, "body.contactPoint.phones"],
      [{ isPrimary: false, available247: false, openingHours: null }, "body.contactPoint.openingHours"],
    ];
    for (const [change, path] of cases) {
      const res = await benin.post("/api/directory/parties/BJ/proposals", {
        kind: "create_contact_point",
        contactPoint: { ...newContactPoint, ...change },
      });
      expect(res.statusCode, path).toBe(400);
      expect(
        res.data.error.issues.map((i: { path: string }) => i.path),
        path,
      ).toContain(path);
    }
    const unknown = await benin.post("/api/directory/parties/QQ/proposals", {
      kind: "create_contact_point",
      contactPoint: newContactPoint,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.data.error.message).toMatch(/QQ/);
    const count1 = await ctx.db.tx(async (tx) => (await tx.select({ n: count() }).from(directoryProposals))[0]?.n);
    expect(count1).toBe(count0);
  });

  it("keeps one primary contact point per Party", async () => {
    const ro = await secretariat.get("/api/directory/parties/RO");
    const [primary, secondary] = ro.data.contactPoints;
    expect((await secretariat.delete(`/api/directory/contact-points/${primary.id}`)).statusCode).toBe(409);
    const strip = ({
      id: _i,
      partyId: _p,
      lastConfirmedAt: _l,
      updatedAt: _u,
      stale: _s,
      ...f
    }: Record<string, unknown>) => f;
    // Promoting the secondary demotes the primary, in one transaction.
    const promoted = await secretariat.put(`/api/directory/contact-points/${secondary.id}`, {
      ...strip(secondary),
      isPrimary: true,
      available247: true,
      phones: [...secondary.phones, { number: "+99400555247", available247: true }],
    });
    expect(promoted.statusCode).toBe(200);
    const after = await secretariat.get("/api/directory/parties/RO");
    expect(
      after.data.contactPoints.filter((c: { isPrimary: boolean }) => c.isPrimary).map((c: { id: string }) => c.id),
    ).toEqual([secondary.id]);
    const n = await ctx.db.tx(
      async (tx) =>
        (await tx.select({ n: count() }).from(notifications).where(eq(notifications.userId, beninAdminId)))[0]?.n,
    );
    expect(n).toBeGreaterThan(0);
  });
});

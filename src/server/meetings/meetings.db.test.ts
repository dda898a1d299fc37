import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { signedIn, type TestClient } from "../../../test/harness/http";
import { buildApp } from "../app";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";

let ctx: AppContext;
let app: FastifyInstance;
let secretariat: TestClient;
let officer: TestClient;

beforeAll(async () => {
  ctx = testContext(await testDatabase(), new ManualClock("2026-09-01T09:00:00Z"));
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  ({ c: secretariat } = await signedIn(app, ctx, "desk@example.org", "secretariat", null));
  ({ c: officer } = await signedIn(app, ctx, "officer.ee@example.org", "officer", "EE"));
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

describe("annual meetings", () => {
  let id: string;
  it("records a meeting, its invitations, registrations and attendance, and counts the participation", async () => {
    const created = await secretariat.post("/api/meetings", {
      title: "2026 Annual meeting",
      startsOn: "2026-10-16",
      place: "EUROPOL, The Hague",
    });
    expect(created.statusCode).toBe(201);
    id = created.data.id;
    const add = (body: object) => secretariat.post(`/api/meetings/${id}/registrations`, body);
    for (const body of [
      { name: "Delegate RO-1", kind: "party", country: "ro", status: "registered", attended: true },
      { name: "Delegate RO-2", kind: "party", country: "RO", status: "registered", mode: "online", attended: true },
      { name: "Delegate CL-1", kind: "party", country: "CL", status: "registered", attended: true },
      { name: "Delegate EC-1", kind: "observer", country: "EC", status: "registered", mode: "online", attended: true },
      {
        name: "Delegate Europol-1",
        kind: "organisation",
        organisation: "Europol",
        status: "registered",
        attended: true,
      },
      {
        name: "Delegate Europol-2",
        kind: "organisation",
        organisation: "europol ",
        status: "registered",
        attended: true,
      },
      { name: "Delegate MT-1", kind: "party", country: "MT" },
    ]) {
      expect((await add(body)).statusCode).toBe(201);
    }
    const detail = (await secretariat.get(`/api/meetings/${id}`)).data;
    expect(detail.participation).toEqual({
      delegates: 6,
      inPerson: 4,
      online: 2,
      countries: 3,
      parties: 2,
      observers: 1,
      organisations: 1,
      invited: 7,
      registered: 6,
    });
    // Malta's delegate registers online and comes: one more delegate, Party and country.
    const malta = detail.registrations.find((r: { name: string }) => r.name === "Delegate MT-1");
    const url = `/api/meetings/${id}/registrations/${malta.id}`;
    expect((await secretariat.patch(url, { attended: true })).data.error.code).toBe("not_registered");
    const after = await secretariat.patch(url, { status: "registered", mode: "online", attended: true });
    expect(after.statusCode).toBe(200);
    expect(after.data.participation).toMatchObject({ delegates: 7, online: 3, countries: 4, parties: 3 });
    expect((await secretariat.get("/api/meetings")).data.items[0].participation.delegates).toBe(7);
  });

  it("refuses a delegate whose country does not fit the kind, and writes nothing", async () => {
    const add = (body: object) => secretariat.post(`/api/meetings/${id}/registrations`, body);
    const notParty = await add({ name: "X", kind: "party", country: "EC" });
    expect([notParty.statusCode, notParty.data.error.code]).toEqual([400, "not_a_party"]);
    const isParty = await add({ name: "X", kind: "observer", country: "RO" });
    expect(isParty.data.error.code).toBe("is_a_party");
    const unknown = await add({ name: "X", kind: "observer", country: "XX" });
    expect(unknown.data.error.code).toBe("unknown_country");
    const noOrg = await add({ name: "X", kind: "organisation" });
    expect([noOrg.statusCode, noOrg.data.error.code]).toEqual([400, "invalid_input"]);
    const notRegistered = await add({ name: "X", kind: "party", country: "RO", attended: true });
    expect(notRegistered.statusCode).toBe(400);
    const badDates = await secretariat.post("/api/meetings", {
      title: "T",
      startsOn: "2026-10-16",
      endsOn: "2026-10-15",
      place: "P",
    });
    expect(badDates.statusCode).toBe(400);
    expect((await secretariat.get(`/api/meetings/${id}`)).data.participation.invited).toBe(7);
    expect((await officer.get("/api/meetings")).statusCode).toBe(403);
  });
});

describe("capacity building", () => {
  it("records, lists and removes activities; bad input is refused", async () => {
    const res = await secretariat.post("/api/capacity-building", {
      title: "Workshop on the Second Additional Protocol",
      kind: "workshop",
      countries: ["tn", "MA", "TN"],
      startsOn: "2026-09-10",
      project: "CyberSouth",
    });
    expect(res.statusCode).toBe(201);
    expect(res.data.countries).toEqual(["TN", "MA"]);
    expect((await secretariat.get("/api/capacity-building")).data.items).toHaveLength(1);
    const bad = await secretariat.post("/api/capacity-building", { title: "T", kind: "party", startsOn: "2026-09-10" });
    expect(bad.statusCode).toBe(400);
    expect((await secretariat.delete(`/api/capacity-building/${res.data.id}`)).statusCode).toBe(204);
    expect((await secretariat.delete(`/api/capacity-building/${res.data.id}`)).statusCode).toBe(404);
    expect((await secretariat.get("/api/capacity-building")).data.items).toEqual([]);
  });
});

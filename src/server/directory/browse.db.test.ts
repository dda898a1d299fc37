import { desc, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { signedIn, type TestClient } from "../../../test/harness/http";
import { SearchQuery } from "../../shared/directory";
import { buildApp } from "../app";
import { auditLog } from "../audit/tables";
import type { Principal } from "../auth/principal";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";
import { search } from "./browse";
import { directoryGeneration, searchCacheOf } from "./search-cache";

let ctx: AppContext;
let app: FastifyInstance;
let officer: TestClient;
let officerId: string;
let officerUser: Principal;
// A Monday, 10:00 in Strasbourg.
const clock = new ManualClock("2026-11-23T09:00:00Z");
beforeAll(async () => {
  ctx = testContext(await testDatabase(), clock);
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  const signed = await signedIn(app, ctx, "officer.fi@example.org", "officer", "FI");
  officer = signed.c;
  officerId = signed.user.id;
  officerUser = signed.user;
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

const partiesFound = async (q: string) => {
  const res = await officer.get(`/api/directory/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode).toBe(200);
  return [...new Set(res.data.hits.map((h: { party: { iso2: string } }) => h.party.iso2))];
};

describe("GET /api/directory/parties", () => {
  it("lists the 76 Parties with counts and a stale flag, and audits the read", async () => {
    const res = await officer.get("/api/directory/parties");
    expect(res.statusCode).toBe(200);
    expect(res.data.parties).toHaveLength(76);
    const ro = res.data.parties.find((p: { iso2: string }) => p.iso2 === "RO");
    expect(ro).toMatchObject({ nameEn: "Romania", contactPointCount: 2, primaryType: "police" });
    expect(res.data.parties.reduce((n: number, p: { contactPointCount: number }) => n + p.contactPointCount, 0)).toBe(
      90,
    );
    // The demo leaves some Parties unconfirmed for 200 days.
    expect(res.data.parties.some((p: { stale: boolean }) => p.stale)).toBe(true);
    const [last] = await ctx.db.tx((tx) => tx.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1));
    expect(last).toMatchObject({ action: "directory.parties.read", actorUserId: officerId });
  });

  it("is never public: anonymous callers get 401 on every directory route", async () => {
    for (const url of ["/api/directory/parties", "/api/directory/search?q=x", "/api/directory/parties/RO"]) {
      expect((await app.inject({ method: "GET", url })).statusCode).toBe(401);
    }
  });
});

describe("search", () => {
  it("finds Côte d'Ivoire however it is typed: accents, apostrophe, English name, French name", async () => {
    for (const q of ["cote divoire", "Côte d'Ivoire", "COTE D'IVOIRE", "Ivory Coast", "côte", "CI"]) {
      expect(await partiesFound(q), q).toContain("CI");
    }
  });

  it("tolerates typos and finds words in any field", async () => {
    expect(await partiesFound("Romnia")).toContain("RO");
    expect((await partiesFound("Roumanie"))[0]).toBe("RO");
    // A phone number, an e-mail domain part and words from two fields in any order.
    const ro = await officer.get("/api/directory/parties/RO");
    const phone = ro.data.contactPoints[0].phones[0].number as string;
    expect(await partiesFound(phone)).toContain("RO");
    expect(await partiesFound("prosecution romania")).toContain("RO");
  });

  it("filters by type, language and function, and says who answers now", async () => {
    const res = await officer.get("/api/directory/search?type=prosecution");
    expect(res.data.hits).toHaveLength(16);
    const fr = await officer.get("/api/directory/search?language=fr&function=preservation");
    expect(fr.data.hits.length).toBeGreaterThan(0);
    for (const h of fr.data.hits) {
      expect(h.contactPoint.languages).toContain("fr");
      expect(h.contactPoint.functions).toContain("preservation");
    }
    const now = await officer.get("/api/directory/search?availability=now&limit=500");
    const all = await officer.get("/api/directory/search?limit=500");
    expect(all.data.hits).toHaveLength(90);
    // Office-hours contact points are closed at 03:00 UTC on a Sunday everywhere in the demo.
    clock.set("2026-11-22T03:00:00Z");
    const night = await officer.get("/api/directory/search?availability=now&limit=500");
    clock.set("2026-11-23T09:00:00Z");
    expect(night.data.hits.length).toBeLessThan(now.data.hits.length + 1);
    expect(night.data.hits.every((h: { openNow: boolean }) => h.openNow)).toBe(true);
    expect(
      all.data.hits.filter((h: { contactPoint: { available247: boolean } }) => !h.contactPoint.available247).length,
    ).toBeGreaterThan(0);
    expect(night.data.hits.length).toBe(
      all.data.hits.filter((h: { contactPoint: { available247: boolean } }) => h.contactPoint.available247).length,
    );
  });

  it("refuses a bad filter with a message naming it", async () => {
    const res = await officer.get("/api/directory/search?language=xx");
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.data)).toMatch(/language/);
  });
});

describe("a Party's page", () => {
  it("shows contact points primary first, the legal profile, and what the caller may do", async () => {
    const res = await officer.get("/api/directory/parties/ro");
    expect(res.statusCode).toBe(200);
    expect(res.data.contactPoints).toHaveLength(2);
    expect(res.data.contactPoints[0].isPrimary).toBe(true);
    expect(res.data.actions).toEqual({ propose: false, edit: false, confirm: false });
    const own = await officer.get("/api/directory/parties/FI");
    expect(own.data.actions).toEqual({ propose: true, edit: false, confirm: true });
    expect((await officer.get("/api/directory/parties/ZZ")).statusCode).toBe(404);
  });

  it("shows observers only the entries shared with them", async () => {
    const { c } = await signedIn(app, ctx, "observer.fi@example.org", "observer", "FI");
    const list = await c.get("/api/directory/parties");
    expect(list.statusCode).toBe(200);
    expect(list.data.parties.length).toBeGreaterThan(0);
    expect(list.data.parties.length).toBeLessThan(76);
    const hits = await c.get("/api/directory/search?limit=500");
    expect(
      hits.data.hits.every(
        (h: { contactPoint: { sharedWithObservers: boolean } }) => h.contactPoint.sharedWithObservers,
      ),
    ).toBe(true);
    const shared = new Set(list.data.parties.map((p: { iso2: string }) => p.iso2));
    const hidden = (await officer.get("/api/directory/parties")).data.parties.find(
      (p: { iso2: string }) => !shared.has(p.iso2),
    );
    expect((await c.get(`/api/directory/parties/${hidden.iso2}`)).statusCode).toBe(404);
    expect((await c.get("/api/directory/releases")).statusCode).toBe(403);
    expect(
      (
        await c.post("/api/directory/parties/FI/proposals", {
          kind: "remove_contact_point",
          contactPointId: crypto.randomUUID(),
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe("the search cache", () => {
  const cache = () => searchCacheOf(ctx.db);
  const generation = () => ctx.db.tx((tx) => directoryGeneration(tx));

  it("ranks a search once per directory generation, and the answer is the same", async () => {
    const first = await officer.get("/api/directory/search?q=prosecution");
    const size = cache().size;
    const answered = cache().counts.answered;
    const again = await officer.get("/api/directory/search?q=prosecution");
    expect(again.data).toEqual(first.data);
    expect(cache().size).toBe(size);
    // The second was answered from memory, its transaction only checking the generation.
    expect(cache().counts.answered).toBe(answered + 1);
    // The entries' rows are kept too: as many as the search found, read once.
    const hits = (first.data as { total: number }).total;
    expect(hits).toBeGreaterThan(0);
    expect(cache().rowCount).toBeGreaterThanOrEqual(hits);
    // Each search is still audited.
    const rows = await ctx.db.tx((tx) => tx.select().from(auditLog).orderBy(desc(auditLog.id)).limit(2));
    expect(rows.map((r) => r.action)).toEqual(["directory.search", "directory.search"]);
  });

  it("presents a kept answer once a minute, the same object for all who ask, frozen", async () => {
    const ask = () => search(ctx, officerUser, SearchQuery.parse({ q: "police" }), { ip: null, userAgent: null });
    await ask();
    const first = await ask();
    expect(await ask()).toBe(first);
    expect(Object.isFrozen(first.hits[0]?.contactPoint)).toBe(true);
    // The next minute presents it again (open now and freshness are as of the minute).
    clock.set("2026-11-23T09:01:00Z");
    const next = await ask();
    expect(next).not.toBe(first);
    expect(next.total).toBe(first.total);
    clock.set("2026-11-23T09:00:00Z");
  });

  it("sees every change to the directory at once: an entry changed, then removed", async () => {
    expect(await partiesFound("zebraunit")).toEqual([]);
    const [cp] = await ctx.db
      .ownerTx((tx) =>
        tx.execute(sql`select cp.id from contact_points cp join parties p on p.id = cp.party_id
                     where p.iso2 = 'MT' order by cp.is_primary desc limit 1`),
      )
      .then((r) => (r as unknown as { rows: { id: string }[] }).rows);
    const before = await generation();
    await ctx.db.ownerTx((tx) =>
      tx.execute(sql`update contact_points set search_text = search_text || ' zebraunit'
                     where id = ${cp?.id}::uuid`),
    );
    expect(await generation()).toBe(before + 1);
    // The empty answer kept for "zebraunit" is refused by the changed generation, and searched again.
    const stale = cache().counts.stale;
    const searches = () => ctx.db.ownerTx((tx) => tx.$count(auditLog, sql`${auditLog.action} = 'directory.search'`));
    const recorded = await searches();
    expect(await partiesFound("zebraunit")).toEqual(["MT"]);
    expect(cache().counts.stale).toBe(stale + 1);
    // Recorded once: the refused transaction rolled back its record.
    expect(await searches()).toBe(recorded + 1);
    await ctx.db.ownerTx((tx) => tx.execute(sql`delete from contact_points where id = ${cp?.id}::uuid`));
    expect(await generation()).toBe(before + 2);
    expect(await partiesFound("zebraunit")).toEqual([]);
  });

  it("shows an entry's change that leaves its ranking as it was, at the next search", async () => {
    const find = async () =>
      (
        (await officer.get("/api/directory/search?q=prosecution")).data as {
          hits: { contactPoint: { id: string; unit: string | null } }[];
        }
      ).hits[0]?.contactPoint;
    const before = await find();
    expect(before).toBeDefined();
    await ctx.db.ownerTx((tx) =>
      tx.execute(sql`update contact_points set unit = 'Night desk 7' where id = ${before?.id}::uuid`),
    );
    expect((await find())?.unit).toBe("Night desk 7");
  });

  it("moves with Parties and the search dictionary too, and only through those changes", async () => {
    const before = await generation();
    await ctx.db.ownerTx((tx) => tx.execute(sql`update parties set name_en = name_en where iso2 = 'MT'`));
    await ctx.db.ownerTx((tx) => tx.execute(sql`insert into directory_search_words (word) values ('zebraunit')`));
    expect(await generation()).toBe(before + 2);
    await expect(
      ctx.db.tx((tx) => tx.execute(sql`update directory_generation set n = 0 where id = 1`)),
    ).rejects.toThrow();
  });
});

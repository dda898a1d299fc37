import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { pdfPages } from "../../../test/harness/document-text";
import { makeParty } from "../../../test/harness/factories";
import { signedIn, TestClient } from "../../../test/harness/http";
import { TestSmtpServer } from "../../../test/harness/smtp";
import { ContactPointFields } from "../../shared/directory";
import type { PingReport } from "../../shared/pings";
import { buildApp } from "../app";
import { auditLog } from "../audit/tables";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../db/database";
import { findPartyByIso2, insertContactPoint } from "../directory/entries";
import { EVENTS_CHANNEL } from "../notify/events";
import { smtpTransport } from "../notify/mail-transport";
import { deliverDue } from "../notify/outbox";
import { checkCampaign, sweepPings } from "./campaigns";
import { pingCampaigns, pingRecipients, pingTargets } from "./tables";

/*
 * A ping test end to end through a real SMTP server started here: the messages are read as a
 * mailbox would receive them, their links followed at times chosen with a manual clock, and the
 * report compared with response times computed here, independently of the report function.
 */

const T0 = new Date("2026-11-21T23:10:00Z"); // a Saturday night (UTC)
const HANDOFF_DELAY_MS = 7_000; // the mail server accepts the messages 7 s after the ping goes
const T1 = new Date(T0.getTime() + HANDOFF_DELAY_MS);
const MIN = 60_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

let ctx: AppContext;
let clock: ManualClock;
let app: FastifyInstance;
let smtp: TestSmtpServer;
let secretariat: TestClient;
let officerXC: TestClient;
let officerXB: TestClient;
const anonymous = () => new TestClient(app);
const events: { type: string; campaignId?: string }[] = [];
let stopListening: () => Promise<void>;

type Point = { iso2: string; type: string; timeZone: string; emails: string[]; languages?: string[] };
const POINTS: Point[] = [
  { iso2: "XA", type: "police", timeZone: "Europe/Bucharest", emails: ["a1@xa.example.org", "a2@xa.example.org"] },
  { iso2: "XA", type: "prosecution", timeZone: "America/Santiago", emails: ["a3@xa.example.org"] },
  { iso2: "XB", type: "police", timeZone: "Asia/Tokyo", emails: ["b1@xb.example.org"] },
  { iso2: "XC", type: "cybersecurity", timeZone: "UTC", emails: [] },
  { iso2: "XD", type: "police", timeZone: "Europe/Paris", emails: ["d1@xd.example.org"], languages: ["fr"] },
  { iso2: "XF", type: "police", timeZone: "Africa/Dakar", emails: ["f1@xf.example.org"] },
];
const SELECTION = { parties: ["XA", "XB", "XC", "XD", "XF"], types: [], regions: [] };

beforeAll(async () => {
  smtp = await new TestSmtpServer().start();
  clock = new ManualClock(T0);
  const base = testContext(await testDatabase(), clock);
  ctx = {
    ...base,
    config: {
      ...base.config,
      mail: { kind: "smtp", url: smtp.url, from: "vigil@example.org" },
      // The clock moves by days: sessions stay valid for these journeys.
      sessionIdleMs: 30 * 86_400_000,
      sessionMaxMs: 30 * 86_400_000,
    },
  };
  for (const iso2 of ["XA", "XB", "XC", "XD", "XE", "XF"]) await makeParty(ctx, iso2);
  await ctx.db.tx(async (tx) => {
    for (const [i, p] of POINTS.entries()) {
      const party = await findPartyByIso2(tx, p.iso2);
      if (!party) throw new Error(p.iso2);
      const fields = ContactPointFields.parse({
        isPrimary: i !== 1,
        type: p.type,
        institution: `${p.type} of ${p.iso2} (fictional)`,
        phones: [{ number: "+9900000001", available247: true }],
        emails: p.emails.map((address) => ({ address })),
        available247: true,
        timeZone: p.timeZone,
        languages: p.languages ?? ["en"],
      });
      await insertContactPoint(tx, party, fields, T0);
    }
  }, SYSTEM_ACTOR);
  app = await buildApp(ctx);
  secretariat = (await signedIn(app, ctx, "sec.pings@example.org", "secretariat", null)).c;
  officerXC = (await signedIn(app, ctx, "duty.xc@example.org", "officer", "XC")).c;
  officerXB = (await signedIn(app, ctx, "duty.xb@example.org", "officer", "XB")).c;
  stopListening = await ctx.db.listen(EVENTS_CHANNEL, (payload) => {
    events.push((JSON.parse(payload) as { event: { type: string; campaignId?: string } }).event);
  });
});

afterAll(async () => {
  await stopListening();
  await app.close();
  await ctx.db.close();
  await smtp.stop();
});

const transport = () => smtpTransport(smtp.url, "vigil@example.org");
async function deliver(): Promise<number> {
  const mail = transport();
  try {
    return (await deliverDue(ctx, mail)).delivered;
  } finally {
    mail.close();
  }
}

/** The acknowledgement link's token in a received message, by address. */
function tokensByAddress(fromIndex = 0): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of smtp.received.slice(fromIndex)) {
    const token = /\/ping\/([A-Za-z0-9_-]{43})\b/.exec(m.text)?.[1];
    if (token) out.set(m.to[0] as string, token);
  }
  return out;
}

async function targetsOf(campaignId: string) {
  return ctx.db.tx((tx) => tx.select().from(pingTargets).where(eq(pingTargets.campaignId, campaignId)), SYSTEM_ACTOR);
}

async function acknowledgementsRecorded(): Promise<number> {
  const [row] = await ctx.db.tx(
    (tx) =>
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(sql`${auditLog.action} in ('ping.acknowledged', 'ping.answer_recorded')`),
    SYSTEM_ACTOR,
  );
  return row?.n ?? 0;
}

describe("a ping test through a real SMTP server", () => {
  let campaignId: string;
  let tokens: Map<string, string>;
  const chosen = new Map<string, Date>(); // target institution → when it answered

  it("previews the selection and refuses one that reaches nobody", async () => {
    const preview = await secretariat.post("/api/pings/preview", SELECTION);
    expect(preview.statusCode).toBe(200);
    expect(preview.data).toEqual({ parties: 5, contactPoints: 6, addresses: 6, withoutEmail: 1 });
    const before = await ctx.db.tx((tx) => tx.select().from(pingCampaigns), SYSTEM_ACTOR);
    const none = await secretariat.post("/api/pings", {
      title: "Nobody there",
      selection: { parties: ["XE"] },
      schedule: { mode: "now" },
    });
    expect(none.statusCode).toBe(400);
    expect(none.data.error.code).toBe("no_recipients");
    const unknown = await secretariat.post("/api/pings", {
      title: "Unknown",
      selection: { parties: ["ZZ"] },
      schedule: { mode: "now" },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.error.code).toBe("unknown_party");
    const past = await secretariat.post("/api/pings", {
      title: "Too late",
      selection: SELECTION,
      schedule: { mode: "at", at: at(T0, -MIN).toISOString() },
    });
    expect(past.statusCode).toBe(400);
    expect(await ctx.db.tx((tx) => tx.select().from(pingCampaigns), SYSTEM_ACTOR)).toHaveLength(before.length);
  });

  it("sends now: one message per address through the outbox, the Parties' officers told in Vigil", async () => {
    const res = await secretariat.post("/api/pings", {
      title: "Saturday night test",
      selection: SELECTION,
      schedule: { mode: "now" },
      reminderMinutes: [60],
      buckets: [15, 60, 1440],
    });
    expect(res.statusCode).toBe(201);
    campaignId = res.data.id;
    expect(res.data).toMatchObject({ status: "running", firedAt: T0.toISOString() });
    expect(res.data.progress).toMatchObject({ parties: 5, contactPoints: 6, sent: 6, delivered: 0 });
    const open = await officerXC.get("/api/pings/open");
    expect(open.data.items).toHaveLength(1);
    const bell = await officerXC.get("/api/notifications");
    expect(bell.data.items.map((n: { kind: string }) => n.kind)).toContain("ping.received");

    // The mail server accepts them 7 seconds later: that is when each contact point's clock starts.
    clock.set(T1);
    expect(await deliver()).toBe(6);
    expect(smtp.received).toHaveLength(6);
    const recipients = smtp.received.map((m) => m.to[0]).sort();
    expect(recipients).toEqual(POINTS.flatMap((p) => p.emails).sort());
    for (const m of smtp.received) {
      expect(m.subject).toMatch(/^\[Vigil\] (Ping test|Test de disponibilité)/);
      expect(m.text).toMatch(/\/ping\/[A-Za-z0-9_-]{43}\b/);
    }
    // The French-speaking contact point's mailbox gets the French text.
    expect(smtp.received.find((m) => m.to[0] === "d1@xd.example.org")?.subject).toContain("Test de disponibilité");
    tokens = tokensByAddress();
    expect(new Set(tokens.values()).size).toBe(6);
    const progress = await secretariat.get(`/api/pings/${campaignId}`);
    expect(progress.data.progress).toMatchObject({ sent: 6, delivered: 6, failed: 0, acknowledgedParties: 0 });
    // Live progress: the Secretariat's pages were told.
    await expect.poll(() => events.some((e) => e.type === "ping" && e.campaignId === campaignId)).toBe(true);
  });

  it("a GET of the link says what it is and records nothing (mail scanners fetch links)", async () => {
    const link = tokens.get("a1@xa.example.org") as string;
    for (let i = 0; i < 3; i++) {
      const res = await anonymous().get(`/api/pings/ack/${link}`);
      expect(res.statusCode).toBe(200);
      expect(res.data).toMatchObject({ state: "valid", party: "XA", acknowledgedAt: null });
    }
    expect((await targetsOf(campaignId)).every((t) => t.acknowledgedAt === null)).toBe(true);
    expect(await acknowledgementsRecorded()).toBe(0);
  });

  it("records the first acknowledgement by link with a name; repeated clicks change nothing", async () => {
    clock.set(at(T1, 9 * MIN));
    const first = await anonymous().post(`/api/pings/ack/${tokens.get("a1@xa.example.org")}`, { name: "Ana Duty" });
    expect(first.statusCode).toBe(200);
    expect(first.data.responseSeconds).toBe(9 * 60);
    chosen.set("police of XA (fictional)", clock.now());

    clock.set(at(T1, 12 * MIN));
    const again = await anonymous().post(`/api/pings/ack/${tokens.get("a1@xa.example.org")}`, { name: "Ana Duty" });
    expect(again.statusCode).toBe(409);
    // The same contact point's other address: already answered, nothing changes.
    const other = tokens.get("a2@xa.example.org") as string;
    expect((await anonymous().get(`/api/pings/ack/${other}`)).data.state).toBe("answered");
    expect((await anonymous().post(`/api/pings/ack/${other}`, { name: "Someone else" })).statusCode).toBe(409);
    const xa = (await targetsOf(campaignId)).find((t) => t.institution === "police of XA (fictional)");
    expect(xa).toMatchObject({ acknowledgedAt: at(T1, 9 * MIN), answeredBy: "Ana Duty", via: "link" });
    // A name is required; an empty one records nothing.
    const noName = await anonymous().post(`/api/pings/ack/${tokens.get("b1@xb.example.org")}`, { name: "  " });
    expect(noName.statusCode).toBe(400);
  });

  it("an officer of the Party answers in Vigil; another Party's officer cannot", async () => {
    clock.set(at(T1, 30 * MIN));
    const open = await officerXC.get("/api/pings/open");
    const targetId = open.data.items[0].targetId as string;
    expect((await officerXB.post(`/api/pings/targets/${targetId}/acknowledge`)).statusCode).toBe(404);
    const res = await officerXC.post(`/api/pings/targets/${targetId}/acknowledge`);
    expect(res.statusCode).toBe(200);
    chosen.set("cybersecurity of XC (fictional)", clock.now());
    expect((await officerXC.get("/api/pings/open")).data.items).toHaveLength(0);
    expect((await officerXC.post(`/api/pings/targets/${targetId}/acknowledge`)).statusCode).toBe(409);
  });

  it("reminds at the set time only the contact points that have not answered, with the same link", async () => {
    clock.set(at(T1, 50 * MIN));
    expect(
      (await anonymous().post(`/api/pings/ack/${tokens.get("a3@xa.example.org")}`, { name: "Pedro" })).statusCode,
    ).toBe(200);
    chosen.set("prosecution of XA (fictional)", clock.now());

    clock.set(at(T0, 59 * MIN));
    expect((await checkCampaign(ctx, campaignId)).reminded).toBe(0);
    clock.set(at(T0, 61 * MIN));
    const received = smtp.received.length;
    expect((await sweepPings(ctx)).reminded).toBe(3); // XB, XD, XF
    expect((await sweepPings(ctx)).reminded).toBe(0); // once
    expect(await deliver()).toBe(3);
    const reminders = smtp.received.slice(received);
    expect(reminders.map((m) => m.to[0]).sort()).toEqual([
      "b1@xb.example.org",
      "d1@xd.example.org",
      "f1@xf.example.org",
    ]);
    expect(reminders.every((m) => /Reminder|Rappel/.test(m.subject ?? ""))).toBe(true);
    const again = tokensByAddress(received);
    for (const [address, token] of again) expect(token).toBe(tokens.get(address));
    // The reminder's hand-off does not restart anyone's clock.
    const xb = (await targetsOf(campaignId)).find((t) => t.partyIso2 === "XB");
    expect(xb?.handedOverAt).toEqual(T1);
  });

  it("the Secretariat records an answer received by phone, with a note", async () => {
    clock.set(at(T1, 4 * 60 * MIN));
    const xf = (await targetsOf(campaignId)).find((t) => t.partyIso2 === "XF");
    const phoned = at(T1, 3 * 60 * MIN);
    const missingNote = await secretariat.post(`/api/pings/${campaignId}/answers`, {
      targetId: xf?.id,
      at: phoned.toISOString(),
      name: "Awa",
      note: "",
    });
    expect(missingNote.statusCode).toBe(400);
    const future = await secretariat.post(`/api/pings/${campaignId}/answers`, {
      targetId: xf?.id,
      at: at(clock.now(), MIN).toISOString(),
      name: "Awa",
      note: "Called back",
    });
    expect(future.statusCode).toBe(400);
    const res = await secretariat.post(`/api/pings/${campaignId}/answers`, {
      targetId: xf?.id,
      at: phoned.toISOString(),
      name: "Awa",
      note: "Called the Secretariat's duty phone",
    });
    expect(res.statusCode).toBe(200);
    chosen.set("police of XF (fictional)", phoned);
    expect((await anonymous().get(`/api/pings/ack/${tokens.get("f1@xf.example.org")}`)).data.state).toBe("answered");
  });

  it("a late answer counts at its time", async () => {
    clock.set(at(T1, 20 * 60 * MIN));
    const res = await anonymous().post(`/api/pings/ack/${tokens.get("b1@xb.example.org")}`, { name: "Kenji" });
    expect(res.statusCode).toBe(200);
    chosen.set("police of XB (fictional)", clock.now());
  });

  it("forged, truncated and expired links get a clear answer and record nothing", async () => {
    const recorded = await acknowledgementsRecorded();
    const before = await targetsOf(campaignId);
    const d1 = tokens.get("d1@xd.example.org") as string;
    const forged = randomBytes(32).toString("base64url");
    for (const bad of [forged, d1.slice(0, 30), `${d1}x`, "not-a-link"]) {
      const got = await anonymous().get(`/api/pings/ack/${encodeURIComponent(bad)}`);
      expect(got.data.state, bad).toBe("unknown");
      expect(got.data.party).toBeNull();
      const posted = await anonymous().post(`/api/pings/ack/${encodeURIComponent(bad)}`, { name: "Mallory" });
      expect(posted.statusCode, bad).toBe(404);
    }
    clock.set(at(T0, 7 * 24 * 60 * MIN + MIN));
    expect((await anonymous().get(`/api/pings/ack/${d1}`)).data.state).toBe("expired");
    const expired = await anonymous().post(`/api/pings/ack/${d1}`, { name: "Late" });
    expect(expired.statusCode).toBe(410);
    expect(expired.data.error.code).toBe("ping_link_expired");
    expect(await acknowledgementsRecorded()).toBe(recorded);
    expect(await targetsOf(campaignId)).toEqual(before);
    // The links have expired: the campaign closes by itself, and its links then say so.
    expect((await sweepPings(ctx)).closed).toBe(1);
    expect((await anonymous().get(`/api/pings/ack/${d1}`)).data.state).toBe("closed");
  });

  it("the report matches response times computed independently", async () => {
    const res = await secretariat.get(`/api/pings/${campaignId}/report`);
    expect(res.statusCode).toBe(200);
    const report = res.data as PingReport;
    // Independently: each contact point from the hand-off (7 s after the ping), or from the ping
    // itself for the one without e-mail; each Party at its fastest; cumulative under each row.
    const expected = new Map<string, number>();
    for (const [institution, when] of chosen) {
      const start = institution.startsWith("cybersecurity") ? T0 : T1;
      expected.set(institution, Math.floor((when.getTime() - start.getTime()) / 1000));
    }
    for (const c of report.contactPointResults) {
      expect(c.responseSeconds, c.institution).toBe(expected.get(c.institution) ?? null);
    }
    const partyBest = new Map<string, number | null>();
    for (const c of report.contactPointResults) {
      const s = expected.get(c.institution) ?? null;
      const prev = partyBest.get(c.party) ?? null;
      partyBest.set(c.party, s === null ? prev : prev === null ? s : Math.min(prev, s));
    }
    const cumulative = (times: (number | null)[]) =>
      [15, 60, 1440].map((m) => times.filter((s) => s !== null && s < m * 60).length);
    expect(report.parties.rows.map((r) => r.count)).toEqual(cumulative([...partyBest.values()]));
    expect(report.contactPoints.rows.map((r) => r.count)).toEqual(cumulative([...expected.values()]));
    expect(report.parties.rows.map((r) => r.count)).toEqual([1, 2, 4]);
    expect(report.nonResponders.map((p) => p.party)).toEqual(["XD"]);
    // Local time at each contact point when the ping arrived.
    const local = Object.fromEntries(report.contactPointResults.map((c) => [c.institution, c.localArrival]));
    expect(local["police of XA (fictional)"]).toBe("2026-11-22 01:10");
    expect(local["prosecution of XA (fictional)"]).toBe("2026-11-21 20:10");
    expect(local["police of XB (fictional)"]).toBe("2026-11-22 08:10");
    const via = Object.fromEntries(report.contactPointResults.map((c) => [c.institution, c.via]));
    expect(via).toMatchObject({
      "police of XA (fictional)": "link",
      "cybersecurity of XC (fictional)": "app",
      "police of XF (fictional)": "phone",
      "police of XD (fictional)": null,
    });
  });

  it("exports the report as CSV and PDF, in the source document's words", async () => {
    const csv = await secretariat.get(`/api/pings/${campaignId}/report/export?format=csv&lang=en`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("Less than 60 minutes,1,2");
    expect(csv.body).toContain("XD,Testland XD");
    const pdf = await secretariat.get(`/api/pings/${campaignId}/report/export?format=pdf&lang=fr`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfPages(pdf.rawPayload)
      .map((p) => p.text)
      .join("\n")
      .replace(/\s+/g, " ");
    // French sets a space before the colon.
    expect(text).toContain("Moins de 15 minutes : 1 Parties");
    expect(text).toContain("Moins de 60 minutes : +1 = 2 Parties");
    expect(text).toContain("Moins de 24 heures : +2 = 4 Parties");
  });

  it("the database shows a Party's officer only its own rows, and no link at all", async () => {
    const xb = (await ctx.db.tx((tx) => findPartyByIso2(tx, "XB"), SYSTEM_ACTOR))?.id as string;
    const actor = { userId: null, partyId: xb, role: "officer" };
    const targets = await ctx.db.tx((tx) => tx.select().from(pingTargets), actor);
    expect(new Set(targets.map((t) => t.partyIso2))).toEqual(new Set(["XB"]));
    expect(await ctx.db.tx((tx) => tx.select().from(pingRecipients), actor)).toEqual([]);
    const campaigns = await ctx.db.tx((tx) => tx.select({ id: pingCampaigns.id }).from(pingCampaigns), actor);
    expect(campaigns.map((c) => c.id)).toEqual([campaignId]);
    // Not XD's answer, even with a query that forgets its filter.
    const updated = await ctx.db.tx(
      (tx) =>
        tx
          .update(pingTargets)
          .set({ answeredBy: "forged" })
          .where(eq(pingTargets.partyIso2, "XD"))
          .returning({ id: pingTargets.id }),
      actor,
    );
    expect(updated).toEqual([]);
  });

  it("a Party's history and the Network's trend include the campaign", async () => {
    const history = await secretariat.get("/api/pings/parties/XA/history");
    expect(history.data.items).toEqual([
      expect.objectContaining({ campaignId, responseSeconds: 540, contactPoints: 2, answeredContactPoints: 2 }),
    ]);
    const trend = await secretariat.get("/api/pings/trend");
    expect(trend.data.items.find((i: { campaignId: string }) => i.campaignId === campaignId)).toMatchObject({
      parties: 5,
      answered: 4,
    });
  });
});

describe("scheduled ping tests", () => {
  it("a random moment in a window: drawn by the server, not shown before it fires", async () => {
    const now = clock.now();
    const from = at(now, 60 * MIN);
    const to = at(now, 3 * 60 * MIN);
    const res = await secretariat.post("/api/pings", {
      title: "Window",
      selection: { parties: ["XB"] },
      schedule: { mode: "window", from: from.toISOString(), to: to.toISOString() },
    });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({ status: "scheduled", scheduledAt: null, firedAt: null });
    const [row] = await ctx.db.tx(
      (tx) => tx.select().from(pingCampaigns).where(eq(pingCampaigns.id, res.data.id)),
      SYSTEM_ACTOR,
    );
    const drawn = row?.scheduledAt as Date;
    expect(drawn >= from && drawn <= to).toBe(true);
    clock.set(at(from, -MIN));
    expect((await checkCampaign(ctx, res.data.id)).fired).toBe(false);
    clock.set(to);
    expect((await sweepPings(ctx)).fired).toBe(1);
    const fired = await secretariat.get(`/api/pings/${res.data.id}`);
    expect(fired.data).toMatchObject({ status: "running", scheduledAt: drawn.toISOString() });
    const targets = await ctx.db.tx(
      (tx) =>
        tx
          .select()
          .from(pingTargets)
          .where(and(eq(pingTargets.campaignId, res.data.id))),
      SYSTEM_ACTOR,
    );
    expect(targets.map((t) => t.partyIso2)).toEqual(["XB"]);
  });

  it("closing by hand stops the links", async () => {
    const res = await secretariat.post("/api/pings", {
      title: "Closed early",
      selection: { parties: ["XD"] },
      schedule: { mode: "now" },
    });
    const received = smtp.received.length;
    expect(await deliver()).toBeGreaterThanOrEqual(1);
    const token = tokensByAddress(received).get("d1@xd.example.org") as string;
    expect((await secretariat.post(`/api/pings/${res.data.id}/close`)).data.status).toBe("closed");
    expect((await secretariat.post(`/api/pings/${res.data.id}/close`)).statusCode).toBe(409);
    const posted = await anonymous().post(`/api/pings/ack/${token}`, { name: "Too late" });
    expect(posted.statusCode).toBe(410);
    expect(posted.data.error.code).toBe("ping_closed");
  });

  it("only the Secretariat runs ping tests", async () => {
    expect((await officerXB.get("/api/pings")).statusCode).toBe(403);
    expect((await officerXB.post("/api/pings/preview", SELECTION)).statusCode).toBe(403);
    expect((await anonymous().get("/api/pings")).statusCode).toBe(401);
  });
});

import { count, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { pdfPages } from "../../../test/harness/document-text";
import { makeParty } from "../../../test/harness/factories";
import { signedIn, TestClient } from "../../../test/harness/http";
import { COUNTED_FIELD_PATHS, declarationUpdateEmail, type PartyAuthorities } from "../../shared/authorities";
import { buildApp } from "../app";
import { auditLog } from "../audit/tables";
import { users } from "../auth/tables";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../db/database";
import { loadDemoNetwork } from "../demo/seed";
import { verifyDetached } from "../directory/formats/jws";
import { parties } from "../directory/tables";
import { notifications, outbox } from "../notify/tables";
import { DEMO_NO_INPUT } from "./demo";
import { authoritiesProgress } from "./progress";
import { authorityDeclarations, authoritySubmissions } from "./tables";

/*
 * The authorities directory on the demo network (55 of 76 Parties answered, as reported to the
 * T-CY in December 2024), through the HTTP API: discrepancies with declarations, the collection
 * campaign and its counts (checked against the tables read directly), bad input, who may do what,
 * releases and exports.
 */

let ctx: AppContext;
let app: FastifyInstance;
let secretariat: TestClient;
let adminCL: TestClient;
let officerRO: TestClient;
let observer: TestClient;
let auditor: TestClient;
const clock = new ManualClock(new Date("2026-11-23T09:00:00Z"));

beforeAll(async () => {
  const base = testContext(await testDatabase(), clock);
  ctx = { ...base, config: { ...base.config, mail: { kind: "mailbox", from: "vigil@example.org" } } };
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  await makeParty(ctx, "XQ", "Observerland");
  await ctx.db.tx((tx) => tx.update(parties).set({ status: "observer" }).where(eq(parties.iso2, "XQ")));
  ({ c: secretariat } = await signedIn(app, ctx, "desk.auth@example.org", "secretariat", null));
  ({ c: adminCL } = await signedIn(app, ctx, "admin.auth.cl@example.org", "party_admin", "CL"));
  ({ c: officerRO } = await signedIn(app, ctx, "officer.auth.ro@example.org", "officer", "RO"));
  ({ c: observer } = await signedIn(app, ctx, "observer.auth@example.org", "observer", "XQ"));
  ({ c: auditor } = await signedIn(app, ctx, "auditor.auth.ro@example.org", "auditor", "RO"));
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

/** Counted straight from the tables, independently of the module's rules. */
async function tableCounts() {
  return ctx.db.tx(async (tx) => {
    const [p] = await tx.select({ n: count() }).from(parties).where(eq(parties.status, "party"));
    const [s] = await tx.select({ n: count() }).from(authoritySubmissions);
    const [a] = await tx.select({ n: count() }).from(auditLog);
    return { parties: p?.n ?? 0, submissions: s?.n ?? 0, audit: a?.n ?? 0 };
  }, SYSTEM_ACTOR);
}

const fullAnswer = {
  mla: {
    name: "Ministry of Justice of Chile (fictional), International Co-operation Unit",
    address: "1 Example Street, Santiago",
    phones: ["+99 2 555 0101"],
    emails: ["mla.cl@example.org"],
    languages: ["es", "en"],
    channels: ["central_authority", "email"],
    notes: "Urgent requests by e-mail first.",
  },
  extradition: {
    name: "Supreme Court of Chile (fictional), Extradition Desk",
    address: "2 Example Street, Santiago",
    phones: ["+99 2 555 0102"],
    emails: ["extradition.cl@example.org"],
    languages: ["es"],
    channels: ["diplomatic"],
  },
};

describe("the demo network's state of play", () => {
  it('counts "55/76 Parties provided input", the denominator and the missing fields from the data', async () => {
    const res = await secretariat.get("/api/authorities/progress");
    expect(res.statusCode).toBe(200);
    const counts = await tableCounts();
    expect(res.data.total).toBe(counts.parties);
    expect(res.data.total).toBe(76);
    expect(res.data.provided).toBe(counts.submissions);
    expect(res.data.provided).toBe(55);
    // A Party without an answer misses every counted field; one with an answer only those it left empty.
    const cl = res.data.missing.find((m: { iso2: string }) => m.iso2 === "CL");
    expect(cl).toMatchObject({ provided: false, fields: [...COUNTED_FIELD_PATHS] });
    const withoutAnswer = res.data.missing.filter((m: { provided: boolean }) => !m.provided);
    expect(withoutAnswer.map((m: { iso2: string }) => m.iso2).sort()).toEqual([...DEMO_NO_INPUT].sort());
    // The fields left empty, recomputed from the stored answers.
    const stored = await ctx.db.tx(
      (tx) =>
        tx
          .select({ iso2: parties.iso2, fields: authoritySubmissions.fields })
          .from(authoritySubmissions)
          .innerJoin(parties, eq(parties.id, authoritySubmissions.partyId)),
      SYSTEM_ACTOR,
    );
    for (const s of stored) {
      const empty = COUNTED_FIELD_PATHS.filter((path) => {
        const [role, field] = path.split(".") as ["mla" | "extradition", string];
        const v = (s.fields[role] as Record<string, unknown>)[field];
        return v === null || (Array.isArray(v) && v.length === 0);
      });
      const row = res.data.missing.find((m: { iso2: string }) => m.iso2 === s.iso2);
      expect(row?.fields ?? [], s.iso2).toEqual(empty);
    }
    // Some answers leave fields empty, so the list is longer than the 21 without an answer.
    expect(res.data.missing.length).toBeGreaterThan(21);
    // The plenary report's function says the same.
    const plain = await ctx.db.tx((tx) => authoritiesProgress(tx), SYSTEM_ACTOR);
    expect(plain.provided).toBe(55);
    expect(plain.total).toBe(76);
    expect(plain.missing.map((m) => m.partyIso)).toEqual(res.data.missing.map((m: { iso2: string }) => m.iso2));
  });

  it("shows a Party's answer that differs from its declaration side by side, uses the Party's, and drafts the e-mail", async () => {
    const res = await officerRO.get("/api/authorities/parties/RO");
    expect(res.statusCode).toBe(200);
    const ro = res.data as PartyAuthorities;
    const mla = ro.roles.find((r) => r.role === "mla");
    expect(mla?.declaration).toEqual({ reference: "ETS185-27-RO", declaredOn: expect.any(String) });
    expect(mla?.fields.name.source).toBe("party");
    expect(mla?.fields.name.discrepancy).toBe(true);
    expect(mla?.fields.name.value).toMatch(/^Prosecutor General's Office of Romania/);
    expect(mla?.fields.name.declared).toMatch(/^Ministry of Justice of Romania/);
    const names = ro.discrepancies.find((d) => d.role === "mla" && d.field === "name");
    expect(names).toMatchObject({ party: mla?.fields.name.value, declared: mla?.fields.name.declared });
    const email = declarationUpdateEmail("Romania", ro.discrepancies, "en");
    expect(email?.to).toBe("treaty.office@coe.int");
    expect(email?.body).toContain(String(mla?.fields.name.value));
    expect(email?.body).toContain(String(mla?.fields.name.declared));
    expect(email?.body).toContain("ETS185-27-RO");
  });

  it("fills a field the Party left empty from the declaration, naming it, and a Party copying its declaration has no discrepancy", async () => {
    const overview = await officerRO.get("/api/authorities");
    expect(overview.statusCode).toBe(200);
    expect(overview.data).toMatchObject({ provided: 55, total: 76 });
    let fromDeclaration = 0;
    let copied = 0;
    for (const p of overview.data.parties.filter((x: { provided: boolean }) => x.provided)) {
      const view = (await officerRO.get(`/api/authorities/parties/${p.iso2}`)).data as PartyAuthorities;
      const mla = view.roles[0];
      if (mla?.fields.address.source === "declaration") {
        expect(mla.fields.address.value).toBe(mla.fields.address.declared);
        expect(mla.declaration?.reference).toBe(`ETS185-27-${p.iso2}`);
        fromDeclaration++;
      }
      if (view.discrepancies.length === 0 && view.roles.slice(0, 2).every((r) => r.declaration)) copied++;
    }
    expect(fromDeclaration).toBeGreaterThan(0);
    expect(copied).toBeGreaterThan(0);
  });
});

describe("answering the collection form", () => {
  it("refuses bad input field by field and writes nothing", async () => {
    const before = await tableCounts();
    const res = await adminCL.put("/api/authorities/parties/CL/submission", {
      mla: { ...fullAnswer.mla, emails: ["not an address"], phones: ["12"], channels: ["pigeon"] },
      extradition: { emails: ["extradition.cl@example.org"] },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.data.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "body.mla.emails.0",
        "body.mla.phones.0",
        "body.mla.channels.0",
        "body.extradition.name",
      ]),
    );
    const after = await tableCounts();
    expect(after).toEqual(before);
  });

  it("lets a Party answer only for itself", async () => {
    const before = await tableCounts();
    const res = await officerRO.put("/api/authorities/parties/CL/submission", fullAnswer);
    expect(res.statusCode).toBe(403);
    expect(await tableCounts()).toEqual(before);
    const unknown = await adminCL.put("/api/authorities/parties/XQ/submission", fullAnswer);
    expect(unknown.statusCode).toBe(404);
  });

  it("asks the Parties missing something, counts an answer, and reminds only those still missing", async () => {
    const started = await secretariat.post("/api/authorities/campaigns", { dueOn: "2027-01-31" });
    expect(started.statusCode).toBe(201);
    const asked = started.data.campaign.asked;
    expect(asked).toBe(started.data.missing.length);
    // Chile's members were told in Vigil and by e-mail: a link, no data.
    const clMails = await ctx.db.tx(
      (tx) => tx.select().from(outbox).where(sql`${outbox.payload}->>'kind' = 'authorities.input_requested'`),
      SYSTEM_ACTOR,
    );
    expect(clMails.length).toBeGreaterThan(0);
    const clMail = clMails.find((m) => m.payload.to === "admin.auth.cl@example.org");
    expect(clMail?.payload).toMatchObject({ link: "/authorities/parties/CL/edit" });
    expect(JSON.stringify(clMail?.payload)).not.toContain("Ministry");

    const answered = await adminCL.put("/api/authorities/parties/CL/submission", fullAnswer);
    expect(answered.statusCode).toBe(200);
    expect(answered.data).toMatchObject({ provided: true, missing: [] });
    const progress = await secretariat.get("/api/authorities/progress");
    expect(progress.data).toMatchObject({ provided: 56, total: 76 });
    expect(progress.data.campaign).toMatchObject({ asked, answered: 1 });
    expect(progress.data.missing.some((m: { iso2: string }) => m.iso2 === "CL")).toBe(false);

    const before = await ctx.db.tx(
      (tx) =>
        tx.select({ n: count() }).from(notifications).where(eq(notifications.kind, "authorities.input_requested")),
      SYSTEM_ACTOR,
    );
    clock.advance(60_000);
    const reminded = await secretariat.post(`/api/authorities/campaigns/${progress.data.campaign.id}/remind`);
    expect(reminded.statusCode).toBe(200);
    expect(reminded.data.parties).toBe(asked - 1);
    const clReminders = await ctx.db.tx(
      (tx) =>
        tx
          .select()
          .from(notifications)
          .where(
            sql`${notifications.kind} = 'authorities.input_requested' and ${notifications.params}->>'party' = 'CL'`,
          ),
      SYSTEM_ACTOR,
    );
    // Told once when asked, not reminded after answering in full.
    expect(clReminders.every((n) => Number(n.params.reminder) === 0)).toBe(true);
    const after = await ctx.db.tx(
      (tx) =>
        tx.select({ n: count() }).from(notifications).where(eq(notifications.kind, "authorities.input_requested")),
      SYSTEM_ACTOR,
    );
    expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(reminded.data.recipients);
  });

  it("records a declaration, and the Party's different answer shows as a discrepancy", async () => {
    const res = await secretariat.put("/api/authorities/parties/CL/declarations/mla", {
      reference: "Decl. CL-27 (fictional)",
      declaredOn: "2017-04-20",
      fields: { name: "Ministry of Foreign Affairs of Chile (fictional)", emails: ["mla.cl@example.org"] },
    });
    expect(res.statusCode).toBe(200);
    const mla = (res.data as PartyAuthorities).roles[0];
    expect(mla?.fields.name).toMatchObject({ source: "party", discrepancy: true, value: fullAnswer.mla.name });
    // The same e-mail written in capitals is no discrepancy.
    expect(mla?.fields.emails.discrepancy).toBe(false);
    const refused = await adminCL.put("/api/authorities/parties/CL/declarations/mla", {
      reference: "x",
      declaredOn: "2017-04-20",
      fields: {},
    });
    expect(refused.statusCode).toBe(403);
    const bad = await secretariat.put("/api/authorities/parties/CL/declarations/mla", {
      reference: "",
      declaredOn: "20 April",
      fields: {},
    });
    expect(bad.statusCode).toBe(400);
    const stored = await ctx.db.tx(
      (tx) => tx.select().from(authorityDeclarations).where(eq(authorityDeclarations.reference, "")),
      SYSTEM_ACTOR,
    );
    expect(stored).toEqual([]);
  });
});

describe("releases and exports", () => {
  it("publishes a signed release and exports it as JSON, CSV and PDF", async () => {
    const published = await secretariat.post("/api/authorities/releases", { version: "2026-11", notes: "Test" });
    expect(published.statusCode).toBe(201);
    expect(published.data).toMatchObject({ version: "2026-11", provided: 56, total: 76 });
    expect((await secretariat.post("/api/authorities/releases", { version: "2026-11" })).statusCode).toBe(409);

    const json = await officerRO.get("/api/authorities/releases/2026-11/export?format=json");
    expect(json.statusCode).toBe(200);
    const key = await officerRO.get("/api/directory/signing-key");
    expect(verifyDetached(json.headers["x-vigil-signature"] as string, json.rawPayload, key.data.pem)).toBe(true);
    const doc = JSON.parse(json.body);
    expect(doc.parties.find((p: { iso2: string }) => p.iso2 === "RO").discrepancies.length).toBeGreaterThan(0);

    const csv = await officerRO.get("/api/authorities/releases/latest/export?format=csv");
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.split("\r\n").filter(Boolean);
    // A row per Party and authority, after the header.
    expect(lines.length).toBe(1 + 76 * 3);
    expect(csv.body).toContain("Prosecutor General's Office of Romania");

    const pdf = await officerRO.get("/api/authorities/releases/2026-11/export?format=pdf");
    expect(pdf.statusCode).toBe(200);
    const text = pdfPages(pdf.rawPayload)
      .map((p) => p.text)
      .join("\n");
    expect(text).toContain("56/76 Parties provided input");
    expect(text).toContain("Differs from the declaration");
  });

  it("tells the Parties' members of the release, in Vigil and by e-mail, and not the observers", async () => {
    const kinds = async (c: TestClient) =>
      ((await c.get("/api/notifications")).data.items as { kind: string; params: { version?: string } }[]).map(
        (i) => `${i.kind} ${i.params.version}`,
      );
    expect(await kinds(officerRO)).toContain("authorities.release_published 2026-11");
    expect(await kinds(adminCL)).toContain("authorities.release_published 2026-11");
    expect(await kinds(observer)).not.toContain("authorities.release_published 2026-11");
    const mails = await ctx.db.tx(
      (tx) =>
        tx
          .select({ to: users.email, payload: outbox.payload })
          .from(outbox)
          .innerJoin(users, eq(users.id, outbox.userId))
          .where(eq(outbox.channel, "email")),
      SYSTEM_ACTOR,
    );
    // The outbox keeps the kind and parameters; the text is rendered when it is sent.
    const about = mails.filter(
      (m) =>
        m.payload.kind === "authorities.release_published" &&
        (m.payload.params as { version?: string }).version === "2026-11",
    );
    expect(about.map((m) => m.to)).toContain("officer.auth.ro@example.org");
    expect(about.map((m) => m.to)).not.toContain("observer.auth@example.org");
  });
});

describe("who may see it", () => {
  it("answers observers and auditors 403 or 404 on every authorities route, and writes nothing for them", async () => {
    const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const ops = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/api/authorities"))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => [m.toUpperCase(), path] as const));
    expect(ops.length).toBeGreaterThanOrEqual(10);
    const before = await tableCounts();
    for (const client of [observer, auditor]) {
      for (const [method, path] of ops) {
        const url = path
          .replace("{iso2}", "RO")
          .replace("{role}", "mla")
          .replace("{version}", "latest")
          .replace("{id}", "00000000-0000-4000-8000-000000000000");
        const res = await client.request(
          method as "GET",
          `${url}${url.endsWith("export") ? "?format=json" : ""}`,
          method === "GET" ? undefined : fullAnswer,
        );
        expect([403, 404], `${method} ${path}`).toContain(res.statusCode);
      }
    }
    expect((await tableCounts()).submissions).toBe(before.submissions);
    // Anonymous callers are asked to sign in.
    expect((await new TestClient(app).get("/api/authorities")).statusCode).toBe(401);
  });
});

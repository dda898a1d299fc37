import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { pdfPages } from "../../../test/harness/document-text";
import { makeUser } from "../../../test/harness/factories";
import { sendPreservation } from "../../../test/harness/requests";
import { DataProtectionCopy } from "../../shared/data-protection";
import { partyAccessLog } from "../audit/access-log";
import type { UserRow } from "../auth/users";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { partyReport } from "../data-protection/report";
import { reportCsv, reportPdf } from "../data-protection/report-files";
import { queryRows, SYSTEM_ACTOR } from "../db/database";
import { loadDemoNetwork } from "../demo/seed";
import { recordIncident, updateIncident } from "../incidents/incidents";
import { givePurpose } from "./assignments";
import { addAttachment } from "./attachments";
import { personCopiesLayout, requestCopyLayout } from "./documents/copy-layout";
import { renderPdf } from "./documents/pdf";
import { type ContentOverrides, sampleContent } from "./documents/sample";
import { personCopies, requestCopy } from "./dp-copy";
import { askOnwardTransfer, decideOnwardTransfer } from "./onward-transfer";
import { createDraft, readRequest } from "./requests";
import { purgeExpired } from "./retention";
import { addMessage, transition } from "./steps";
import { liftSuspension, suspendTransfers } from "./suspension";

/**
 * Data-protection copies (SAP Art. 14(11–12)) and each Party's report (issue 6, point 3), on
 * PGlite and PostgreSQL. Chile sends Romania a preservation request naming a person and an IP
 * address; Romania asks to pass it on to France (authorised) and to an organisation (refused),
 * then refuses the request; the copy must hold every item, and the report's counts must match
 * what the test itself did.
 */

const meta = { ip: null, userAgent: null };
const opts = { format: "json", locale: "en" };
const REFUSAL = "The data are held by a provider outside Romania (fictional).";
let ctx: AppContext;
let clock: ManualClock;
let clOfficer: UserRow;
let clAdmin: UserRow;
let roOfficer: UserRow;
let roAdmin: UserRow;
let auditor: UserRow;
let frAdmin: UserRow;
let secretariat: UserRow;
let r1: string; // CL → RO, refused, with identifiers and onward transfers
let r2: string; // CL → RO, another address, still open
let r3: string; // CL → FR, names the same person: never Romania's
let refusedAt: Date;

const status = (call: Promise<unknown>) =>
  call.then(
    () => 200,
    (e: { status?: number }) => e.status ?? 500,
  );

const send = (to: string, overrides: ContentOverrides) => sendPreservation(ctx, clOfficer, to, overrides);

const facts = (who: string) => ({
  ...sampleContent("preservation").details,
  facts: `${who} (a fictional person) ordered the diverting transfers.`,
});

beforeAll(async () => {
  clock = new ManualClock(new Date("2026-11-21T05:40:00Z"));
  ctx = testContext(await testDatabase(), clock);
  await loadDemoNetwork(ctx);
  const user = async (email: string, role: Parameters<typeof makeUser>[1]["role"], party: string | null) =>
    (await makeUser(ctx, { email, role, party })).user;
  clOfficer = await user("dp.officer.cl@example.org", "officer", "CL");
  clAdmin = await user("dp.admin.cl@example.org", "party_admin", "CL");
  roOfficer = await user("dp.officer.ro@example.org", "officer", "RO");
  roAdmin = await user("dp.admin.ro@example.org", "party_admin", "RO");
  auditor = await user("dp.auditor.ro@example.org", "auditor", "RO");
  frAdmin = await user("dp.admin.fr@example.org", "party_admin", "FR");
  secretariat = await user("dp.sec@example.org", "secretariat", null);

  r1 = await send("RO", {
    identifiers: [
      { kind: "ip", value: "192.0.2.44", observedAt: "2026-11-20T23:14", timeZone: "Europe/Bucharest" },
      { kind: "email", value: "j.doe@example.org" },
    ],
    details: facts("Ana Popescu"),
  });
  r2 = await send("RO", {
    identifiers: [{ kind: "ip", value: "192.0.2.4", observedAt: "2026-11-20T23:15", timeZone: "Europe/Bucharest" }],
  });
  r3 = await send("FR", {
    identifiers: [{ kind: "ip", value: "198.51.100.7", observedAt: "2026-11-20T23:16", timeZone: "Europe/Paris" }],
    details: facts("Ana Popescu"),
  });
  await addAttachment(ctx, clOfficer, r1, { filename: "logs.txt", body: Buffer.from("fictional\n") }, meta);
  // From an address: the Party's access log keeps it, the copy for the person does not.
  await readRequest(ctx, clOfficer, r1, { ip: "203.0.113.5", userAgent: null });
  clock.advance(15 * 60_000);
  await transition(ctx, roOfficer, r1, { to: "acknowledged", note: "" }, meta);
  await addMessage(ctx, roOfficer, r1, { body: "Checking with the provider (fictional)." }, meta);
  const toFrance = await askOnwardTransfer(
    ctx,
    roOfficer,
    r1,
    { recipientKind: "state", recipientState: "FR", purpose: "Joint investigation team (fictional)" },
    meta,
  );
  const toOrganisation = await askOnwardTransfer(
    ctx,
    roOfficer,
    r1,
    { recipientKind: "organisation", recipientName: "Example International Organisation", purpose: "Analysis" },
    meta,
  );
  // Chile's admin decides for its Party; it does not handle the request, so it says why first.
  await givePurpose(ctx, clAdmin, r1, { reason: "supervision", note: "" }, meta);
  await decideOnwardTransfer(
    ctx,
    clAdmin,
    r1,
    toFrance.id,
    { decision: "authorised", conditions: "For the joint team only" },
    meta,
  );
  await decideOnwardTransfer(ctx, clAdmin, r1, toOrganisation.id, { decision: "refused", reason: "Not needed" }, meta);
  clock.advance(15 * 60_000);
  refusedAt = clock.now();
  await transition(ctx, roOfficer, r1, { to: "refused", note: REFUSAL }, meta);
});
afterAll(async () => {
  await ctx.db.close();
});

describe("a request's data-protection copy", () => {
  it("holds the legal basis, purpose, data, identifiers, retention, recipients, accesses and the refusal", async () => {
    const result = await requestCopy(ctx, auditor, r1, opts, meta);
    const copy = DataProtectionCopy.parse(result.copy);
    expect(result.party.iso2).toBe("RO");
    expect(result.producedBy).toBe(auditor.email);
    expect(copy.request).toMatchObject({ id: r1, type: "preservation", state: "refused", direction: "received" });
    expect(copy.request.number).toMatch(/^2026-\d{6}$/);
    expect(copy.legalBasis).toBe("Budapest Convention, Article 29");
    expect(copy.purpose).toBe(sampleContent("preservation").handlingConditions.purpose);
    expect(copy.handlingConditions?.onwardSharing).toBe("with_prior_authorisation");
    expect(copy.identifiers.map((i) => [i.kind, i.value])).toEqual([
      ["ip", "192.0.2.44"],
      ["email", "j.doe@example.org"],
    ]);
    expect(copy.identifiers[0]?.detail).toContain("Europe/Bucharest");
    expect(Object.fromEntries(copy.dataCategories.map((d) => [d.category, d.count]))).toMatchObject({
      identifiers: 2,
      requesting_authority: 1,
      confirmation_contact: 1,
      messages: 1,
      attachments: 1,
    });
    // Refused is final: 730 days (the preservation default) from the refusal.
    const ends = new Date(refusedAt.getTime() + 730 * 86_400_000).toISOString().slice(0, 10);
    expect(copy.retention).toMatchObject({ basis: "final", days: 730, endsOn: ends });
    expect(copy.recipients.sender.iso2).toBe("CL");
    expect(copy.recipients.requested?.iso2).toBe("RO");
    expect(copy.recipients.contactPoint?.institution).toBeTruthy();
    expect(
      copy.recipients.onwardTransfers.map((o) => [o.recipientState ?? o.recipientName, o.status, o.decisionNote]),
    ).toEqual([
      ["FR", "authorised", "For the joint team only"],
      ["Example International Organisation", "refused", "Not needed"],
    ]);
    expect(copy.refusal).toMatchObject({ party: "RO", reason: REFUSAL, at: refusedAt.toISOString() });
    expect(copy.purged).toBeNull();
    // Who accessed it: Chile's officer read it; this copy is itself a disclosure, listed last.
    expect(copy.accesses.map((a) => [a.kind, a.who])).toEqual(
      expect.arrayContaining([
        ["read", clOfficer.email],
        ["copy_produced", auditor.email],
      ]),
    );
    expect(copy.accesses.at(-1)).toMatchObject({ kind: "copy_produced", who: auditor.email, format: "json" });
    expect(copy.accesses.every((a) => a.ip === null)).toBe(true);
    const log = await partyAccessLog(ctx, clAdmin, { by: "all", limit: 500, offset: 0 });
    expect(log.entries.find((e) => e.kind === "read" && e.who === clOfficer.email)?.ip).toBe("203.0.113.5");
  });

  it("is a disclosure in both Parties' access logs", async () => {
    await requestCopy(ctx, roAdmin, r1, { format: "pdf", locale: "fr" }, meta);
    for (const admin of [clAdmin, roAdmin]) {
      const log = await partyAccessLog(ctx, admin, { by: "all", limit: 500, offset: 0 });
      const copies = log.entries.filter((e) => e.kind === "copy_produced").map((e) => [e.who, e.format]);
      expect(copies, admin.email).toEqual(
        expect.arrayContaining([
          [auditor.email, "json"],
          [roAdmin.email, "pdf"],
        ]),
      );
    }
  });

  it("answers 404 for another Party's request and 403 to those who may not produce copies", async () => {
    expect(await status(requestCopy(ctx, frAdmin, r1, opts, meta))).toBe(404);
    expect(await status(requestCopy(ctx, auditor, r3, opts, meta))).toBe(404);
    expect(await status(requestCopy(ctx, roOfficer, r1, opts, meta))).toBe(403);
    expect(await status(requestCopy(ctx, secretariat, r1, opts, meta))).toBe(403);
  });

  it("prints every item in the PDF, in English and in French", async () => {
    const copy = await requestCopy(ctx, auditor, r1, opts, meta);
    const en = pdfPages(await renderPdf(requestCopyLayout(copy, "en")))
      .map((p) => p.text)
      .join("\n");
    for (const item of [
      copy.copy.request.number,
      "Budapest Convention, Article 29",
      "192.0.2.44",
      "j.doe@example.org",
      "730 days",
      "Example International Organisation",
      "For the joint team only",
      REFUSAL,
      clOfficer.email,
    ]) {
      expect(en.replace(/\s+/g, " "), item).toContain(item);
    }
    const fr = pdfPages(await renderPdf(requestCopyLayout(copy, "fr")))
      .map((p) => p.text)
      .join("\n");
    expect(fr).toContain("Base juridique");
    expect(fr).toContain("Convention de Budapest, article 29");
  });
});

describe("a person's copy", () => {
  it("finds the Party's requests naming an identifier or a name, and no other Party's", async () => {
    const byIp = await personCopies(ctx, auditor, "192.0.2.44", opts, meta);
    expect(byIp.copies.map((c) => [c.request.id, c.matchedIn])).toEqual([[r1, ["identifiers[0]"]]]);
    const byEmail = await personCopies(ctx, roAdmin, "J.Doe@Example.org", opts, meta);
    expect(byEmail.copies.map((c) => c.request.id)).toEqual([r1]);
    // Romania finds the person only in the request it received; France only in its own.
    const byName = await personCopies(ctx, auditor, "ana popescu", opts, meta);
    expect(byName.copies.map((c) => [c.request.id, c.matchedIn])).toEqual([[r1, ["details.facts"]]]);
    const inFrance = await personCopies(ctx, frAdmin, "Ana Popescu", opts, meta);
    expect(inFrance.copies.map((c) => c.request.id)).toEqual([r3]);
    const none = await personCopies(ctx, auditor, "Nobody Known", opts, meta);
    expect(none.copies).toEqual([]);
    expect(await status(personCopies(ctx, roOfficer, "192.0.2.44", opts, meta))).toBe(403);
    // A draft of the Party's own, not yet complete: its valid identifiers are found and listed.
    const draft = await createDraft(
      ctx,
      roOfficer,
      {
        type: "subscriber_information",
        requestedParty: "CL",
        content: {
          identifiers: [
            { kind: "email", value: "k.roe@example.org" },
            { kind: "ip", value: "nope" },
          ],
        },
      },
      meta,
    );
    const inDraft = await personCopies(ctx, auditor, "k.roe@example.org", opts, meta);
    expect(inDraft.copies.map((c) => [c.request.id, c.request.state, c.identifiers.map((i) => i.value)])).toEqual([
      [draft.id, "draft", ["k.roe@example.org"]],
    ]);
    // Each copy is the same as the request's copy, and prints.
    const text = pdfPages(await renderPdf(personCopiesLayout(byIp, "en")))
      .map((p) => p.text)
      .join("\n");
    expect(text).toContain("192.0.2.44");
    expect(text).toContain(REFUSAL);
  });
});

describe("after the retention purge", () => {
  it("says what was purged and when, not the content; the person can no longer be found in it", async () => {
    clock.set(new Date(refusedAt.getTime() + 731 * 86_400_000));
    const report = await purgeExpired(ctx);
    expect(report.purged).toBe(1);
    const { copy } = await requestCopy(ctx, auditor, r1, opts, meta);
    expect(copy.purged).toMatchObject({ at: clock.now().toISOString(), basis: "final", days: 730 });
    expect(copy.purged?.removed).toEqual(expect.arrayContaining(["content", "identifiers", "messages"]));
    expect(copy.identifiers).toEqual([]);
    expect(copy.purpose).toBeNull();
    expect(copy.retention).toBeNull();
    expect(copy.refusal?.reason).toBeNull();
    // The record of the onward transfers stays (to whom, decided how), their words are gone.
    expect(copy.recipients.onwardTransfers.map((o) => [o.recipientState, o.status])).toEqual([
      ["FR", "authorised"],
      [null, "refused"],
    ]);
    const search = await personCopies(ctx, auditor, "192.0.2.44", opts, meta);
    expect(search.copies).toEqual([]);
    expect(search.purgedNotSearchable).toBe(1);
    expect(JSON.stringify(await requestCopy(ctx, auditor, r1, opts, meta))).not.toContain("192.0.2.44");
  });
});

describe("the Party's data-protection report", () => {
  it("counts what the test did, for the whole time and for a period", async () => {
    // Suspensions: Romania suspends Malta and lifts it; Chile suspends Romania. Incidents: one
    // naming Romania (closed), one naming only Chile.
    const s1 = await suspendTransfers(ctx, roAdmin, { fromParty: "RO", toParty: "MT", reason: "Fictional" }, meta);
    await liftSuspension(ctx, roAdmin, s1.id, { reason: "Resolved" }, meta);
    await suspendTransfers(ctx, clAdmin, { fromParty: "CL", toParty: "RO", reason: "Fictional" }, meta);
    const incident = (parties: string[]) =>
      recordIncident(
        ctx,
        secretariat,
        {
          title: "Fictional incident",
          detectedAt: clock.now().toISOString(),
          description: "Fictional.",
          dataCategories: ["messages"],
          affectedParties: parties,
          requestNumbers: [],
          measures: "None needed.",
        } as Parameters<typeof recordIncident>[2],
        meta,
      );
    const ro = await incident(["RO"]);
    await updateIncident(
      ctx,
      secretariat,
      ro.id,
      { note: "Closed (fictional).", status: "closed", addParties: [] },
      meta,
    );
    await incident(["CL"]);

    const all = await partyReport(ctx, auditor, {});
    // Independently: the audit trail's rows on Romania's requests, counted here as the system.
    const counted = await ctx.db.tx(
      (tx) =>
        queryRows<{ action: string; n: number }>(
          tx,
          sql`select action, count(*)::int as n from audit_log
              where target_type = 'request' and target_id in (${r1}, ${r2}) group by action`,
        ),
      SYSTEM_ACTOR,
    );
    const n = (action: string) => counted.find((c) => c.action === action)?.n ?? 0;
    // 9 copies by Romania's users: auditor JSON, admin PDF, the PDF test's, the person searches'
    // (1 by IP, 1 by e-mail, 1 by name, 1 in a draft), and 2 after the purge (the search found none).
    const romaniaCopies = 1 + 1 + 1 + 4 + 2;
    expect(all).toMatchObject({
      party: { iso2: "RO" },
      from: null,
      to: null,
      requests: { sent: 0, received: 2, purged: 1 },
      onwardTransfers: { asked: 2, authorised: 1, refused: 1 },
      suspensions: { byParty: 1, ofParty: 1, lifted: 1 },
      incidents: { recorded: 1, open: 0 },
      copies: { copies: romaniaCopies, personSearches: 6 },
    });
    expect(all.access.reads).toBe(n("request.read"));
    expect(all.access.exports).toBe(n("request.exported"));
    expect(all.access.downloads).toBe(n("request.attachment_downloaded"));
    // A period before anything happened counts nothing; the purge's day counts only what it did.
    const before = await partyReport(ctx, auditor, { from: "2026-01-01", to: "2026-11-20" });
    expect([before.requests, before.onwardTransfers, before.copies]).toEqual([
      { sent: 0, received: 0, purged: 0 },
      { asked: 0, authorised: 0, refused: 0 },
      { copies: 0, personSearches: 0 },
    ]);
    const today = clock.now().toISOString().slice(0, 10);
    const lately = await partyReport(ctx, roAdmin, { from: today, to: today });
    expect(lately.requests).toEqual({ sent: 0, received: 0, purged: 1 });
    expect(lately.onwardTransfers).toEqual({ asked: 0, authorised: 0, refused: 0 });
    expect(lately.copies).toEqual({ copies: 2, personSearches: 1 });
    expect(lately.suspensions).toEqual({ byParty: 1, ofParty: 1, lifted: 1 });
    // Chile's report is Chile's.
    expect((await partyReport(ctx, clAdmin, {})).requests).toMatchObject({ sent: 3, received: 0 });
    expect(await status(partyReport(ctx, roOfficer, {}))).toBe(403);
    expect(await status(partyReport(ctx, secretariat, {}))).toBe(403);
  });

  it("downloads as CSV and PDF with the same figures", async () => {
    const r = await partyReport(ctx, auditor, {});
    const csv = reportCsv(r, "en").trim().split("\r\n");
    expect(csv[0]).toBe("party,from,to,section,figure,value");
    expect(csv).toContain(`RO,,,Requests (Art. 14(5)),Received,${r.requests.received}`);
    expect(csv).toContain(`RO,,,Copies (Art. 14(11–12)),Copies produced,${r.copies.copies}`);
    const fr = reportCsv(r, "fr");
    expect(fr).toContain("Reçues");
    const text = pdfPages(await reportPdf(r, "en"))
      .map((p) => p.text)
      .join("\n");
    expect(text).toContain("Data-protection report");
    expect(text).toContain("Onward transfers (Art. 14(10))");
  });
});

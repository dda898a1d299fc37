import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { docxParagraphs, pdfPages } from "../../../test/harness/document-text";
import { makeParty } from "../../../test/harness/factories";
import { signedIn, type TestClient } from "../../../test/harness/http";
import type { RequestContentInput } from "../../shared/requests";
import { createApiToken } from "../api-tokens/api-tokens";
import { buildApp } from "../app";
import { auditLog } from "../audit/tables";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";
import { JOBS } from "../jobs/catalogue";
import { JobQueue } from "../jobs/queue";
import { outbox } from "../notify/tables";
import { checkAcknowledgement, checkPreservation, sweepDeadlines } from "./deadlines";
import { acknowledgementCheckJob } from "./jobs";
import { requestAttachments, requestEvents, requests } from "./tables";

let ctx: AppContext;
let clock: ManualClock;
let app: FastifyInstance;
let cl: TestClient; // Chile: the sender
let ro: TestClient; // Romania: the requested Party
let fr: TestClient; // France: a third Party
let secretariat: TestClient;
let observer: TestClient;

beforeAll(async () => {
  clock = new ManualClock(new Date("2026-11-21T05:40:00Z"));
  const base = testContext(await testDatabase(), clock);
  // These journeys move the clock by days between a sign-in and an export or a token; asking for
  // re-authentication is shown in auth/reauth.db.test.ts, so here a sign-in stays fresh for 30 days.
  ctx = { ...base, config: { ...base.config, reauthMs: 30 * 24 * 3_600_000 } };
  ctx.config = { ...ctx.config, mail: { kind: "mailbox", from: "vigil@example.org" } };
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  cl = (await signedIn(app, ctx, "duty.cl@example.org", "officer", "CL")).c;
  ro = (await signedIn(app, ctx, "duty.ro@example.org", "officer", "RO")).c;
  fr = (await signedIn(app, ctx, "duty.fr@example.org", "officer", "FR")).c;
  secretariat = (await signedIn(app, ctx, "sec.req@example.org", "secretariat", null)).c;
  await makeParty(ctx, "XQ", "Observerland");
  observer = (await signedIn(app, ctx, "obs.req@example.org", "observer", "XQ")).c;
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

function preservation(overrides: Partial<RequestContentInput> = {}): RequestContentInput {
  return {
    type: "preservation",
    requestedParty: "RO",
    language: "en",
    reference: "CL-RANSOM-2026-17",
    requestingAuthority: {
      organisation: "Fiscalía de Chile (fictional)",
      personInCharge: "M. Example",
      address: "1 Example Street, Santiago",
      phone: "+99 2 555 0100",
      email: "duty.cl@example.org",
      officeHours: "Mon–Fri 08:30–17:30",
      timeZone: "America/Santiago",
    },
    confirmationContact: { name: "M. Example", phone: "+99 2 555 0101", email: "duty.cl@example.org" },
    handlingConditions: { purpose: "Ransomware investigation CL-RANSOM-2026-17", useLimits: "This case only" },
    identifiers: [{ kind: "ip", value: "192.0.2.10", observedAt: "2026-11-20T23:14", timeZone: "America/Santiago" }],
    details: {
      offence: "Ransomware (unauthorised access, data interference)",
      facts: "A hospital's systems were encrypted; the ransom note was uploaded from this address.",
      dataToPreserve: "Connection logs and subscriber data for the address at that time",
      relationToOffence: "The address was used to upload the ransom note",
      custodian: "Example Hosting SRL (fictional), Bucharest",
      necessity: "Logs are deleted after 30 days",
      mlaToFollow: true,
    },
    ...overrides,
  } as RequestContentInput;
}

function emergencyDisclosure(overrides: Partial<RequestContentInput> = {}): RequestContentInput {
  return preservation({
    type: "emergency_disclosure",
    details: {
      provider: "Example Mail (fictional)",
      offence: "Threat to kill",
      provisionsAndPenalties: "Art. 1 Example Code, up to 5 years",
      emergencyFacts: "A person announced an attack for tonight",
      dataLink: "The account posted the threat",
      dataSought: "Subscriber and last login IP",
    },
    ...overrides,
  } as Partial<RequestContentInput>);
}

async function sendNew(c: TestClient, content: RequestContentInput = preservation()) {
  const draft = await c.post("/api/requests", {
    type: content.type,
    requestedParty: content.requestedParty,
    content: {},
  });
  expect(draft.statusCode).toBe(201);
  const sent = await c.post(`/api/requests/${draft.data.id}/send`, content);
  expect(sent.statusCode, sent.body).toBe(200);
  return sent.data as { id: string; number: string; state: string; ackDueAt: string };
}

describe("sending a request", () => {
  it("routes a preservation to Romania's primary contact point and shows its languages and instructions", async () => {
    const res = await cl.get("/api/requests/route?party=RO&type=preservation&language=es");
    expect(res.statusCode).toBe(200);
    expect(res.data.contactPoint.institution).toBe("National Police");
    expect(res.data.secondary.institution).toBe("Prosecutor's Office");
    expect(res.data.warnings.map((w: { code: string }) => w.code)).toContain("language_not_accepted");
    expect(res.data.preservationDays).toBeGreaterThanOrEqual(60);
  });

  it("refuses an IP time without a time zone, naming the field, and writes nothing", async () => {
    const draft = await cl.post("/api/requests", { type: "preservation", requestedParty: "RO", content: {} });
    const before = await ctx.db.tx((tx) => tx.select().from(requests).where(eq(requests.id, draft.data.id)));
    const bad = preservation({
      identifiers: [{ kind: "ip", value: "192.0.2.10", observedAt: "2026-11-20T23:14" }],
    });
    const res = await cl.post(`/api/requests/${draft.data.id}/send`, bad);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.data.error.issues).toContainEqual(
      expect.objectContaining({ path: "body.identifiers.0.timeZone", message: expect.stringMatching(/time zone/) }),
    );
    const after = await ctx.db.tx((tx) => tx.select().from(requests).where(eq(requests.id, draft.data.id)));
    expect(after).toEqual(before);
  });

  it("refuses missing template fields, an unknown identifier kind and an unknown type with clear messages", async () => {
    const draft = await cl.post("/api/requests", { type: "preservation", requestedParty: "RO", content: {} });
    const missing = preservation();
    (missing.details as Record<string, unknown>).offence = "";
    (missing.details as Record<string, unknown>).mlaToFollow = false;
    const r1 = await cl.post(`/api/requests/${draft.data.id}/send`, missing);
    expect(r1.statusCode).toBe(400);
    const paths = r1.data.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["body.details.offence", "body.details.mlaToFollow"]));
    const r2 = await cl.post(`/api/requests/${draft.data.id}/send`, {
      ...preservation(),
      identifiers: [{ kind: "imei", value: "490154203237518" }],
    });
    expect(r2.statusCode).toBe(400);
    expect(JSON.stringify(r2.data.error.issues)).toMatch(/Unknown identifier kind/);
    const r3 = await cl.post("/api/requests", { type: "wiretap", content: {} });
    expect(r3.statusCode).toBe(400);
    expect(JSON.stringify(r3.data.error.issues)).toMatch(/Unknown request type/);
  });

  it("sends: number, deadlines, a signed receipt, the requested Party told without case content", async () => {
    const sent = await sendNew(cl);
    expect(sent.state).toBe("sent");
    expect(sent.number).toMatch(/^2026-\d{6}$/);
    expect(new Date(sent.ackDueAt).getTime() - clock.now().getTime()).toBe(60 * 60_000);
    const detail = await cl.get(`/api/requests/${sent.id}`);
    const step = detail.data.timeline.find((t: { kind: string }) => t.kind === "sent");
    expect(step.receipt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const verified = await cl.post("/api/receipts/verify", { receipt: step.receipt });
    expect(verified.data).toMatchObject({
      valid: true,
      payload: { step: { kind: "sent", to: "sent" }, by: { party: "CL" } },
    });
    // A receipt altered by one character no longer verifies.
    const forged = step.receipt.replace(/\.(.)/, (_m: string, c: string) => `.${c === "e" ? "f" : "e"}`);
    expect((await cl.post("/api/receipts/verify", { receipt: forged })).data.valid).toBe(false);
    // Romania's inbox has it; the e-mail queued names the request, not its facts.
    const inbox = await ro.get("/api/requests?box=inbox");
    expect(inbox.data.items.map((i: { id: string }) => i.id)).toContain(sent.id);
    const mails = await ctx.db.tx((tx) => tx.select().from(outbox).where(eq(outbox.channel, "email")));
    const about = mails.filter((m) => JSON.stringify(m.payload).includes(sent.number));
    expect(about.length).toBeGreaterThan(0);
    for (const m of about) expect(JSON.stringify(m.payload)).not.toMatch(/hospital|192\.0\.2\.10|Ransomware/);
  });
});

describe("the workflow", () => {
  it("acknowledge → answer (preservation period from the legal profile) → feedback → close, each with its receipt", async () => {
    const sent = await sendNew(cl);
    clock.advance(4 * 60_000);
    const ack = await ro.post(`/api/requests/${sent.id}/transitions`, { to: "acknowledged" });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.data.minutesToAcknowledge).toBe(4);
    // The sender cannot acknowledge for the requested Party, and nobody skips a step.
    expect((await cl.post(`/api/requests/${sent.id}/transitions`, { to: "in_progress" })).statusCode).toBe(409);
    const closeEarly = await ro.post(`/api/requests/${sent.id}/transitions`, { to: "closed" });
    expect(closeEarly.statusCode).toBe(409);
    expect(closeEarly.data.error.message).toMatch(/cannot become closed/);
    // A refusal needs its reason.
    expect((await ro.post(`/api/requests/${sent.id}/transitions`, { to: "refused" })).statusCode).toBe(400);
    clock.advance(60 * 60_000);
    const done = await ro.post(`/api/requests/${sent.id}/transitions`, {
      to: "executed",
      note: "Logs preserved",
      preservedOn: "2026-11-21",
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.data.preservedOn).toBe("2026-11-21");
    expect(done.data.preservationExpiresOn).toMatch(/^2027-0[12]-\d{2}$/);
    expect(done.data.minutesToAnswer).toBe(64);
    const fb = await cl.post(`/api/requests/${sent.id}/feedback`, { rating: "useful", comment: "Thank you" });
    expect(fb.statusCode).toBe(200);
    expect((await cl.post(`/api/requests/${sent.id}/feedback`, { rating: "useful" })).statusCode).toBe(409);
    const closed = await cl.post(`/api/requests/${sent.id}/transitions`, { to: "closed" });
    expect(closed.data.state).toBe("closed");
    const kinds = closed.data.timeline.map((t: { kind: string; toState: string | null }) => t.toState ?? t.kind);
    // Whoever acknowledged it became its handler on Romania's side (need to know).
    expect(kinds).toEqual(["draft", "sent", "acknowledged", "assigned", "executed", "feedback", "closed"]);
    // Every step that changes who must act carries a receipt; who handles it is not such a step.
    for (const t of closed.data.timeline.filter((x: { kind: string }) => !["created", "assigned"].includes(x.kind))) {
      expect(t.receipt).toBeTruthy();
    }
  });

  it("renders as a T-CY style PDF and DOCX for both sides, logged; not for a third Party", async () => {
    const sent = await sendNew(cl);
    const pdf = await ro.get(`/api/requests/${sent.id}/document?format=pdf&lang=fr`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = pdfPages(pdf.rawPayload)
      .map((p) => p.text)
      .join("\n");
    expect(text).toContain(sent.number);
    expect(text).toMatch(/Autorité requérante/);
    expect(text).toContain("192.0.2.10");
    const docx = await cl.get(`/api/requests/${sent.id}/document?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docxParagraphs(docx.rawPayload).join("\n")).toContain(sent.number);
    expect((await fr.get(`/api/requests/${sent.id}/document?format=pdf`)).statusCode).toBe(404);
    const exports = await ctx.db.tx((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "request.exported"), eq(auditLog.targetId, sent.id))),
    );
    expect(exports).toHaveLength(2);
  });

  it("a message thread between the two sides", async () => {
    const sent = await sendNew(cl);
    const m = await ro.post(`/api/requests/${sent.id}/messages`, { body: "Which provider port range?" });
    expect(m.statusCode).toBe(200);
    const r = await cl.post(`/api/requests/${sent.id}/messages`, { body: "Source port 51234" });
    expect(r.data.messages.map((x: { party: string; body: string }) => `${x.party}: ${x.body}`)).toEqual([
      "RO: Which provider port range?",
      "CL: Source port 51234",
    ]);
    expect((await ro.post(`/api/requests/${sent.id}/messages`, { body: "" })).statusCode).toBe(400);
  });
});

describe("attachments", () => {
  const upload = (c: TestClient, id: string, filename: string, body: Buffer) =>
    app.inject({
      method: "POST",
      url: `/api/requests/${id}/attachments?filename=${encodeURIComponent(filename)}`,
      headers: {
        cookie: `vigil_session=${c.cookie}`,
        "x-csrf-token": c.csrf as string,
        "content-type": "application/octet-stream",
      },
      payload: body,
    });

  it("stores a file encrypted, gives it back to both sides, and refuses what is not what it says", async () => {
    const sent = await sendNew(cl);
    const pdf = Buffer.from("%PDF-1.4\n% fictional log extract for 192.0.2.10\n%%EOF\n");
    const res = await upload(ro, sent.id, "logs.pdf", pdf);
    expect(res.statusCode, res.body).toBe(201);
    const info = res.json();
    expect(info).toMatchObject({ filename: "logs.pdf", mediaType: "application/pdf", size: pdf.length, party: "RO" });
    // Chile is told that something was added to its request, not what.
    const bell = await cl.get("/api/notifications");
    const told = bell.data.items.find(
      (n: { kind: string; link: string }) => n.kind === "request.message" && n.link === `/requests/${sent.id}`,
    );
    expect(told).toBeDefined();
    expect(JSON.stringify(told)).not.toContain("logs.pdf");
    // At rest: sealed, the plaintext nowhere in the row.
    const [row] = await ctx.db.tx((tx) =>
      tx.select().from(requestAttachments).where(eq(requestAttachments.id, info.id)),
    );
    expect(Buffer.from(row?.sealed ?? []).includes(Buffer.from("192.0.2.10"))).toBe(false);
    const back = await cl.get(`/api/requests/${sent.id}/attachments/${info.id}`);
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(pdf)).toBe(true);
    expect(back.headers["content-disposition"]).toContain("logs.pdf");
    const withFile = (await cl.get(`/api/requests/${sent.id}`)).data;
    expect(withFile.attachments.map((a: { id: string }) => a.id)).toEqual([info.id]);
    expect(withFile.timeline.at(-1)).toMatchObject({ kind: "message", facts: { attachment: "logs.pdf" } });
    expect((await fr.get(`/api/requests/${sent.id}/attachments/${info.id}`)).statusCode).toBe(404);
    expect((await upload(fr, sent.id, "x.pdf", pdf)).statusCode).toBe(404);
    // Refused: a type not on the list, a name that lies, an empty file, a file too large.
    const exe = await upload(cl, sent.id, "tool.exe", Buffer.from("MZ\x90\x00"));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.message).toMatch(/\.exe cannot be attached/);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect((await upload(cl, sent.id, "photo.pdf", png)).json().error.code).toBe("file_content_mismatch");
    expect((await upload(cl, sent.id, "photo.png", png)).statusCode).toBe(201);
    expect((await upload(cl, sent.id, "empty.txt", Buffer.alloc(0))).statusCode).toBe(400);
    const big = await upload(cl, sent.id, "big.txt", Buffer.alloc(20 * 1024 * 1024 + 10, 0x61));
    expect(big.statusCode).toBe(413);
    const listed = (await cl.get(`/api/requests/${sent.id}`)).data.attachments;
    expect(listed).toHaveLength(2);
  });
});

describe("need to know", () => {
  it("a third Party, the Secretariat and an observer get 404 or 403 on every route that takes the id", async () => {
    const sent = await sendNew(cl);
    const eventId = (await cl.get(`/api/requests/${sent.id}`)).data.timeline[1].id;
    const routes: [string, string, unknown?][] = [
      ["GET", `/api/requests/${sent.id}`],
      ["PUT", `/api/requests/${sent.id}/draft`, { type: "preservation", content: {} }],
      ["DELETE", `/api/requests/${sent.id}`],
      ["POST", `/api/requests/${sent.id}/send`, preservation()],
      ["POST", `/api/requests/${sent.id}/transitions`, { to: "acknowledged" }],
      ["POST", `/api/requests/${sent.id}/messages`, { body: "hello" }],
      ["POST", `/api/requests/${sent.id}/feedback`, { rating: "useful" }],
      ["GET", `/api/requests/${sent.id}/receipts/${eventId}`],
      ["GET", `/api/requests/${sent.id}/document?format=pdf`],
    ];
    for (const [method, url, body] of routes) {
      const res = await fr.request(method as "GET", url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      const sec = await secretariat.request(method as "GET", url, body);
      expect(sec.statusCode, `secretariat ${method} ${url}`).toBe(403);
      const obs = await observer.request(method as "GET", url, body);
      expect(obs.statusCode, `observer ${method} ${url}`).toBe(403);
    }
    expect((await fr.get("/api/requests?box=inbox")).data.items.map((i: { id: string }) => i.id)).not.toContain(
      sent.id,
    );
  });

  it("every read of a request is in the audit log", async () => {
    const sent = await sendNew(cl);
    await ro.get(`/api/requests/${sent.id}`);
    const reads = await ctx.db.tx((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "request.read"), eq(auditLog.targetId, sent.id))),
    );
    expect(reads).toHaveLength(1);
  });
});

describe("a national system with an API token", () => {
  it("reads its Party's inbox and a request with requests:read, acknowledges with requests:write, and nothing without the scope", async () => {
    const sent = await sendNew(cl);
    const roAdmin = await signedIn(app, ctx, "admin.req.ro@example.org", "party_admin", "RO");
    const meta = { ip: null, userAgent: null };
    const reader = await createApiToken(
      ctx,
      roAdmin.user,
      { name: "Case system (read)", scopes: ["requests:read"] },
      meta,
    );
    const writer = await createApiToken(
      ctx,
      roAdmin.user,
      { name: "Case system (write)", scopes: ["requests:read", "requests:write"] },
      meta,
    );
    const directoryOnly = await createApiToken(
      ctx,
      roAdmin.user,
      { name: "Directory sync", scopes: ["directory:read"] },
      meta,
    );
    const call = (token: string, method: "GET" | "POST", url: string, payload?: object) =>
      app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    const inbox = await call(reader.token, "GET", "/api/requests?box=inbox");
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json().items.map((i: { id: string }) => i.id)).toContain(sent.id);
    expect((await call(reader.token, "GET", `/api/requests/${sent.id}`)).statusCode).toBe(200);
    expect((await call(directoryOnly.token, "GET", `/api/requests/${sent.id}`)).statusCode).toBe(403);
    expect(
      (await call(reader.token, "POST", `/api/requests/${sent.id}/transitions`, { to: "acknowledged" })).statusCode,
    ).toBe(403);
    const ack = await call(writer.token, "POST", `/api/requests/${sent.id}/transitions`, { to: "acknowledged" });
    expect(ack.statusCode, ack.body).toBe(200);
    const step = ack.json().timeline.at(-1);
    expect(step).toMatchObject({ kind: "transition", toState: "acknowledged", party: "RO" });
    // Chile's token cannot see Romania's… and Romania's token sees nothing of a France–Chile request.
    const other = await sendNew(cl, preservation({ requestedParty: "FR" } as Partial<RequestContentInput>));
    expect((await call(writer.token, "GET", `/api/requests/${other.id}`)).statusCode).toBe(404);
  });
});

describe("the Secretariat's view", () => {
  it("counts and median timings per Party, and no content", async () => {
    const sent = await sendNew(cl);
    clock.advance(4 * 60_000);
    await ro.post(`/api/requests/${sent.id}/transitions`, { to: "acknowledged" });
    const res = await secretariat.get("/api/requests/overview");
    expect(res.statusCode).toBe(200);
    const roFigures = res.data.parties.find((p: { party: { iso2: string } }) => p.party.iso2 === "RO");
    const clFigures = res.data.parties.find((p: { party: { iso2: string } }) => p.party.iso2 === "CL");
    expect(roFigures.received).toBeGreaterThan(0);
    expect(clFigures.sent).toBeGreaterThanOrEqual(roFigures.received);
    expect(roFigures.medianMinutesToAcknowledge).toBeGreaterThan(0);
    expect(JSON.stringify(res.data)).not.toMatch(/CL-RANSOM|hospital|192\.0\.2\.10/);
    expect((await observer.get("/api/requests/overview")).statusCode).toBe(403);
  });
});

describe("the deadline calendar", () => {
  it("shows the sender's preservation end and the receiver's acknowledgement, by number only; rotating kills the old URL", async () => {
    const sent = await sendNew(cl);
    expect((await cl.get("/api/me/calendar")).data).toMatchObject({ active: false, url: null });
    const made = await ro.post("/api/me/calendar/rotate");
    expect(made.data.url).toMatch(/\/calendar\/[\w-]+\.ics$/);
    const path = new URL(made.data.url).pathname;
    const feed = await ro.get(path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toMatch(/^text\/calendar/);
    expect(feed.body).toContain(`SUMMARY:Acknowledge request ${sent.number}`);
    expect(feed.body).not.toMatch(/hospital|192\.0\.2\.10|Ransomware/);
    const again = await ro.post("/api/me/calendar/rotate");
    expect((await ro.get(path)).statusCode).toBe(404);
    expect((await ro.get(new URL(again.data.url).pathname)).statusCode).toBe(200);
    expect((await ro.get("/calendar/not-a-real-feed-token-000000.ics")).statusCode).toBe(404);
    expect((await ro.get("/calendar/..%2Fetc.ics")).statusCode).toBe(400);
  });
});

describe("deadlines", () => {
  it("an unacknowledged emergency: reminder at 15 minutes, then the next contact point alerted", async () => {
    const sent = await sendNew(cl, emergencyDisclosure());
    expect(new Date(sent.ackDueAt).getTime() - clock.now().getTime()).toBe(15 * 60_000);
    expect((await checkAcknowledgement(ctx, sent.id)).action).toBe("none");
    clock.advance(15 * 60_000);
    expect(await checkAcknowledgement(ctx, sent.id)).toMatchObject({ action: "reminded" });
    // Running again (a retry, a second instance) does nothing more.
    expect((await checkAcknowledgement(ctx, sent.id)).action).toBe("none");
    clock.advance(15 * 60_000);
    expect((await checkAcknowledgement(ctx, sent.id)).action).toBe("escalated");
    const detail = await cl.get(`/api/requests/${sent.id}`);
    const steps = detail.data.timeline.map((t: { kind: string }) => t.kind);
    expect(steps).toEqual(["created", "sent", "reminder", "escalation"]);
    // Facts, not sentences: each reader gets them in their own language.
    expect(detail.data.timeline[2].facts).toEqual({ minutes: 15, institution: "National Police" });
    expect(detail.data.timeline[3].facts).toEqual({ institution: "Prosecutor's Office" });
    expect(detail.data.timeline[3].note).toBeNull();
    // The escalation mailed the next contact point's registered address.
    const mails = await ctx.db.tx((tx) => tx.select().from(outbox).where(eq(outbox.channel, "email")));
    expect(mails.some((m) => m.idempotencyKey.startsWith(`escalation-${sent.id}`))).toBe(true);
  });

  it("follow the requested Party's own acknowledgement targets, set by the Secretariat in its legal profile", async () => {
    // Germany: not used by the other tests, which expect the Network defaults of Romania.
    const url = "/api/directory/parties/DE/legal-profile";
    const before = (await secretariat.get("/api/directory/parties/DE")).data.legalProfile;
    expect(before).toMatchObject({ ackTargetMinutes: null, emergencyAckTargetMinutes: null });
    const { updatedAt: _u, ...fields } = before;
    // An emergency target longer than the normal one is refused on its field, and nothing is written.
    const bad = await secretariat.put(url, { ...fields, ackTargetMinutes: 30, emergencyAckTargetMinutes: 45 });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.data.error.issues).toEqual([
      expect.objectContaining({
        path: "body.emergencyAckTargetMinutes",
        message: "The emergency target cannot be longer than the normal acknowledgement target",
      }),
    ]);
    const outOfRange = await secretariat.put(url, { ...fields, ackTargetMinutes: 0, emergencyAckTargetMinutes: 241 });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.data.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "body.ackTargetMinutes",
      "body.emergencyAckTargetMinutes",
    ]);
    expect((await secretariat.get("/api/directory/parties/DE")).data.legalProfile).toEqual(before);
    // A Party's officer cannot set them directly (it proposes a change instead).
    expect((await cl.put(url, { ...fields, ackTargetMinutes: 30 })).statusCode).toBe(403);

    const saved = await secretariat.put(url, { ...fields, ackTargetMinutes: 30, emergencyAckTargetMinutes: 10 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.data).toMatchObject({ ...fields, ackTargetMinutes: 30, emergencyAckTargetMinutes: 10 });

    // The route preview shows them: normal, emergency type, and a normal type marked as an emergency.
    const route = async (query: string) => (await cl.get(`/api/requests/route?party=DE&${query}`)).data;
    expect((await route("type=preservation")).ackTargetMinutes).toBe(30);
    expect((await route("type=emergency_disclosure")).ackTargetMinutes).toBe(10);
    expect((await route("type=preservation&emergency=true")).ackTargetMinutes).toBe(10);
    expect((await route("type=preservation&emergency=false")).ackTargetMinutes).toBe(30);
    expect((await cl.get("/api/requests/route?party=RO&type=preservation")).data.ackTargetMinutes).toBe(60);

    const normal = await sendNew(cl, preservation({ requestedParty: "DE" } as Partial<RequestContentInput>));
    const urgent = await sendNew(cl, emergencyDisclosure({ requestedParty: "DE" } as Partial<RequestContentInput>));
    const marked = await sendNew(
      cl,
      preservation({ requestedParty: "DE", emergency: true } as Partial<RequestContentInput>),
    );
    const minutes = async (id: string) => {
      const [row] = await ctx.db.tx((tx) => tx.select().from(requests).where(eq(requests.id, id)));
      return ((row?.ackDueAt?.getTime() ?? 0) - (row?.sentAt?.getTime() ?? 0)) / 60_000;
    };
    expect(await minutes(normal.id)).toBe(30);
    expect(await minutes(urgent.id)).toBe(10);
    expect(await minutes(marked.id)).toBe(10);
    expect(new Date(normal.ackDueAt).getTime() - clock.now().getTime()).toBe(30 * 60_000);

    // Reminder and escalation follow the Party's target: at 10 minutes, then 10 more. Checked with
    // a clock of their own, so the shared sessions do not idle out for the tests that follow.
    const sentAt = clock.now().getTime();
    const minutesLater = (minutes: number) => ({ ...ctx, clock: new ManualClock(new Date(sentAt + minutes * 60_000)) });
    expect((await checkAcknowledgement(minutesLater(9), urgent.id)).action).toBe("none");
    expect((await checkAcknowledgement(minutesLater(10), urgent.id)).action).toBe("reminded");
    expect((await checkAcknowledgement(minutesLater(10), normal.id)).action).toBe("none");
    expect((await checkAcknowledgement(minutesLater(20), urgent.id)).action).toBe("escalated");
    expect((await checkAcknowledgement(minutesLater(29), normal.id)).action).toBe("none");
    expect((await checkAcknowledgement(minutesLater(30), normal.id)).action).toBe("reminded");
  });

  it("sending stores the acknowledgement check as a delayed job, in the same transaction", async () => {
    const queue = await JobQueue.start(ctx, JOBS, { workers: false });
    ctx.jobs = queue;
    try {
      const sent = await sendNew(cl);
      const jobs = await queue.jobs(acknowledgementCheckJob.name);
      const mine = jobs.find((j) => (j.data as { requestId: string }).requestId === sent.id);
      expect(mine?.state).toBe("created");
      expect(mine?.startAfter.toISOString()).toBe(sent.ackDueAt);
    } finally {
      ctx.jobs = undefined;
      await queue.stop();
    }
  });

  it("the sweep catches what is due, once", async () => {
    const sent = await sendNew(cl);
    clock.advance(61 * 60_000);
    const first = await sweepDeadlines(ctx);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const again = await sweepDeadlines(ctx);
    expect(again.reminded).toBe(0);
    const steps = await ctx.db.tx((tx) =>
      tx
        .select()
        .from(requestEvents)
        .where(and(eq(requestEvents.requestId, sent.id), eq(requestEvents.kind, "reminder"))),
    );
    expect(steps).toHaveLength(1);
  });

  it("warns 14 days before a preservation ends if no mutual assistance request followed", async () => {
    const sent = await sendNew(cl);
    await ro.post(`/api/requests/${sent.id}/transitions`, { to: "acknowledged" });
    const today = clock.now().toISOString().slice(0, 10);
    const done = await ro.post(`/api/requests/${sent.id}/transitions`, {
      to: "executed",
      preservedOn: today,
      note: "ok",
    });
    const expires = Date.parse(`${done.data.preservationExpiresOn}T00:00:00Z`);
    clock.set(new Date(expires - 15 * 86_400_000));
    expect(await checkPreservation(ctx, sent.id)).toBe(false);
    clock.set(new Date(expires - 14 * 86_400_000 + 60_000));
    expect(await checkPreservation(ctx, sent.id)).toBe(true);
    expect(await checkPreservation(ctx, sent.id)).toBe(false);
    // (Read from the table: two months on, the test's sessions have long expired.)
    const warnings = await ctx.db.tx((tx) =>
      tx
        .select()
        .from(requestEvents)
        .where(and(eq(requestEvents.requestId, sent.id), eq(requestEvents.kind, "preservation_warning"))),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.facts).toEqual({ expiresOn: new Date(expires).toISOString().slice(0, 10) });
  });
});

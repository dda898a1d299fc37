import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { signedIn, type TestClient } from "../../../test/harness/http";
import { DirectoryDocument } from "../../shared/directory";
import { buildApp } from "../app";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../db/database";
import { loadDemoNetwork } from "../demo/seed";
import { type JobDefinition, JobQueue } from "../jobs/queue";
import { directoryToCsv } from "./formats/csv";
import { verifyDetached } from "./formats/jws";
import { renderReleaseJob } from "./jobs";
import { releaseFile, renderReleaseFiles } from "./release-files";
import { directoryReleaseFiles, directoryReleases } from "./tables";

let ctx: AppContext;
let app: FastifyInstance;
let secretariat: TestClient;
let officer: TestClient;
const clock = new ManualClock("2026-11-23T09:00:00Z");

beforeAll(async () => {
  ctx = testContext(await testDatabase(), clock);
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  ({ c: secretariat } = await signedIn(app, ctx, "desk@example.org", "secretariat", null));
  ({ c: officer } = await signedIn(app, ctx, "officer.es@example.org", "officer", "ES"));
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

const benin = {
  isPrimary: false,
  type: "police",
  institution: "Centre National d'Investigations Numériques",
  phones: [{ number: "+992295550100", available247: true }],
  emails: [{ address: "cnin.247@example.org" }],
  available247: true,
  timeZone: "Africa/Porto-Novo",
  languages: ["fr"],
};

describe("releases", () => {
  it("publishes immutable signed releases, compares them and lists the developments", async () => {
    const first = await secretariat.post("/api/directory/releases", { version: "2024-11", notes: "Baseline" });
    expect(first.statusCode).toBe(201);
    expect(first.data).toMatchObject({ version: "2024-11", partyCount: 76, contactPointCount: 90 });
    expect((await secretariat.post("/api/directory/releases", { version: "2024-11" })).statusCode).toBe(409);
    expect((await secretariat.post("/api/directory/releases", { version: "november" })).statusCode).toBe(400);
    expect((await officer.post("/api/directory/releases", { version: "2024-12" })).statusCode).toBe(403);

    expect((await secretariat.post("/api/directory/parties/BJ/contact-points", benin)).statusCode).toBe(201);
    const pending = await secretariat.get("/api/directory/compare?to=current");
    expect(pending.data.from).toBe("2024-11");
    expect(pending.data.developments.map((d: { en: string }) => d.en)).toEqual([
      "Benin: new contact point at Centre National d'Investigations Numériques",
    ]);
    expect(pending.data.developments[0].fr).toBe(
      "Bénin : nouveau point de contact : Centre National d'Investigations Numériques",
    );

    clock.advance(60_000);
    const second = await secretariat.post("/api/directory/releases", {
      version: "2024-12",
      notes: "Benin: new contact point",
    });
    expect(second.data.contactPointCount).toBe(91);
    const cmp = await officer.get("/api/directory/compare?from=2024-11&to=2024-12");
    expect(cmp.statusCode).toBe(200);
    expect(cmp.data.parties).toHaveLength(1);
    expect(cmp.data.parties[0]).toMatchObject({ iso2: "BJ", change: "changed" });
    expect(cmp.data.parties[0].contactPoints[0]).toMatchObject({ change: "added", institution: benin.institution });
    // Later edits do not reach a published release.
    const list = await officer.get("/api/directory/releases");
    expect(list.data.releases.map((r: { version: string }) => r.version)).toEqual(["2024-12", "2024-11"]);
    // The application's role cannot rewrite history, even with raw SQL.
    const denied = await ctx.db
      .tx((tx) => tx.execute(sql`update directory_releases set notes = 'rewritten'`))
      .then(
        () => "updated",
        (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
      );
    expect(denied).toMatch(/permission denied/);
  });

  it("notifies every member of a new release", async () => {
    const res = await officer.get("/api/notifications");
    expect(
      res.data.items.map((i: { kind: string; params: { version?: string } }) => `${i.kind} ${i.params.version}`),
    ).toContain("directory.release_published 2024-12");
  });

  it("serves the latest release as signed JSON with an ETag, and the signature verifies with the shown key", async () => {
    const res = await officer.get("/api/directory/releases/latest");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/application\/json/);
    const etag = res.headers.etag as string;
    const jws = res.headers["x-vigil-signature"] as string;
    expect(jws).toMatch(/^[\w-]+\.\.[\w-]+$/);
    const doc = DirectoryDocument.parse(JSON.parse(res.body));
    expect(doc.version).toBe("2024-12");
    const key = await officer.get("/api/directory/signing-key");
    expect(key.data.jwk).toMatchObject({ kty: "OKP", crv: "Ed25519" });
    expect(verifyDetached(jws, res.rawPayload, key.data.pem)).toBe(true);
    // One byte changed and the signature no longer holds.
    const tampered = Buffer.from(res.rawPayload);
    const at = tampered.indexOf("Benin");
    tampered[at] = "X".charCodeAt(0);
    expect(verifyDetached(jws, tampered, key.data.pem)).toBe(false);

    const again = await officer.request("GET", "/api/directory/releases/latest", undefined, {
      headers: { "if-none-match": etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    // The same bytes through the export route, and the detached signature on its own.
    const exported = await officer.get("/api/directory/releases/2024-12/export?format=json");
    expect(exported.body).toBe(res.body);
    expect((await officer.get("/api/directory/releases/2024-12/signature")).body).toBe(jws);
  });

  it("exports every format and audits each export", async () => {
    const expected: Record<string, RegExp> = {
      csv: /^text\/csv/,
      vcard: /^text\/vcard/,
      pdf: /^application\/pdf/,
      docx: /^application\/vnd\.openxmlformats/,
    };
    for (const [format, type] of Object.entries(expected)) {
      const res = await officer.get(`/api/directory/releases/2024-11/export?format=${format}`);
      expect(res.statusCode, format).toBe(200);
      expect(res.headers["content-type"]).toMatch(type);
      expect(res.headers["content-disposition"]).toMatch(/vigil-directory-2024-11\./);
      expect(res.rawPayload.length).toBeGreaterThan(1000);
    }
    const vcards = (await officer.get("/api/directory/releases/2024-11/export?format=vcard")).body;
    expect(vcards.match(/BEGIN:VCARD/g)).toHaveLength(90);
    const rows = await ctx.db.tx((tx) =>
      tx.execute(sql`select details->>'format' as format from audit_log where action = 'directory.release.exported'`),
    );
    const formats = (rows as unknown as { rows: { format: string }[] }).rows.map((r) => r.format);
    for (const f of ["json", "csv", "vcard", "pdf", "docx"]) expect(formats).toContain(f);
    expect((await officer.get("/api/directory/releases/1999-01/export?format=csv")).statusCode).toBe(404);
    expect((await officer.get("/api/directory/releases/2024-11/export?format=xls")).statusCode).toBe(400);
  });

  it("publishes the JSON Schema of the export", async () => {
    const res = await officer.get("/api/directory/schema.json");
    expect(res.statusCode).toBe(200);
    expect(res.data.$id).toMatch(/directory-release\.schema\.json$/);
  });
});

describe("rendered exports", () => {
  it("renders a release's PDF once: the second export is the same bytes, and both are audited and guarded", async () => {
    const exportedPdfs = async () => {
      const rows = await ctx.db.tx((tx) =>
        tx.execute(
          sql`select count(*)::int as n from audit_log where action = 'directory.release.exported' and details->>'format' = 'pdf' and details->>'version' = '2024-12'`,
        ),
      );
      return (rows as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
    };
    const before = await exportedPdfs();
    const first = await officer.get("/api/directory/releases/2024-12/export?format=pdf");
    const second = await officer.get("/api/directory/releases/2024-12/export?format=pdf");
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(second.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await exportedPdfs()).toBe(before + 2);
    // The cached file is no way around the recent sign-in that exports need.
    clock.advance(ctx.config.reauthMs + 60_000);
    const stale = await officer.get("/api/directory/releases/2024-12/export?format=pdf");
    expect(stale.statusCode).toBe(403);
    expect(stale.data.error.code).toBe("reauth_required");
    expect(await exportedPdfs()).toBe(before + 2);
  });
});

describe("stored renderings", () => {
  // The exports need a recent sign-in; the tests above moved the clock past the officer's.
  beforeAll(async () => {
    ({ c: officer } = await signedIn(app, ctx, "officer2.es@example.org", "officer", "ES"));
  });
  const storedFiles = (releaseId: string) =>
    ctx.db.tx((tx) =>
      tx
        .select()
        .from(directoryReleaseFiles)
        .where(eq(directoryReleaseFiles.releaseId, releaseId))
        .orderBy(directoryReleaseFiles.format),
    );

  it("publishing enqueues the rendering job; the job stores every format once, and an export serves the stored bytes", async () => {
    const queue = await JobQueue.start(ctx, [renderReleaseJob] as JobDefinition<unknown>[], {
      pollingIntervalSeconds: 0.5,
    });
    ctx.jobs = queue;
    try {
      clock.advance(60_000);
      const published = await secretariat.post("/api/directory/releases", { version: "2025-01", notes: "Stored" });
      expect(published.statusCode).toBe(201);
      const id: string = published.data.id;
      await expect.poll(async () => (await storedFiles(id)).length, { timeout: 60_000, interval: 200 }).toBe(4);
      const files = await storedFiles(id);
      expect(files.map((f) => f.format)).toEqual(["csv", "docx", "pdf", "vcard"]);
      for (const f of files) expect(f.sha256).toBe(createHash("sha256").update(f.body).digest("hex"));
      const [release] = await ctx.db.tx((tx) =>
        tx.select().from(directoryReleases).where(eq(directoryReleases.id, id)),
      );
      if (!release) throw new Error("release not found");
      const csv = files.find((f) => f.format === "csv");
      expect(Buffer.from(csv?.body ?? []).toString("utf8")).toBe(directoryToCsv(release.document));
      const pdf = files.find((f) => f.format === "pdf");
      const exported = await officer.get("/api/directory/releases/2025-01/export?format=pdf");
      expect(exported.statusCode).toBe(200);
      expect(exported.rawPayload.equals(Buffer.from(pdf?.body ?? []))).toBe(true);
      // Idempotent: a second run (a retry, another instance) finds everything stored.
      expect(await renderReleaseFiles(ctx, SYSTEM_ACTOR, id)).toEqual({ rendered: [] });
      expect(await storedFiles(id)).toHaveLength(4);
    } finally {
      ctx.jobs = undefined;
      await queue.stop();
    }
  });

  it("serves a stored file without rendering it again, on an instance that has not held it in memory", async () => {
    clock.advance(60_000);
    const published = await secretariat.post("/api/directory/releases", { version: "2025-02", notes: "No job" });
    const id: string = published.data.id;
    expect(await storedFiles(id)).toEqual([]); // no job queue here: nothing rendered in advance
    // What another instance stored: these bytes, not a fresh rendering, are what every export serves.
    const marker = Buffer.from("stored by another instance\n", "utf8");
    await ctx.db.tx((tx) =>
      tx.insert(directoryReleaseFiles).values({
        releaseId: id,
        format: "vcard",
        body: marker,
        sha256: createHash("sha256").update(marker).digest("hex"),
        renderedAt: clock.now(),
      }),
    );
    expect((await releaseFile(ctx, SYSTEM_ACTOR, id, "vcard"))?.equals(marker)).toBe(true);
    const exported = await officer.get("/api/directory/releases/2025-02/export?format=vcard");
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.equals(marker)).toBe(true);
    // A format not stored yet is rendered on its first export and stored then.
    const csv = await officer.get("/api/directory/releases/2025-02/export?format=csv");
    expect(csv.statusCode).toBe(200);
    const stored = await storedFiles(id);
    expect(stored.map((f) => f.format)).toEqual(["csv", "vcard"]);
    expect(Buffer.from(stored[0]?.body ?? []).equals(csv.rawPayload)).toBe(true);
    // The JSON export is the signed body itself, never stored twice.
    expect((await releaseFile(ctx, SYSTEM_ACTOR, id, "json"))?.toString("utf8")).toBe(
      (await officer.get("/api/directory/releases/2025-02/export?format=json")).rawPayload.toString("utf8"),
    );
  });

  it("refuses to change or delete a stored file (the application role may only add one)", async () => {
    const [any] = await ctx.db.tx((tx) => tx.select().from(directoryReleaseFiles).limit(1));
    if (!any) throw new Error("no stored file");
    const attempt = (q: ReturnType<typeof sql>) =>
      ctx.db
        .tx((tx) => tx.execute(q))
        .then(
          () => "done",
          (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
        );
    expect(await attempt(sql`update directory_release_files set body = '\\x00' where format = ${any.format}`)).toMatch(
      /permission denied/,
    );
    expect(await attempt(sql`delete from directory_release_files where format = ${any.format}`)).toMatch(
      /permission denied/,
    );
  });
});

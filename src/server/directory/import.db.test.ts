import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { signedIn, type TestClient } from "../../../test/harness/http";
import type { DirectoryDocument } from "../../shared/directory";
import { buildApp } from "../app";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";
import { readDirectoryDocument } from "./entries";
import { directoryToCsv } from "./formats/csv";
import { directoryToDocx } from "./formats/docx";

let ctx: AppContext;
const clock = new ManualClock("2026-11-23T09:00:00Z");
let app: FastifyInstance;
let secretariat: TestClient;

beforeAll(async () => {
  ctx = testContext(await testDatabase(), clock);
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  ({ c: secretariat } = await signedIn(app, ctx, "desk@example.org", "secretariat", null));
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

const current = () => ctx.db.tx((tx) => readDirectoryDocument(tx));
const b64 = (data: string | Buffer) => Buffer.from(data).toString("base64");

async function importFile(format: "json" | "csv" | "docx", content: string | Buffer) {
  const body = { format, fileName: `directory.${format}`, contentBase64: b64(content) };
  const preview = await secretariat.post("/api/directory/import/preview", body);
  expect(preview.statusCode, JSON.stringify(preview.data)).toBe(200);
  return { body, preview: preview.data };
}

describe("import", () => {
  it("imports a Word table like the legacy directory, exports JSON, and re-imports it to the same directory", async () => {
    // The legacy-style table for Benin, with a new row for its new unit.
    const doc = await current();
    const bj = doc.parties.find((p) => p.iso2 === "BJ");
    if (!bj) throw new Error("no Benin");
    const extra = {
      ...(bj.contactPoints[0] as NonNullable<(typeof bj.contactPoints)[0]>),
      id: crypto.randomUUID(),
      isPrimary: false,
      institution: "Centre National d'Investigations Numériques",
      unit: "Permanence",
      phones: [{ number: "+992295550100", available247: true }],
      emails: [{ address: "cnin.247@example.org" }],
    };
    const table: DirectoryDocument = { ...doc, parties: [{ ...bj, contactPoints: [...bj.contactPoints, extra] }] };
    const { body, preview } = await importFile("docx", await directoryToDocx(table));
    expect(preview.errors).toEqual([]);
    expect(preview.counts.added).toBe(1);
    expect(preview.parties.map((p: { iso2: string }) => p.iso2)).toEqual(["BJ"]);
    const applied = await secretariat.post("/api/directory/import/apply", {
      ...body,
      previewToken: preview.previewToken,
    });
    expect(applied.statusCode).toBe(200);
    const afterDocx = await current();
    expect(afterDocx.parties.find((p) => p.iso2 === "BJ")?.contactPoints.map((c) => c.institution)).toContain(
      extra.institution,
    );

    // Export JSON (through a release) and import it again: nothing changes.
    await secretariat.post("/api/directory/releases", { version: "2026-11", notes: "" });
    const json = (await secretariat.get("/api/directory/releases/2026-11/export?format=json")).body;
    const again = await importFile("json", json);
    expect(again.preview).toMatchObject({
      ok: true,
      errors: [],
      parties: [],
      counts: { added: 0, removed: 0, changed: 0 },
    });
    const reapplied = await secretariat.post("/api/directory/import/apply", {
      ...again.body,
      previewToken: again.preview.previewToken,
    });
    expect(reapplied.statusCode).toBe(200);
    expect(await current()).toEqual(afterDocx);
  });

  it("round-trips CSV and applies a change made in it", async () => {
    const doc = await current();
    const ro = doc.parties.find((p) => p.iso2 === "RO");
    if (!ro?.contactPoints[1]) throw new Error("no Romania");
    const edited: DirectoryDocument = {
      ...doc,
      parties: [
        {
          ...ro,
          contactPoints: [
            ro.contactPoints[0] as never,
            { ...ro.contactPoints[1], instructions: "Send the T-CY form by e-mail." },
          ],
        },
      ],
    };
    const { body, preview } = await importFile("csv", directoryToCsv(edited));
    expect(preview.ok).toBe(true);
    expect(preview.parties).toHaveLength(1);
    expect(preview.parties[0].contactPoints[0].changes.map((c: { field: string }) => c.field)).toEqual([
      "instructions",
    ]);
    expect(
      (await secretariat.post("/api/directory/import/apply", { ...body, previewToken: preview.previewToken }))
        .statusCode,
    ).toBe(200);
    expect((await current()).parties.find((p) => p.iso2 === "RO")?.contactPoints[1]?.instructions).toBe(
      "Send the T-CY form by e-mail.",
    );
  });

  it("reports row errors with line numbers and writes nothing", async () => {
    const doc = await current();
    const csv = directoryToCsv(doc).replace("+99", "+ABC").replaceAll("\r\nRO,", "\r\nQQ,");
    const { body, preview } = await importFile("csv", csv);
    expect(preview.ok).toBe(false);
    expect(preview.errors.length, JSON.stringify(preview.errors)).toBeGreaterThanOrEqual(2);
    for (const e of preview.errors) expect(e.line).toBeGreaterThan(1);
    expect(preview.errors.some((e: { field: string | null }) => e.field?.includes("phone"))).toBe(true);
    const before = await current();
    const applied = await secretariat.post("/api/directory/import/apply", {
      ...body,
      previewToken: preview.previewToken,
    });
    expect(applied.statusCode, applied.body).toBe(400);
    expect(await current()).toEqual(before);

    const broken = await secretariat.post("/api/directory/import/preview", {
      format: "json",
      contentBase64: b64("{ not json"),
    });
    expect(broken.data.ok).toBe(false);
    expect(broken.data.errors[0].line).toBe(1);
    const notDocx = await secretariat.post("/api/directory/import/preview", {
      format: "docx",
      contentBase64: b64("plain text"),
    });
    expect(notDocx.data.ok).toBe(false);
    expect(notDocx.data.errors[0].message).toMatch(/docx|Word/i);
  });

  it("refuses to apply a preview made against a directory that changed since", async () => {
    const doc = await current();
    const { body, preview } = await importFile("json", JSON.stringify(doc));
    clock.advance(60_000);
    expect((await secretariat.post("/api/directory/parties/BJ/confirm")).statusCode).toBe(200);
    const res = await secretariat.post("/api/directory/import/apply", { ...body, previewToken: preview.previewToken });
    expect(res.statusCode).toBe(409);
  });

  it("is for the Secretariat only", async () => {
    const { c } = await signedIn(app, ctx, "admin.fi@example.org", "party_admin", "FI");
    const res = await c.post("/api/directory/import/preview", { format: "json", contentBase64: b64("{}") });
    expect(res.statusCode).toBe(403);
  });
});

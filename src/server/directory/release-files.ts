import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { ExportFormat } from "../../shared/directory";
import type { AppContext } from "../context";
import type { Actor, Tx } from "../db/database";
import { directoryToCsv } from "./formats/csv";
import { directoryToDocx } from "./formats/docx";
import { directoryToPdf } from "./formats/pdf";
import { directoryToVcards } from "./formats/vcard";
import { directoryReleaseFiles, directoryReleases } from "./tables";

/**
 * The files of a release, rendered once and stored (`directory_release_files`). A release never
 * changes, so neither do its files: the job that runs right after publication renders them all
 * (directory/jobs.ts), and an export finds them stored, on any instance and after any restart.
 * A release published before this table, or whose job has not run yet, is rendered on its first
 * export and stored then; two instances racing to store the same file both keep the first one.
 */

/** The formats stored here; JSON is the release's signed `body` itself. */
export const RENDERED_FORMATS = ["pdf", "csv", "docx", "vcard"] as const satisfies readonly ExportFormat[];
type RenderedFormat = (typeof RENDERED_FORMATS)[number];

/** One format of a release as its file's bytes. Unknown release: undefined. */
export async function releaseFile(
  ctx: AppContext,
  actor: Actor,
  releaseId: string,
  format: ExportFormat,
): Promise<Buffer | undefined> {
  if (format === "json") {
    const [row] = await ctx.db.tx(
      (tx) =>
        tx.select({ body: directoryReleases.body }).from(directoryReleases).where(eq(directoryReleases.id, releaseId)),
      actor,
    );
    return row && Buffer.from(row.body, "utf8");
  }
  return (
    (await ctx.db.tx((tx) => storedFile(tx, releaseId, format), actor)) ?? renderAndStore(ctx, actor, releaseId, format)
  );
}

/** Renders and stores every format of a release not stored yet (the job after publication). */
export async function renderReleaseFiles(
  ctx: AppContext,
  actor: Actor,
  releaseId: string,
): Promise<{ rendered: RenderedFormat[] }> {
  const rendered: RenderedFormat[] = [];
  for (const format of RENDERED_FORMATS) {
    if (await ctx.db.tx((tx) => storedFile(tx, releaseId, format), actor)) continue;
    if (!(await renderAndStore(ctx, actor, releaseId, format))) break; // no such release
    rendered.push(format);
  }
  return { rendered };
}

async function storedFile(tx: Tx, releaseId: string, format: RenderedFormat): Promise<Buffer | undefined> {
  const [row] = await tx
    .select({ body: directoryReleaseFiles.body })
    .from(directoryReleaseFiles)
    .where(and(eq(directoryReleaseFiles.releaseId, releaseId), eq(directoryReleaseFiles.format, format)));
  return row && asBuffer(row.body);
}

async function renderAndStore(
  ctx: AppContext,
  actor: Actor,
  releaseId: string,
  format: RenderedFormat,
): Promise<Buffer | undefined> {
  const [release] = await ctx.db.tx(
    (tx) =>
      tx
        .select({ document: directoryReleases.document })
        .from(directoryReleases)
        .where(eq(directoryReleases.id, releaseId)),
    actor,
  );
  if (!release) return undefined;
  const body = await render(release.document, format);
  return ctx.db.tx(async (tx) => {
    const [stored] = await tx
      .insert(directoryReleaseFiles)
      .values({
        releaseId,
        format,
        body,
        sha256: createHash("sha256").update(body).digest("hex"),
        renderedAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
      .returning({ format: directoryReleaseFiles.format });
    // Another instance stored it meanwhile: serve its bytes, so that every download is the same.
    return stored ? body : storedFile(tx, releaseId, format);
  }, actor);
}

async function render(
  doc: (typeof directoryReleases.$inferSelect)["document"],
  format: RenderedFormat,
): Promise<Buffer> {
  if (format === "csv") return Buffer.from(directoryToCsv(doc), "utf8");
  if (format === "vcard") return Buffer.from(directoryToVcards(doc), "utf8");
  if (format === "pdf") return directoryToPdf(doc);
  return directoryToDocx(doc);
}

/** node-postgres gives a Buffer for bytea, PGlite a Uint8Array: one type for the HTTP layer. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { DirectoryDocument, ExportFormat } from "../../shared/directory";
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
  // Which formats are stored, without reading their megabytes; the document once for the rest.
  const stored = await ctx.db.tx(
    (tx) =>
      tx
        .select({ format: directoryReleaseFiles.format })
        .from(directoryReleaseFiles)
        .where(eq(directoryReleaseFiles.releaseId, releaseId)),
    actor,
  );
  const missing = RENDERED_FORMATS.filter((f) => !stored.some((s) => s.format === f));
  const document = missing.length ? await releaseDocument(ctx, actor, releaseId) : undefined;
  if (!document) return { rendered: [] };
  for (const format of missing) await store(ctx, actor, releaseId, format, await render(document, format));
  return { rendered: missing };
}

async function storedFile(tx: Tx, releaseId: string, format: RenderedFormat): Promise<Buffer | undefined> {
  const [row] = await tx
    .select({ body: directoryReleaseFiles.body })
    .from(directoryReleaseFiles)
    .where(and(eq(directoryReleaseFiles.releaseId, releaseId), eq(directoryReleaseFiles.format, format)));
  return row?.body;
}

async function releaseDocument(
  ctx: AppContext,
  actor: Actor,
  releaseId: string,
): Promise<DirectoryDocument | undefined> {
  const [release] = await ctx.db.tx(
    (tx) =>
      tx
        .select({ document: directoryReleases.document })
        .from(directoryReleases)
        .where(eq(directoryReleases.id, releaseId)),
    actor,
  );
  return release?.document;
}

async function renderAndStore(
  ctx: AppContext,
  actor: Actor,
  releaseId: string,
  format: RenderedFormat,
): Promise<Buffer | undefined> {
  const document = await releaseDocument(ctx, actor, releaseId);
  return document && store(ctx, actor, releaseId, format, await render(document, format));
}

/** Stores a rendering; if another instance stored that file meanwhile, its bytes are the answer. */
function store(
  ctx: AppContext,
  actor: Actor,
  releaseId: string,
  format: RenderedFormat,
  body: Buffer,
): Promise<Buffer> {
  return ctx.db.tx(async (tx) => {
    const [inserted] = await tx
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
    // Every download is then the same bytes, whichever instance rendered first.
    return inserted ? body : ((await storedFile(tx, releaseId, format)) ?? body);
  }, actor);
}

async function render(doc: DirectoryDocument, format: RenderedFormat): Promise<Buffer> {
  if (format === "csv") return Buffer.from(directoryToCsv(doc), "utf8");
  if (format === "vcard") return Buffer.from(directoryToVcards(doc), "utf8");
  if (format === "pdf") return directoryToPdf(doc);
  return directoryToDocx(doc);
}

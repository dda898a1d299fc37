import { desc, eq, lt, sql } from "drizzle-orm";
import type {
  DirectoryDocument,
  ExportFormat,
  ReleaseComparison,
  ReleaseSummary,
  SigningKeyInfo,
} from "../../shared/directory";
import { appendAudit } from "../audit/log";
import { can } from "../auth/policy";
import type { Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import { users } from "../auth/tables";
import type { UserRow } from "../auth/users";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { conflict, forbidden, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { emailOn, notify } from "../notify/notifications";
import { emitWebhookEvent } from "../webhooks/webhooks";
import { compareDocuments, developments } from "./diff";
import { readDirectoryDocument } from "./entries";
import { releaseFiles } from "./export-cache";
import { canonicalJson } from "./formats/canonical-json";
import { renderReleaseJob } from "./jobs";
import { releaseFile } from "./release-files";
import { currentSigningKey, signingKeyInfo, signRelease } from "./signing-keys";
import { directoryReleases } from "./tables";

/**
 * Releases: the Secretariat freezes the directory as an immutable, signed document. Any two can be
 * compared; every export is made from the frozen document, so an export of 2024-12 is the same
 * file whenever it is downloaded.
 */

type ReleaseRow = typeof directoryReleases.$inferSelect;

/** Releases carry the whole directory: observers read only the shared entries, in the pages. */
function requireFullReader(user: Principal): void {
  if (!can(user, "directory.releases")) {
    throw forbidden("Releases hold the whole directory; observers see the entries shared with them in the directory.");
  }
}

export async function publishRelease(
  ctx: AppContext,
  user: UserRow,
  input: { version: string; notes: string },
  meta: RequestMeta,
): Promise<ReleaseSummary> {
  if (!can(user, "directory.manage")) throw forbidden("Only the Secretariat publishes releases.");
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const [exists] = await tx
      .select({ id: directoryReleases.id })
      .from(directoryReleases)
      .where(eq(directoryReleases.version, input.version));
    if (exists) throw conflict("version_taken", `Version ${input.version} is already published.`);
    // Serialise publishers: two releases in the same instant would both claim to be the latest.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('vigil.directory_release'))`);
    const row = await insertRelease(tx, await readDirectoryDocument(tx), { ...input, at, by: user.id });
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "directory.release.published",
      targetType: "directory_release",
      targetId: row.id,
      details: { version: row.version, sha256: row.sha256 },
    });
    // Every member of the Network is told; the notification carries the version only.
    await notify(
      tx,
      {},
      {
        kind: "directory.release_published",
        params: { version: row.version },
        link: `/directory/releases?version=${encodeURIComponent(row.version)}`,
      },
      at,
      emailOn(ctx),
    );
    await emitWebhookEvent(tx, null, "directory.release_published", { version: row.version, sha256: row.sha256 }, at);
    // Every Party downloads a new release soon after it is announced: its files are rendered and
    // stored now, by a job, so that the first download is as quick as the hundredth.
    await ctx.jobs?.enqueue(tx, renderReleaseJob, { releaseId: row.id }, { singletonKey: row.id });
    return summarise(tx, row);
  }, actorOf(user));
}

/**
 * Freezes a directory document as a signed release (canonical JSON, SHA-256, detached JWS). The
 * publishing use case above, and the demo's history of 2024 versions (demo/plenary-history.ts).
 */
export async function insertRelease(
  tx: Tx,
  current: DirectoryDocument,
  r: { version: string; notes: string; at: Date; by: string | null; signedAt?: Date },
): Promise<ReleaseRow> {
  const document: DirectoryDocument = {
    ...current,
    version: r.version,
    publishedAt: r.at.toISOString(),
    notes: r.notes,
  };
  const body = canonicalJson(document);
  const [row] = await tx
    .insert(directoryReleases)
    .values({
      version: r.version,
      notes: r.notes,
      publishedAt: r.at,
      publishedBy: r.by,
      document,
      body,
      ...(await signRelease(tx, body, r.signedAt ?? r.at)),
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

async function summarise(tx: Tx, row: ReleaseRow): Promise<ReleaseSummary> {
  const [list] = await summariseAll(tx, [row]);
  if (!list) throw new Error("unreachable");
  return list;
}

async function summariseAll(tx: Tx, rows: ReleaseRow[]): Promise<ReleaseSummary[]> {
  const ids = [...new Set(rows.map((r) => r.publishedBy).filter((x): x is string => !!x))];
  const names = ids.length
    ? await tx.select({ id: users.id, name: users.displayName }).from(users).where(sql`${users.id} in ${ids}`)
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    publishedAt: r.publishedAt.toISOString(),
    notes: r.notes,
    publishedBy: (r.publishedBy && nameOf.get(r.publishedBy)) || "?",
    partyCount: r.document.parties.length,
    contactPointCount: r.document.parties.reduce((n, p) => n + p.contactPoints.length, 0),
    sha256: r.sha256,
  }));
}

export async function listReleases(ctx: AppContext, user: Principal): Promise<ReleaseSummary[]> {
  requireFullReader(user);
  return ctx.db.tx(async (tx) => {
    const rows = await tx.select().from(directoryReleases).orderBy(desc(directoryReleases.publishedAt)).limit(500);
    return summariseAll(tx, rows);
  }, actorOf(user));
}

export async function findRelease(tx: Tx, version: string): Promise<ReleaseRow | undefined> {
  const [row] =
    version === "latest"
      ? await tx.select().from(directoryReleases).orderBy(desc(directoryReleases.publishedAt)).limit(1)
      : await tx.select().from(directoryReleases).where(eq(directoryReleases.version, version)).limit(1);
  return row;
}

async function releaseBefore(tx: Tx, row: ReleaseRow | null): Promise<ReleaseRow | undefined> {
  const [prev] = await tx
    .select()
    .from(directoryReleases)
    .where(row ? lt(directoryReleases.publishedAt, row.publishedAt) : undefined)
    .orderBy(desc(directoryReleases.publishedAt))
    .limit(1);
  return prev;
}

/**
 * Compares two releases (or a release with the current, unreleased state: `to` = "current").
 * Without `from`, the release just before `to` is used.
 */
export async function compareReleases(
  ctx: AppContext,
  user: Principal,
  q: { from?: string; to: string },
  meta: RequestMeta,
): Promise<ReleaseComparison> {
  requireFullReader(user);
  return ctx.db.tx(async (tx) => {
    let toDoc: DirectoryDocument;
    let toRow: ReleaseRow | null = null;
    if (q.to === "current") toDoc = await readDirectoryDocument(tx);
    else {
      toRow = (await findRelease(tx, q.to)) ?? null;
      if (!toRow) throw notFound(`No release ${q.to}.`);
      toDoc = toRow.document;
    }
    const fromRow = q.from ? await findRelease(tx, q.from) : await releaseBefore(tx, toRow);
    if (q.from && !fromRow) throw notFound(`No release ${q.from}.`);
    const parties = compareDocuments(fromRow?.document ?? null, toDoc);
    await appendAudit(tx, ctx.clock.now(), auditWho(user, meta), {
      action: "directory.releases.compared",
      targetType: "directory",
      details: { from: fromRow?.version ?? null, to: q.to },
    });
    return {
      from: fromRow?.version ?? null,
      to: toRow?.version ?? "current",
      parties,
      developments: developments(parties),
    };
  }, actorOf(user));
}

/** What an export says about its release besides the file: no document (megabytes) in it. */
export type ReleaseMeta = Pick<ReleaseRow, "id" | "version" | "publishedAt" | "sha256" | "jws" | "kid">;
export type ExportFile = { body: Buffer | string; contentType: string; fileName: string; release: ReleaseMeta };

const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  vcard: "text/vcard; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};
const EXTENSIONS: Record<ExportFormat, string> = { json: "json", csv: "csv", vcard: "vcf", pdf: "pdf", docx: "docx" };

const META = {
  id: directoryReleases.id,
  version: directoryReleases.version,
  publishedAt: directoryReleases.publishedAt,
  sha256: directoryReleases.sha256,
  jws: directoryReleases.jws,
  kid: directoryReleases.kid,
};

/** A release's identity and signature without its document: what a poll or an export checks first. */
export async function findReleaseMeta(tx: Tx, version: string): Promise<ReleaseMeta | undefined> {
  const [row] =
    version === "latest"
      ? await tx.select(META).from(directoryReleases).orderBy(desc(directoryReleases.publishedAt)).limit(1)
      : await tx.select(META).from(directoryReleases).where(eq(directoryReleases.version, version)).limit(1);
  return row;
}

/**
 * One export of one release; every export is audited (who took which version, in which format),
 * also when the file comes from this instance's memory (`export-cache.ts`) or from the stored
 * renderings (`release-files.ts`).
 */
export async function exportRelease(
  ctx: AppContext,
  user: Principal,
  version: string,
  format: ExportFormat,
  meta: RequestMeta,
): Promise<ExportFile> {
  requireFullReader(user);
  const release = await ctx.db.tx(async (tx) => {
    const row = await findReleaseMeta(tx, version);
    if (!row) throw notFound(`No release ${version}.`);
    await appendAudit(tx, ctx.clock.now(), auditWho(user, meta), {
      action: "directory.release.exported",
      targetType: "directory_release",
      targetId: row.id,
      details: { version: row.version, format },
    });
    return row;
  }, actorOf(user));
  const body = await releaseFiles.get(`directory:${release.id}:${format}`, async () => {
    const file = await releaseFile(ctx, actorOf(user), release.id, format);
    if (!file) throw notFound(`No release ${version}.`);
    return file;
  });
  return {
    body,
    contentType: CONTENT_TYPES[format],
    fileName: `vigil-directory-${release.version}.${EXTENSIONS[format]}`,
    release,
  };
}

export async function signingKey(ctx: AppContext, user: Principal): Promise<SigningKeyInfo> {
  requireFullReader(user);
  return ctx.db.tx(async (tx) => signingKeyInfo(await currentSigningKey(tx, ctx.clock.now())), actorOf(user));
}

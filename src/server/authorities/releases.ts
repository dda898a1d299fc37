import { desc, eq, sql } from "drizzle-orm";
import type { AuthoritiesDocument, AuthoritiesExportFormat, AuthoritiesReleaseSummary } from "../../shared/authorities";
import { appendAudit } from "../audit/log";
import type { Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { releaseFiles } from "../directory/export-cache";
import { canonicalJson } from "../directory/formats/canonical-json";
import { signRelease } from "../directory/signing-keys";
import { conflict, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { emailOn, notify } from "../notify/notifications";
import { emitWebhookEvent } from "../webhooks/webhooks";
import { requireManager, requireReader } from "./authorities";
import { readAuthorityEntries } from "./entries";
import { authoritiesCsv, authoritiesPdf } from "./export";
import { authorityReleases } from "./tables";

/**
 * Releases of the authorities directory, made like the contact-point directory's: the Secretariat
 * freezes the current state as canonical JSON, hashed and signed with the same Ed25519 key (so a
 * national system verifies both with one key); every export is made from the frozen document and
 * audited. Readable by the Parties' members, never by observers.
 */

type ReleaseRow = typeof authorityReleases.$inferSelect;

function summarise(r: ReleaseRow): AuthoritiesReleaseSummary {
  return {
    id: r.id,
    version: r.version,
    publishedAt: r.publishedAt.toISOString(),
    notes: r.notes,
    provided: r.document.provided,
    total: r.document.total,
    sha256: r.sha256,
  };
}

export async function currentDocument(tx: Tx, version: string, at: Date, notes: string): Promise<AuthoritiesDocument> {
  const entries = await readAuthorityEntries(tx);
  return {
    format: "vigil-authorities/1",
    version,
    publishedAt: at.toISOString(),
    notes,
    provided: entries.filter((e) => e.submission).length,
    total: entries.length,
    parties: entries.map((e) => ({
      iso2: e.iso2,
      nameEn: e.nameEn,
      nameFr: e.nameFr,
      provided: e.submission !== null,
      submittedAt: e.submittedAt?.toISOString() ?? null,
      authorities: e.roles,
      discrepancies: e.discrepancies,
      missing: e.missing,
    })),
  };
}

export async function publishAuthoritiesRelease(
  ctx: AppContext,
  user: Principal,
  input: { version: string; notes: string },
  meta: RequestMeta,
): Promise<AuthoritiesReleaseSummary> {
  requireManager(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    // Serialise publishers, as the directory does: two releases at once would both be "latest".
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('vigil.authority_release'))`);
    const [exists] = await tx
      .select({ id: authorityReleases.id })
      .from(authorityReleases)
      .where(eq(authorityReleases.version, input.version));
    if (exists) throw conflict("version_taken", `Version ${input.version} is already published.`);
    const document = await currentDocument(tx, input.version, at, input.notes);
    const body = canonicalJson(document);
    const [row] = await tx
      .insert(authorityReleases)
      .values({
        version: input.version,
        notes: input.notes,
        publishedAt: at,
        publishedBy: "email" in user ? user.id : null,
        document,
        body,
        ...(await signRelease(tx, body, at)),
      })
      .returning();
    if (!row) throw new Error("release not written");
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "authorities.release.published",
      targetType: "authority_release",
      targetId: row.id,
      details: { version: row.version, sha256: row.sha256 },
    });
    // Parties' members are told (observers do not read this directory); the notice holds the version only.
    await notify(
      tx,
      { roles: ["secretariat", "party_admin", "officer"] },
      {
        kind: "authorities.release_published",
        params: { version: row.version },
        link: `/authorities/releases?version=${encodeURIComponent(row.version)}`,
      },
      at,
      emailOn(ctx),
    );
    await emitWebhookEvent(tx, null, "authorities.release_published", { version: row.version, sha256: row.sha256 }, at);
    return summarise(row);
  }, actorOf(user));
}

export async function listAuthoritiesReleases(ctx: AppContext, user: Principal): Promise<AuthoritiesReleaseSummary[]> {
  requireReader(user);
  return ctx.db.tx(async (tx) => {
    const rows = await tx.select().from(authorityReleases).orderBy(desc(authorityReleases.publishedAt)).limit(500);
    return rows.map(summarise);
  }, actorOf(user));
}

const CONTENT_TYPES: Record<AuthoritiesExportFormat, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
};

/** One export of one release ("latest" is the newest); audited with who, which version, which format. */
export async function exportAuthoritiesRelease(
  ctx: AppContext,
  user: Principal,
  version: string,
  format: AuthoritiesExportFormat,
  meta: RequestMeta,
): Promise<{ body: string | Buffer; contentType: string; fileName: string; release: ReleaseRow }> {
  requireReader(user);
  const release = await ctx.db.tx(async (tx) => {
    const [row] =
      version === "latest"
        ? await tx.select().from(authorityReleases).orderBy(desc(authorityReleases.publishedAt)).limit(1)
        : await tx.select().from(authorityReleases).where(eq(authorityReleases.version, version)).limit(1);
    if (!row) throw notFound(version === "latest" ? "No release has been published yet." : `No release ${version}.`);
    await appendAudit(tx, ctx.clock.now(), auditWho(user, meta), {
      action: "authorities.release.exported",
      targetType: "authority_release",
      targetId: row.id,
      details: { version: row.version, format },
    });
    return row;
  }, actorOf(user));
  // A release never changes: its files are rendered once per instance (directory/export-cache.ts).
  const body = await releaseFiles.get(`authorities:${release.id}:${format}`, async () =>
    format === "json"
      ? release.body // the signed bytes, unchanged
      : format === "csv"
        ? authoritiesCsv(release.document)
        : await authoritiesPdf(release.document),
  );
  return {
    body,
    contentType: CONTENT_TYPES[format],
    fileName: `vigil-authorities-${release.version}.${format}`,
    release,
  };
}

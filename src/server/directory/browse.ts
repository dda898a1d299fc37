import { and, asc, eq, sql } from "drizzle-orm";
import { isOpenAt } from "../../shared/availability";
import type { PartyDetail, PartySummary, SearchHit, SearchQuery } from "../../shared/directory";
import { foldCompact, foldSpaced } from "../../shared/text";
import { appendAudit } from "../audit/log";
import { can, canProposeFor, readsSharedEntriesOnly } from "../auth/policy";
import { auditWho } from "../auth/sign-in";
import type { UserRow } from "../auth/users";
import type { AppContext, RequestMeta } from "../context";
import { queryRows, type Tx } from "../db/database";
import { notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import {
  type ContactPointRow,
  contactPointsOf,
  findPartyByIso2,
  isStale,
  legalProfileOf,
  partyFieldsOf,
  presentContactPoint,
} from "./entries";
import { contactPoints, parties } from "./tables";

/** Reading the directory: lists, a Party's page and search. Each read is audited (never public). */

const subjectOf = (user: UserRow) => ({ id: user.id, role: user.role, partyId: user.partyId });

export async function listParties(ctx: AppContext, user: UserRow, meta: RequestMeta): Promise<PartySummary[]> {
  const sharedOnly = readsSharedEntriesOnly(subjectOf(user));
  const now = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const visible = sharedOnly ? eq(contactPoints.sharedWithObservers, true) : undefined;
    const rows = await tx
      .select({
        id: parties.id,
        iso2: parties.iso2,
        nameEn: parties.nameEn,
        nameFr: parties.nameFr,
        status: parties.status,
        contactPointCount: sql<number>`count(${contactPoints.id})::int`,
        primaryType: sql<
          PartySummary["primaryType"]
        >`max(${contactPoints.type}::text) filter (where ${contactPoints.isPrimary})`,
        oldestConfirmation: sql<string | null>`min(coalesce(${contactPoints.lastConfirmedAt}, 'epoch'::timestamptz))`,
      })
      .from(parties)
      .leftJoin(contactPoints, and(eq(contactPoints.partyId, parties.id), visible))
      .groupBy(parties.id)
      .having(sharedOnly ? sql`count(${contactPoints.id}) > 0` : undefined)
      .orderBy(asc(parties.nameEn));
    await appendAudit(tx, now, auditWho(user, meta), {
      action: "directory.parties.read",
      targetType: "directory",
      details: { count: rows.length },
    });
    return rows.map(({ oldestConfirmation, ...r }) => ({
      ...r,
      stale: r.contactPointCount > 0 && isStale(oldestConfirmation ? new Date(oldestConfirmation) : null, now),
    }));
  }, actorOf(user));
}

export async function partyDetail(
  ctx: AppContext,
  user: UserRow,
  iso2: string,
  meta: RequestMeta,
): Promise<PartyDetail> {
  const subject = subjectOf(user);
  const sharedOnly = readsSharedEntriesOnly(subject);
  const now = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const party = await findPartyByIso2(tx, iso2);
    const cps = party ? await contactPointsOf(tx, party.id, sharedOnly) : [];
    // An observer asking for a Party with nothing shared learns nothing, not even that it exists.
    if (!party || (sharedOnly && cps.length === 0)) throw notFound(`No Party with code ${iso2.toUpperCase()}.`);
    const { revision: _r, ...legalProfile } = await legalProfileOf(tx, party.id);
    await appendAudit(tx, now, auditWho(user, meta), {
      action: "directory.party.read",
      targetType: "party",
      targetId: party.id,
      details: { iso2: party.iso2 },
    });
    const manage = can(subject, "directory.manage");
    return {
      id: party.id,
      ...partyFieldsOf(party),
      legalProfile: sharedOnly ? { ...legalProfile, notes: null } : legalProfile,
      contactPoints: cps.map((cp) => presentContactPoint(cp, now)),
      actions: {
        propose: canProposeFor(subject, party.id),
        edit: manage,
        confirm: manage || canProposeFor(subject, party.id),
      },
    };
  }, actorOf(user));
}

/** Below this word similarity a result is noise ("Romnia" → "romania" scores about 0.5). */
const WORD_SIMILARITY = 0.45;

type HitRow = ContactPointRow & { score: number; party_iso2: string; party_name_en: string; party_name_fr: string };

/**
 * Full-text and typo-tolerant search over every field of every contact point (and its Party's
 * names in both languages and other spellings). A query matches when its folded form is a
 * substring of the entry (so "cote divoire" finds "Côte d'Ivoire"), when all its words are in the
 * entry (full text, any order, prefixes), or when it is close to a word of the entry (trigrams,
 * for typos). Filters narrow the result; "available now" is computed from each entry's own clock.
 */
export async function searchEntries(tx: Tx, query: SearchQuery, at: Date, sharedOnly: boolean): Promise<SearchHit[]> {
  const spaced = foldSpaced(query.q ?? "");
  const compact = foldCompact(query.q ?? "");
  const conditions = [sql`true`];
  if (query.type) conditions.push(sql`cp.type = ${query.type}`);
  if (query.language) conditions.push(sql`${query.language} = any(cp.languages)`);
  if (query.function) conditions.push(sql`${query.function} = any(cp.functions)`);
  if (sharedOnly) conditions.push(sql`cp.shared_with_observers`);
  let score = sql`1.0`;
  if (compact) {
    const words = spaced.split(" ").filter(Boolean);
    const tsquery = words.map((w) => `${w.replace(/[^\p{L}\p{N}]/gu, "")}:*`).join(" & ");
    // Set for this transaction only: the `<%` operator (which the trigram index serves) uses it.
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY)}, true)`);
    conditions.push(
      sql`(cp.search_compact like ${`%${compact}%`}
           or cp.search_vector @@ to_tsquery('simple', ${tsquery})
           or ${spaced} <% cp.search_text)`,
    );
    // Exact substrings first, then whole-word matches, then near misses.
    score = sql`(case when cp.search_compact like ${`%${compact}%`} then 1.0 else 0 end
                 + case when cp.search_vector @@ to_tsquery('simple', ${tsquery}) then 0.5 else 0 end
                 + word_similarity(${spaced}, cp.search_text))`;
  }
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select cp.id, ${score} as score, p.iso2 as party_iso2, p.name_en as party_name_en, p.name_fr as party_name_fr
        from contact_points cp join parties p on p.id = cp.party_id
        where ${sql.join(conditions, sql` and `)}
        order by score desc, p.name_en, cp.is_primary desc, cp.id
        limit ${query.availability === "now" ? 5000 : query.limit}`,
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => String(r.id));
  const full = await tx.select().from(contactPoints).where(sql`${contactPoints.id} in ${ids}`);
  const byId = new Map(full.map((r) => [r.id, r]));
  const hits: SearchHit[] = [];
  for (const r of rows) {
    const cp = byId.get(String(r.id));
    if (!cp) continue;
    const hit = { ...cp, score: Number(r.score) } as HitRow;
    const openNow = isOpenAt(cp, at);
    if (query.availability === "now" && !openNow) continue;
    hits.push({
      party: {
        id: cp.partyId,
        iso2: String(r.party_iso2),
        nameEn: String(r.party_name_en),
        nameFr: String(r.party_name_fr),
      },
      contactPoint: presentContactPoint(cp, at),
      score: Math.round(hit.score * 1000) / 1000,
      openNow,
    });
    if (hits.length >= query.limit) break;
  }
  return hits;
}

export async function search(
  ctx: AppContext,
  user: UserRow,
  query: SearchQuery,
  meta: RequestMeta,
): Promise<SearchHit[]> {
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const hits = await searchEntries(tx, query, at, readsSharedEntriesOnly(subjectOf(user)));
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "directory.search",
      targetType: "directory",
      details: { q: query.q ?? null, type: query.type ?? null, hits: hits.length },
    });
    return hits;
  }, actorOf(user));
}

import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { isOpenAt } from "../../shared/availability";
import type { PartyDetail, PartySummary, SearchHit, SearchQuery, SearchResult } from "../../shared/directory";
import { foldCompact, foldSpaced } from "../../shared/text";
import { appendAudit, auditRow, auditRowsStatement } from "../audit/log";
import { can, canProposeFor, readsSharedEntriesOnly } from "../auth/policy";
import type { Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import type { AppContext, RequestMeta } from "../context";
import { atCommit, queryRows, type Tx } from "../db/database";
import { commitGrouped } from "../db/grouped-commits";
import { notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import {
  contactPointEntryColumns,
  contactPointsOf,
  findPartyByIso2,
  isStale,
  legalProfileOf,
  partyFieldsOf,
  presentContactPoint,
} from "./entries";
import {
  directoryGeneration,
  isDirectoryChanged,
  type RankedRow,
  requireDirectoryGeneration,
  type SearchCache,
  searchCacheOf,
} from "./search-cache";
import { contactPoints, parties } from "./tables";

/** Reading the directory: lists, a Party's page and search. Each read is audited (never public). */

export async function listParties(ctx: AppContext, user: Principal, meta: RequestMeta): Promise<PartySummary[]> {
  const sharedOnly = readsSharedEntriesOnly(user);
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
  user: Principal,
  iso2: string,
  meta: RequestMeta,
): Promise<PartyDetail> {
  const sharedOnly = readsSharedEntriesOnly(user);
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
    const manage = can(user, "directory.manage");
    return {
      id: party.id,
      ...partyFieldsOf(party),
      legalProfile: sharedOnly ? { ...legalProfile, notes: null } : legalProfile,
      contactPoints: cps.map((cp) => presentContactPoint(cp, now)),
      actions: {
        propose: canProposeFor(user, party.id),
        edit: manage,
        confirm: manage || canProposeFor(user, party.id),
      },
    };
  }, actorOf(user));
}

/** Below this trigram similarity a dictionary word is not taken for what was typed ("Romnia" ~ "romania" is 0.5). */
const WORD_SIMILARITY = 0.4;
/** Words this short match by prefix only: trigrams of two letters mean little. */
const MIN_FUZZY_LENGTH = 4;

/**
 * For each typed word, the typed word as a prefix plus the dictionary words close to it, as a
 * tsquery: "prosecution romnia" → (prosecution:* | prosecutions) & (romnia:* | romania).
 */
async function typoTolerantQuery(tx: Tx, words: string[]): Promise<string> {
  // The planner underestimates how costly similarity() is per row (much more so on PGlite) and
  // would scan the whole dictionary; the trigram index answers in a few milliseconds. Plain
  // scans are switched off for this lookup only, and back on before the main query.
  await tx.execute(
    sql`select set_config('pg_trgm.similarity_threshold', ${String(WORD_SIMILARITY)}, true),
               set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`,
  );
  const groups: string[] = [];
  for (const word of words) {
    const alternatives = [`${word}:*`];
    if (word.length >= MIN_FUZZY_LENGTH) {
      const near = await queryRows<{ word: string }>(
        tx,
        sql`with near as materialized (select word from directory_search_words where word % ${word})
            select word from near order by similarity(word, ${word}) desc, word limit 8`,
      );
      for (const n of near) if (n.word !== word) alternatives.push(n.word);
    }
    groups.push(`(${alternatives.join(" | ")})`);
  }
  await tx.execute(sql`select set_config('enable_seqscan', 'on', true), set_config('enable_indexscan', 'on', true)`);
  return groups.join(" & ");
}

/**
 * Full-text and typo-tolerant search over every field of every contact point (and its Party's
 * names in both languages and other spellings), on text folded the same way as the query (so
 * "cote divoire" finds "Côte d'Ivoire"). Every word must match: as typed (prefix) or as a close
 * dictionary word (typos). When that finds nothing, the query is tried as a substring across
 * word boundaries ("cotedivoire"). Filters narrow the result; "available now" is computed from
 * each entry's own clock.
 */
export async function searchEntries(
  tx: Tx,
  query: SearchQuery,
  at: Date,
  sharedOnly: boolean,
  cache?: SearchCache,
): Promise<SearchHit[]> {
  const plan = planSearch(query, sharedOnly);
  const read = (ids: string[]) =>
    tx.select(contactPointEntryColumns).from(contactPoints).where(sql`${contactPoints.id} in ${ids}`);
  // The generation first (see search-cache.ts), then the ranking and the entries: kept or read.
  const generation = cache ? await directoryGeneration(tx) : 0;
  const rows = cache ? await cache.get(generation, plan.key, () => rankEntries(tx, plan)) : await rankEntries(tx, plan);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => String(r.id));
  const byId = cache ? await cache.rowsOf(generation, ids, read) : new Map((await read(ids)).map((r) => [r.id, r]));
  return presentHits(rows, byId, query, at);
}

type ContactPointEntry = Parameters<typeof presentContactPoint>[0];

/** A search's words and filters, and the key its ranking is kept under. */
type SearchPlan = { words: string[]; compact: string; filters: SQL[]; limit: number; key: string };

function planSearch(query: SearchQuery, sharedOnly: boolean): SearchPlan {
  // Folded words hold letters and digits only, so they are safe inside a tsquery.
  const words = foldSpaced(query.q ?? "")
    .split(" ")
    .filter(Boolean)
    .slice(0, 8);
  const compact = foldCompact(query.q ?? "");
  const filters = [sql`true`];
  if (query.type) filters.push(sql`cp.type = ${query.type}`);
  if (query.language) filters.push(sql`${query.language} = any(cp.languages)`);
  if (query.function) filters.push(sql`${query.function} = any(cp.functions)`);
  if (sharedOnly) filters.push(sql`cp.shared_with_observers`);
  const limit = query.availability === "now" ? 5000 : query.limit;
  const key = JSON.stringify([words, compact, query.type, query.language, query.function, sharedOnly, limit]);
  return { words, compact, filters, limit, key };
}

/** The entries matching a search, best first: ids, scores and their Parties' names. */
async function rankEntries(tx: Tx, { words, compact, filters, limit }: SearchPlan): Promise<RankedRow[]> {
  const run = (match: SQL, score: SQL) =>
    queryRows<Record<string, unknown>>(
      tx,
      sql`select cp.id, ${score} as score, p.iso2 as party_iso2, p.name_en as party_name_en, p.name_fr as party_name_fr
          from contact_points cp join parties p on p.id = cp.party_id
          where ${match} and ${sql.join(filters, sql` and `)}
          order by score desc, p.name_en, cp.is_primary desc, cp.id
          limit ${limit}`,
    );
  if (words.length === 0) return run(sql`true`, sql`1.0`);
  const exact = words.map((w) => `${w}:*`).join(" & ");
  // Words as typed first; near words (the slower dictionary lookup) only when that finds nothing.
  let rows = await run(
    sql`cp.search_vector @@ to_tsquery('simple', ${exact})`,
    sql`ts_rank(cp.search_vector, to_tsquery('simple', ${exact}))`,
  );
  if (rows.length === 0) {
    const tsquery = await typoTolerantQuery(tx, words);
    rows = await run(
      sql`cp.search_vector @@ to_tsquery('simple', ${tsquery})`,
      sql`ts_rank(cp.search_vector, to_tsquery('simple', ${tsquery}))`,
    );
  }
  if (rows.length === 0 && compact.length >= 3) {
    rows = await run(sql`cp.search_compact like ${`%${compact}%`}`, sql`1.0`);
  }
  return rows;
}

/** A ranking presented at `at`: each entry as it is now (open or not), at most `query.limit`. */
function presentHits(
  rows: RankedRow[],
  byId: Map<string, ContactPointEntry>,
  query: SearchQuery,
  at: Date,
): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const r of rows) {
    const cp = byId.get(String(r.id));
    if (!cp) continue;
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
      score: Math.round(Number(r.score) * 1000) / 1000,
      openNow,
    });
    if (hits.length >= query.limit) break;
  }
  return hits;
}

export async function search(
  ctx: AppContext,
  user: Principal,
  query: SearchQuery,
  meta: RequestMeta,
): Promise<SearchResult> {
  const at = ctx.clock.now();
  const sharedOnly = readsSharedEntriesOnly(user);
  const cache = searchCacheOf(ctx.db);
  const record = (hits: readonly SearchHit[]) =>
    auditRow(at, auditWho(user, meta), {
      action: "directory.search",
      targetType: "directory",
      details: { q: query.q ?? null, type: query.type ?? null, hits: hits.length },
    });
  // Answered from memory when all of it is kept: presented once a minute for all who ask the
  // same, its audit record and the check that the directory is still at the generation kept
  // committed with those of the searches of the same moment (search-cache.ts, db/grouped-commits.ts).
  const plan = planSearch(query, sharedOnly);
  const answerKey = JSON.stringify([plan.key, query.availability ?? null, query.limit]);
  const minute = Math.floor(at.getTime() / 60_000);
  // Presented already this minute: nothing else to look up; else presented from the kept ranking.
  const ready = cache.answered<SearchResult>(answerKey, plan.key, minute);
  const kept = ready ? undefined : cache.kept<ContactPointEntry>(plan.key);
  const fromMemory =
    ready ??
    (kept && {
      generation: kept.generation,
      answer: cache.presented(answerKey, kept.generation, minute, () =>
        resultOf(presentHits(kept.rows, kept.byId, query, at)),
      ),
    });
  if (fromMemory) {
    const { generation, answer } = fromMemory;
    try {
      await commitGrouped(
        ctx.db,
        { checks: [requireDirectoryGeneration(generation)], records: [record(answer.hits)] },
        actorOf(user),
      );
      cache.counts.answered++;
      return answer;
    } catch (err) {
      if (!isDirectoryChanged(err)) throw err;
      cache.counts.stale++;
    }
  }
  return ctx.db.tx(async (tx) => {
    const hits = await searchEntries(tx, query, at, sharedOnly, cache);
    await atCommit(tx, auditRowsStatement([record(hits)]));
    return resultOf(hits);
  }, actorOf(user));
}

const resultOf = (hits: SearchHit[]): SearchResult => ({ hits, total: hits.length });

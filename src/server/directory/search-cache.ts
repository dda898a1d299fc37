import { type SQL, sql } from "drizzle-orm";
import { hasSqlState, queryRows, type Tx } from "../db/database";
import { perDatabase } from "../db/per-database";
import { unchangingAnswer } from "../http/unchanging-answers";

/**
 * The ranked rows of directory searches, kept in this instance's memory for one generation of the
 * directory (directory_generation, moved by triggers on every change to contact points, Parties and
 * the search dictionary). Ranking thousands of entries is most of a search's cost and the directory
 * changes a few times a day, while officers and national systems search all the time.
 *
 * Kept: the rankings (ids, scores, Party names) and the entries' rows as read by id, so a repeated
 * search reads nothing of the directory. Each search still presents its entries at its own time
 * (open now, freshness) and is audited. The generation is read before the search, in the same
 * transaction: rows of a directory changed meanwhile are then filed under a generation that no
 * one reads any more, never the reverse. Cached rows are shared between searches: presenters
 * copy what they change, and nothing writes to them.
 *
 * A search whose whole answer is kept (`kept`) reads nothing before it is answered: its
 * transaction only checks, with its audit record and its COMMIT in one round trip, that the
 * directory is still at the generation kept (requireDirectoryGeneration). If another instance has
 * changed the directory since, that check fails, nothing is recorded, and the search runs again
 * the full way, which reads the new generation and empties the cache.
 */
export type RankedRow = Record<string, unknown>;

export class SearchCache {
  private generation: number | null = null;
  /** Map order is recency order (a hit moves to the end, eviction takes from the front). */
  private readonly entries = new Map<string, RankedRow[]>();
  /** Contact points' rows by id, in the order they were read (eviction takes the oldest). */
  private readonly rows = new Map<string, unknown>();

  constructor(
    readonly maxEntries = 500,
    /** Longer results ("available now" ranks up to 5,000 entries) are not kept. */
    readonly maxRows = 500,
    /** Rows of contact points kept: the whole directory of a 200-Party network (10,000). */
    readonly maxEntryRows = 10_000,
  ) {}

  /** Answers presented from kept entries, by key, for one minute each (see `presented`). */
  private readonly answers = new Map<string, { generation: number; minute: number; answer: object }>();

  /** Another generation empties the cache (a newer one, or an older one after a restore). */
  private enter(generation: number): void {
    if (generation !== this.generation) {
      this.entries.clear();
      this.rows.clear();
      this.answers.clear();
      this.generation = generation;
    }
  }

  /** Searches answered from `kept`, and those of them refused because the directory had changed. */
  readonly counts = { answered: 0, stale: 0 };

  /**
   * The whole answer kept for `key`, without reading anything: its ranking, the rows of its
   * entries, and the generation they belong to; none when any part is missing.
   */
  kept<T>(key: string): { generation: number; rows: RankedRow[]; byId: Map<string, T> } | undefined {
    const rows = this.entries.get(key);
    if (!rows || this.generation === null) return undefined;
    const byId = new Map<string, T>();
    for (const r of rows) {
      const id = String(r.id);
      const row = this.rows.get(id) as T | undefined;
      if (!row) return undefined;
      byId.set(id, row);
    }
    this.entries.delete(key);
    this.entries.set(key, rows);
    return { generation: this.generation, rows, byId };
  }

  /**
   * The answer already presented under `key` during `minute` from the generation now kept, with
   * that generation: a repeated search then looks up nothing else (not its ranking's rows). Its
   * ranking (`rankingKey`) counts as used, as `kept` would have made it.
   */
  answered<T extends object>(
    key: string,
    rankingKey: string,
    minute: number,
  ): { generation: number; answer: T } | undefined {
    const kept = this.answers.get(key);
    if (!kept || kept.minute !== minute || kept.generation !== this.generation) return undefined;
    const rows = this.entries.get(rankingKey);
    if (rows) {
      this.entries.delete(rankingKey);
      this.entries.set(rankingKey, rows);
    }
    return { generation: kept.generation, answer: kept.answer as T };
  }

  /**
   * The answer presented under `key` from the entries of `generation` during `minute`, or
   * `present`'s, kept for the rest of that minute: what presenting adds to the kept entries
   * (open now, by opening hours given to the minute; stale, by day) changes by the minute at most.
   * The answer is marked unchanging: frozen, and serialized once.
   */
  presented<T extends object>(key: string, generation: number, minute: number, present: () => T): T {
    const kept = this.answers.get(key);
    if (kept && kept.generation === generation && kept.minute === minute && generation === this.generation) {
      return kept.answer as T;
    }
    const answer = unchangingAnswer(present());
    if (generation === this.generation) {
      this.answers.delete(key);
      this.answers.set(key, { generation, minute, answer });
      if (this.answers.size > this.maxEntries) this.answers.delete(this.answers.keys().next().value as string);
    }
    return answer;
  }

  /** The rows under `key` for `generation`, ranking them with `rank` on a miss. */
  async get(generation: number, key: string, rank: () => Promise<RankedRow[]>): Promise<RankedRow[]> {
    this.enter(generation);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const rows = await rank();
    // Another search may have seen a newer generation while this one ranked: keep nothing then.
    if (rows.length <= this.maxRows && generation === this.generation) {
      this.entries.set(key, rows);
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
    return rows;
  }

  /** The rows of these contact points for `generation`, by id; those not kept are read with `read`. */
  async rowsOf<T extends { id: string }>(
    generation: number,
    ids: readonly string[],
    read: (ids: string[]) => Promise<T[]>,
  ): Promise<Map<string, T>> {
    this.enter(generation);
    const found = new Map<string, T>();
    const missing: string[] = [];
    for (const id of ids) {
      const row = this.rows.get(id) as T | undefined;
      if (row) found.set(id, row);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const read_ = await read(missing);
    // As for rankings: rows read while another search saw a newer generation are not kept.
    const keep = generation === this.generation;
    for (const row of read_) {
      found.set(row.id, row);
      if (keep) this.rows.set(row.id, row);
    }
    while (this.rows.size > this.maxEntryRows) this.rows.delete(this.rows.keys().next().value as string);
    return found;
  }

  get size(): number {
    return this.entries.size;
  }

  get rowCount(): number {
    return this.rows.size;
  }
}

export const searchCacheOf = perDatabase(() => new SearchCache());

export async function directoryGeneration(tx: Tx): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(tx, sql`select n from directory_generation where id = 1`);
  return Number(row?.n ?? 0);
}

/** SQLSTATE raised by vigil_require_directory_generation (migration 0031). */
export const DIRECTORY_CHANGED = "VG409";

/** Fails the transaction (DIRECTORY_CHANGED) unless the directory is still at `generation`. */
export function requireDirectoryGeneration(generation: number): SQL {
  return sql`select vigil_require_directory_generation(${generation}::bigint)`;
}

export function isDirectoryChanged(err: unknown): boolean {
  return hasSqlState(err, DIRECTORY_CHANGED);
}

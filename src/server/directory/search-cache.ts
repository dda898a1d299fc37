import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../db/database";

/**
 * The ranked rows of directory searches, kept in this instance's memory for one generation of the
 * directory (directory_generation, moved by triggers on every change to contact points, Parties and
 * the search dictionary). Ranking thousands of entries is most of a search's cost and the directory
 * changes a few times a day, while officers and national systems search all the time.
 *
 * Only the ranking is kept (ids, scores, Party names): each search still reads its entries by id
 * and presents them at its own time (open now, freshness), and is audited. The generation is read
 * before the search, in the same transaction: results of a directory changed meanwhile are then
 * filed under a generation that no one reads any more, never the reverse.
 */
export type RankedRow = Record<string, unknown>;

export class SearchCache {
  private generation: number | null = null;
  /** Map order is recency order (a hit moves to the end, eviction takes from the front). */
  private readonly entries = new Map<string, RankedRow[]>();

  constructor(
    readonly maxEntries = 500,
    /** Longer results ("available now" ranks up to 5,000 entries) are not kept. */
    readonly maxRows = 500,
  ) {}

  /** The rows under `key` for `generation`, ranking them with `rank` on a miss. */
  async get(generation: number, key: string, rank: () => Promise<RankedRow[]>): Promise<RankedRow[]> {
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
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

  get size(): number {
    return this.entries.size;
  }
}

/** One cache per open database (tests open many in one process; their generations would collide). */
const caches = new WeakMap<object, SearchCache>();

export function searchCacheOf(db: object): SearchCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new SearchCache();
    caches.set(db, cache);
  }
  return cache;
}

export async function directoryGeneration(tx: Tx): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(tx, sql`select n from directory_generation where id = 1`);
  return Number(row?.n ?? 0);
}

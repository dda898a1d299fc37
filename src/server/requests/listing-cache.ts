import { type SQL, sql } from "drizzle-orm";
import { hasSqlState } from "../db/database";
import { perDatabase } from "../db/per-database";
import { type Params, shaped } from "../db/statement-shapes";
import { unchangingAnswer } from "../http/unchanging-answers";

/**
 * Listings of a box (inbox, sent, drafts) kept in this instance's memory while nothing they show
 * has changed: national systems poll their inbox, and officers on duty keep it open, while a box
 * changes a few times an hour. Building a page of 50 requests with its counts costs the server
 * about a millisecond of CPU (the rows decoded, presented and serialized); giving the kept one
 * again costs a check of two counters, committed with those of the same moment.
 *
 * What a listing shows depends on:
 * - the rows of the Party's requests and their assignments: every change to them moves the
 *   version of the box at its commit, in the writer's transaction (request_box_versions, moved by
 *   triggers, migration 0035), whichever instance made it;
 * - the Parties' names and codes: they move the directory's generation (migration 0026);
 * - the viewer (who may see which sensitive request, by row-level security and `hidden`): the key
 *   holds the actor as the database sees it, and the query;
 * - the time: a request becomes overdue when its deadline passes, so a listing is kept only until
 *   the next deadline of the Party's requests (`validUntil`), and never longer than a minute.
 *
 * The version is read before the listing, in its transaction: a change committed meanwhile leaves
 * the listing filed under an older version, which the next call finds moved, never the reverse.
 * A listing given again reads nothing before it is answered: like a search answered from memory,
 * it commits a check that the version is still the one kept (requireBoxVersion), grouped with the
 * other callers of the moment (db/grouped-commits.ts, which also checks each API token is still
 * valid); if the box has moved, the check fails and the listing is read again. A kept listing is
 * marked unchanging: frozen, and serialized once. The counters only grow, except through a
 * restore, which is made with the instances stopped (docs/operations.md, Backups).
 */
export type KeptListing<T> = { version: string; answer: T };

export class ListingCache {
  /** Map order is recency order (a hit moves to the end, eviction takes from the front). */
  private readonly entries = new Map<string, { version: string; validUntil: number; answer: object }>();

  constructor(
    /** About 100 KB each (a page of 50 and its bytes): 20 MB at most. */
    readonly maxEntries = 200,
    readonly maxAgeMs = 60_000,
  ) {}

  /** Listings given from memory, and kept ones found changed (read again). */
  readonly counts = { answered: 0, stale: 0 };

  /** The listing kept under `key`, if it is still valid at `now` (the version is for the caller to check). */
  kept<T extends object>(key: string, now: Date): KeptListing<T> | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (now.getTime() >= e.validUntil) return undefined;
    this.entries.set(key, e);
    return { version: e.version, answer: e.answer as T };
  }

  /** Keeps `answer`, read at `version`, until `validUntil` (or a minute from `now`); answers it frozen. */
  keep<T extends object>(key: string, version: string, now: Date, validUntil: Date | null, answer: T): T {
    const until = Math.min(now.getTime() + this.maxAgeMs, validUntil?.getTime() ?? Number.POSITIVE_INFINITY);
    const frozen = unchangingAnswer(answer);
    this.entries.delete(key);
    if (until > now.getTime()) {
      this.entries.set(key, { version, validUntil: until, answer: frozen });
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
    return frozen;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

export const listingCacheOf = perDatabase(() => new ListingCache());

/**
 * The version of a Party's boxes as the listing's transaction sees it (migration 0036: its two
 * counters, which only grow, and the directory's generation, which the Parties' names move).
 */
export const boxVersion = shaped(
  (_tx, p: Params<{ partyId: string }>) =>
    sql<{ version: string }[]>`select vigil_request_box_version(${p.partyId}::uuid) as version`,
);

/** SQLSTATE raised by vigil_require_request_box_version (migration 0036). */
export const BOX_CHANGED = "VG412";

/**
 * Fails the transaction (BOX_CHANGED) unless the Party's boxes are still at `version`: the check
 * of a listing given again from memory, committed grouped with others (db/grouped-commits.ts).
 */
export function requireBoxVersion(partyId: string, version: string): SQL {
  return sql`select vigil_require_request_box_version(${partyId}::uuid, ${version})`;
}

export function isBoxChanged(err: unknown): boolean {
  return hasSqlState(err, BOX_CHANGED);
}

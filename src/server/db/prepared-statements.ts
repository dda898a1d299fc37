import { createHash } from "node:crypto";
import type pg from "pg";

/**
 * Named prepared statements for the statements a connection runs again and again.
 *
 * Drizzle sends every query as an unnamed statement, which PostgreSQL parses, rewrites (row
 * policies included) and plans on each execution: for Vigil's small indexed reads that is about
 * 0.1 ms of planning for 0.02 ms of execution (`npm run bench:profile` with PROFILE_EXPLAIN=1), and
 * a request's detail runs a dozen of them. Named after a hash of their text, the second execution
 * on a connection skips the parse, and PostgreSQL keeps the plan when a generic one is as good.
 *
 * Bounded: a connection names at most `max` texts (statements with lists of varying length would
 * otherwise grow its memory without end); beyond that it sends unnamed statements, as before.
 * A statement PostgreSQL refuses to run again because a migration changed its result's shape
 * ("cached plan must not change result type", another instance migrating while this one serves)
 * fails once, and is sent unnamed on that connection from then on.
 * Only parameterised statements are named: a text without parameters may hold several statements,
 * which the extended protocol that a name requires cannot run.
 */
export const MAX_NAMED_PER_CONNECTION = 200;

type QueryConfig = { text?: unknown; name?: unknown; submit?: unknown };

export type PreparedStatements = {
  /** Texts named on this connection, with their names (hashed once per text, not per query). */
  readonly named: ReadonlyMap<string, string>;
  /** Texts sent unnamed from now on: their prepared form failed after a schema change. */
  readonly refused: ReadonlySet<string>;
};

const STALE_PLAN = "0A000";

export function statementName(text: string): string {
  return `v_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
}

/** Makes `client` name its repeated parameterised statements; returns what it has named. */
export function namePreparedStatements(
  client: pg.ClientBase,
  max: number = MAX_NAMED_PER_CONNECTION,
): PreparedStatements {
  const named = new Map<string, string>();
  const refused = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const patched = (config: unknown, values?: unknown, callback?: unknown): unknown => {
    const c = config as QueryConfig | null;
    const text = c && typeof c === "object" && typeof c.text === "string" ? c.text : undefined;
    if (
      text === undefined ||
      c?.name !== undefined ||
      c?.submit !== undefined ||
      !Array.isArray(values) ||
      values.length === 0 ||
      refused.has(text) ||
      (!named.has(text) && named.size >= max)
    ) {
      return query(config, values, callback);
    }
    let name = named.get(text);
    if (name === undefined) {
      name = statementName(text);
      named.set(text, name);
    }
    const stale = (err: unknown): void => {
      const e = err as { code?: string; message?: string } | null;
      if (e?.code === STALE_PLAN && /cached plan must not change result type/.test(e.message ?? "")) {
        refused.add(text);
        named.delete(text);
      }
    };
    const namedConfig = { ...c, name };
    // pg-pool passes a callback; Drizzle on a checked-out client awaits the promise.
    if (typeof callback === "function") {
      return query(namedConfig, values, (err: unknown, res: unknown) => {
        if (err) stale(err);
        (callback as (e: unknown, r: unknown) => void)(err, res);
      });
    }
    const result = query(namedConfig, values);
    return result instanceof Promise
      ? result.catch((err: unknown) => {
          stale(err);
          throw err;
        })
      : result;
  };
  (client as unknown as { query: typeof patched }).query = patched;
  return { named, refused };
}

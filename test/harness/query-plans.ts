import { type SQL, sql } from "drizzle-orm";
import { type Actor, type Database, queryRows, type Tx } from "../../src/server/db/database";

/** The query plans of the statements a use case sends (the plan tests, `bench:profile` with PROFILE_EXPLAIN). */
export type Recorded = { sql: string; params: unknown[] };

/** A handle on the same database whose transactions record every statement they send. */
export function recording(db: Database, into: Recorded[]): Database {
  return {
    ...db,
    tx: (fn, actor) =>
      db.tx((tx) => {
        // Each transaction has a session of its own: every statement, builder or raw, goes through it.
        const session = (tx as unknown as { session: { prepareQuery: (q: Recorded, ...rest: unknown[]) => unknown } })
          .session;
        const prepare = session.prepareQuery.bind(session);
        session.prepareQuery = (q, ...rest) => {
          into.push({ sql: q.sql, params: q.params });
          return prepare(q, ...rest);
        };
        return fn(tx);
      }, actor),
  };
}

/** "select … where a = $1" with its parameters, as a drizzle SQL object (to prefix EXPLAIN). */
function withParams(q: Recorded): SQL {
  const parts = q.sql.split(/\$(\d+)/);
  const chunks: SQL[] = parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${q.params[Number(part) - 1]}`));
  return sql.join(chunks, sql.raw(""));
}

/**
 * The plan of a recorded statement as `actor` (row-level security adds its conditions). By default
 * with sequential scans priced out, to show whether an index can serve it at all; with `analyze`,
 * as the planner chooses, run, with its timings. With `generic`, the plan a prepared statement
 * keeps (plan_cache_mode = force_generic_plan): planned once without its values, which must hold
 * for every value.
 */
export async function planOf(
  db: Database,
  actor: Actor,
  q: Recorded,
  opts: { analyze?: boolean; sortsPricedOut?: boolean; generic?: boolean } = {},
): Promise<string> {
  return db.tx(async (tx: Tx) => {
    if (!opts.analyze) await tx.execute(sql`set local enable_seqscan = off`);
    // Whether an index can give the order: on a table of a few rows a sort costs nothing, and
    // the planner may pick one (or a join needing one) by chance; priced out, it sorts only if
    // no index serves the order.
    if (opts.sortsPricedOut) await tx.execute(sql`set local enable_sort = off`);
    const explain = opts.analyze ? sql.raw("explain (analyze, buffers) ") : sql.raw("explain ");
    const explained = async (statement: SQL) => {
      const rows = await queryRows<Record<string, string>>(tx, sql`${explain}${statement}`);
      return rows.map((r) => Object.values(r)[0]).join("\n");
    };
    if (!opts.generic) return explained(withParams(q));
    await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
    // A name of its own each time: PREPARE outlives a transaction that fails after it.
    const name = `vigil_generic_plan_${++prepared}`;
    await tx.execute(sql.raw(`prepare ${name} as ${q.sql}`));
    try {
      // EXPLAIN EXECUTE takes no bound parameters: the values as literals, typed by the statement.
      const args = q.params.length > 0 ? `(${q.params.map(literal).join(", ")})` : "";
      return await explained(sql.raw(`execute ${name}${args}`));
    } finally {
      await tx.execute(sql.raw(`deallocate ${name}`)).catch(() => {});
    }
  }, actor);
}
let prepared = 0;

const literal = (v: unknown) =>
  v === null || v === undefined
    ? "null"
    : `'${(v instanceof Date ? v.toISOString() : typeof v === "object" ? JSON.stringify(v) : String(v)).replaceAll("'", "''")}'`;

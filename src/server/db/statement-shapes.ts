import * as drizzleOrm from "drizzle-orm";
import { fillPlaceholders, type Placeholder, type Query, sql } from "drizzle-orm";
import type { PgSession, SelectedFieldsOrdered } from "drizzle-orm/pg-core";
import type { Tx } from "./database";

/**
 * A select whose SQL is built once, not on every call. Drizzle builds a statement's text from its
 * query builder each time it runs: a walk of the whole expression tree with a type check at every
 * node (`is()`), a quarter of the server's CPU in a request detail's profile, which runs a dozen
 * selects. A statement given here is built the first time with placeholders for its values
 * (`p.name`), and each call then only binds the values and runs it on the caller's transaction:
 * the same text, the same row mapping, the same prepared statement on the connection.
 *
 * Only for statements whose shape does not depend on their values (no condition added or left
 * out by a value, no list whose length varies); the build function must not run anything.
 * It uses what Drizzle's select builder does to prepare itself (its fields and joins, the
 * session's prepareQuery): `statement-shapes.db.test.ts` fails if an upgrade changes that.
 */
export function shaped<P extends Record<string, unknown>, R>(
  build: (tx: Tx, p: Params<P>) => { execute(values?: Record<string, unknown>): Promise<R> },
): (tx: Tx, values: P) => Promise<R> {
  let compiled: Compiled | undefined;
  const p = new Proxy({} as Params<P>, {
    get: (_, name) => sql.placeholder(String(name)),
  });
  return (tx, values) => {
    if (!compiled) compiled = compile(build(tx, p) as unknown as SelectInternals);
    const session = (tx as unknown as { session: PgSession }).session;
    // The values bound here, not by execute(): the statement handed on is complete, as a
    // builder's is (the query-plan tests read it from prepareQuery).
    const query = { sql: compiled.query.sql, params: fillPlaceholders(compiled.query.params, values) };
    const prepared = session.prepareQuery(query, compiled.fields, undefined, true, undefined, {
      type: "select",
      tables: compiled.tables,
    }) as unknown as { joinsNotNullableMap?: unknown; execute(): Promise<R> };
    prepared.joinsNotNullableMap = compiled.joinsNotNullableMap;
    return prepared.execute();
  };
}

/** The placeholders of a statement's values, by name: `(tx, p: Params<{ id: string }>) => …`. */
export type Params<P> = { [K in keyof P]: Placeholder<K & string> };

/** What Drizzle's select builder holds and uses to prepare itself (pg-core select.js `_prepare`). */
type SelectInternals = {
  toSQL(): Query;
  config: { fields: Record<string, unknown> };
  joinsNotNullableMap?: unknown;
  usedTables?: Set<string>;
};
type Compiled = { query: Query; fields: SelectedFieldsOrdered; joinsNotNullableMap: unknown; tables: string[] };

// Drizzle's own, exported by its index but not typed as public.
const { orderSelectedFields } = drizzleOrm as unknown as {
  orderSelectedFields(fields: unknown): SelectedFieldsOrdered;
};

function compile(builder: SelectInternals): Compiled {
  if (!builder.config?.fields || typeof builder.toSQL !== "function") {
    throw new Error("shaped(): the build function must return a select query builder");
  }
  return {
    query: builder.toSQL(),
    fields: orderSelectedFields(builder.config.fields),
    joinsNotNullableMap: builder.joinsNotNullableMap,
    tables: [...(builder.usedTables ?? [])],
  };
}

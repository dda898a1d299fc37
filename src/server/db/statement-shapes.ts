import * as drizzleOrm from "drizzle-orm";
import { fillPlaceholders, is, type Placeholder, type Query, SQL, sql } from "drizzle-orm";
import { PgDialect, type PgSession, type SelectedFieldsOrdered } from "drizzle-orm/pg-core";
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
  build: (tx: Tx, p: Params<P>) => Statement<R>,
): (tx: Tx, values: P) => Promise<R> {
  const run = shapedBy((tx: Tx, p: Params<P>, _shape: null) => build(tx, p));
  return (tx, values) => run(tx, null, values);
}

/**
 * The same for a statement with a few shapes (a list whose filters are each present or not): built
 * once per shape, `shape` being what decides it (JSON: booleans, names), never a value. A raw
 * `sql` statement answers its rows as `queryRows` does.
 */
export function shapedBy<S, P extends Record<string, unknown>, R>(
  build: (tx: Tx, p: Params<P>, shape: S) => Statement<R>,
): (tx: Tx, shape: S, values: P) => Promise<R> {
  const compiled = new Map<string, Compiled>();
  return (tx, shape, values) => {
    const key = JSON.stringify(shape);
    let c = compiled.get(key);
    if (!c) {
      c = compile(build(tx, placeholders as Params<P>, shape));
      compiled.set(key, c);
    }
    const session = (tx as unknown as { session: PgSession }).session;
    // The values bound here, not by execute(): the statement handed on is complete, as a
    // builder's is (the query-plan tests read it from prepareQuery).
    const query = { sql: c.query.sql, params: fillPlaceholders(c.query.params, values) };
    if (c.fields === undefined) {
      const prepared = session.prepareQuery(query, undefined, undefined, false);
      return (prepared.execute() as Promise<{ rows: unknown }>).then((r) => r.rows as R);
    }
    const prepared = session.prepareQuery(query, c.fields, undefined, true, c.mapRows, {
      type: "select",
      tables: c.tables,
    }) as unknown as { joinsNotNullableMap?: unknown; execute(): Promise<R> };
    prepared.joinsNotNullableMap = c.joinsNotNullableMap;
    return prepared.execute();
  };
}

/** The placeholders of a statement's values, by name: `(tx, p: Params<{ id: string }>) => …`. */
export type Params<P> = { [K in keyof P]-?: Placeholder<K & string> };

/** A select query builder, or raw SQL (typed with the rows it answers: `sql<Row[]>`). */
type Statement<R> = { execute(values?: Record<string, unknown>): Promise<R> } | SQL<R>;

const placeholders = new Proxy({} as Record<string, Placeholder>, {
  get: (_, name) => sql.placeholder(String(name)),
});

/** What Drizzle's select builder holds and uses to prepare itself (pg-core select.js `_prepare`). */
type SelectInternals = {
  toSQL(): Query;
  config: { fields: Record<string, unknown> };
  joinsNotNullableMap?: unknown;
  usedTables?: Set<string>;
};
type Compiled = {
  query: Query;
  fields: SelectedFieldsOrdered | undefined;
  /** The rows' mapping, built once, when every field is at the top level (else Drizzle's own). */
  mapRows: ((rows: unknown[][]) => unknown) | undefined;
  joinsNotNullableMap: unknown;
  tables: string[];
};

// Drizzle's own, exported by its index but not typed as public.
const { orderSelectedFields } = drizzleOrm as unknown as {
  orderSelectedFields(fields: unknown): SelectedFieldsOrdered;
};
const dialect = new PgDialect();

function compile(statement: unknown): Compiled {
  if (is(statement, SQL)) {
    return {
      query: dialect.sqlToQuery(statement),
      fields: undefined,
      mapRows: undefined,
      joinsNotNullableMap: undefined,
      tables: [],
    };
  }
  const builder = statement as SelectInternals;
  if (!builder.config?.fields || typeof builder.toSQL !== "function") {
    throw new Error("shaped(): the build function must return a select query builder or SQL");
  }
  const fields = orderSelectedFields(builder.config.fields);
  return {
    query: builder.toSQL(),
    fields,
    mapRows: flatRowMapper(fields),
    joinsNotNullableMap: builder.joinsNotNullableMap,
    tables: [...(builder.usedTables ?? [])],
  };
}

type Decoder = { mapFromDriverValue(value: unknown): unknown };

/**
 * Maps rows (arrays, in the fields' order) as Drizzle's mapResultRow does, with each field's
 * decoder found once instead of by type checks at every value of every row (an inbox page of 50
 * rows of 20 columns is a thousand of them). Only for fields all at the top level: a nested one
 * (a joined table selected whole, which Drizzle nulls when all its columns are) keeps Drizzle's.
 */
function flatRowMapper(fields: SelectedFieldsOrdered): ((rows: unknown[][]) => unknown) | undefined {
  if (fields.some((f) => f.path.length !== 1)) return undefined;
  const names = fields.map((f) => f.path[0] as string);
  const decoders = fields.map(({ field }) => decoderOf(field));
  return (rows) =>
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) {
        const value = row[i];
        out[names[i] as string] = value === null ? null : (decoders[i] as Decoder).mapFromDriverValue(value);
      }
      return out;
    });
}

/** The decoder mapResultRow would use for a field (utils.js): the column, or the SQL's decoder. */
function decoderOf(field: unknown): Decoder {
  if (is(field, drizzleOrm.Column)) return field as unknown as Decoder;
  // An SQL's decoder is private in Drizzle's types.
  const decoder = (s: unknown) => (s as { decoder: Decoder }).decoder;
  if (is(field, SQL)) return decoder(field);
  if (is(field, drizzleOrm.Subquery)) return decoder((field as unknown as { _: { sql: SQL } })._.sql);
  return decoder((field as { sql: SQL }).sql);
}

/**
 * For the rest of the transaction, prepared statements run their generic plan, planned once per
 * connection without their values, instead of being planned again with each call's values when
 * PostgreSQL judges that cheaper (it compares estimates, not the planning's own time). Only where
 * the generic plans are checked to read through indexes (`query-plans.db.test.ts`).
 */
export const genericPlans = shaped(
  (_tx, _p: Params<Record<string, never>>) =>
    sql<{ mode: string }[]>`select set_config('plan_cache_mode', 'force_generic_plan', true) as mode`,
);

import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../src/server/db/database";

/**
 * A cheap fingerprint of the application's data: for every table of the public schema, its row
 * count and an MD5 of its rows (as text, sorted), in one query run as the owner (no row-level
 * security in the way). Two equal fingerprints mean no row was added, removed or changed.
 */
export type Fingerprint = Record<string, { rows: number; md5: string }>;

export type FingerprintOptions = {
  /** Tables left out entirely. */
  skipTables?: readonly string[];
  /** Columns left out, as "table.column". */
  skipColumns?: readonly string[];
};

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Builds the query once (the schema does not change during a test) and returns a function that runs it. */
export async function fingerprinter(db: Database, opts: FingerprintOptions = {}): Promise<() => Promise<Fingerprint>> {
  const skipTables = new Set(opts.skipTables ?? []);
  const skipColumns = new Set(opts.skipColumns ?? []);
  const columns = await db.ownerTx((tx) =>
    queryRows<{ table_name: string; column_name: string }>(
      tx,
      sql`select c.table_name, c.column_name
            from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
           where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
           order by c.table_name, c.ordinal_position`,
    ),
  );
  const byTable = new Map<string, string[]>();
  for (const { table_name, column_name } of columns) {
    if (skipTables.has(table_name) || skipColumns.has(`${table_name}.${column_name}`)) continue;
    byTable.set(table_name, [...(byTable.get(table_name) ?? []), column_name]);
  }
  if (byTable.size === 0) throw new Error("fingerprint: no table found in the public schema");
  const parts = [...byTable].map(
    ([table, cols]) =>
      `select '${table}' as t, count(*)::int as n,
              md5(coalesce(string_agg(r, E'\\n' order by r), '')) as h
         from (select row(${cols.map(ident).join(", ")})::text as r from ${ident(table)}) s`,
  );
  const query = sql.raw(parts.join("\nunion all\n"));
  return async () =>
    db.ownerTx(async (tx) => {
      const out: Fingerprint = {};
      for (const row of await queryRows<{ t: string; n: number; h: string }>(tx, query))
        out[row.t] = { rows: row.n, md5: row.h };
      return out;
    });
}

/**
 * The next transaction id the server will assign. A transaction gets an id when it first writes,
 * so while this stays the same, nothing was written anywhere in the database (on a shared server,
 * another database's writes move it too: then compare fingerprints).
 */
export async function nextTransactionId(db: Database): Promise<string> {
  const [row] = await db.ownerTx((tx) =>
    queryRows<{ x: string }>(tx, sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`),
  );
  return row?.x ?? "";
}

/** The tables whose rows differ between two fingerprints, with their row counts. */
export function fingerprintDiff(before: Fingerprint, after: Fingerprint): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  const diff: string[] = [];
  for (const t of [...tables].sort()) {
    const a = before[t];
    const b = after[t];
    if (a?.md5 !== b?.md5 || a?.rows !== b?.rows) diff.push(`${t} (${a?.rows ?? "-"} → ${b?.rows ?? "-"} rows)`);
  }
  return diff;
}

import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../../src/server/db/database";

export type TestDbKind = "pglite" | "postgres";

export function testDbKind(): TestDbKind {
  return process.env.VIGIL_TEST_DB === "postgres" ? "postgres" : "pglite";
}

export function postgresServerUrl(database = "postgres"): string {
  const base = process.env.VIGIL_TEST_PG_URL;
  if (!base) throw new Error("VIGIL_TEST_PG_URL is not set: run the suite with `npm test`.");
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates an empty database on the test PostgreSQL server and returns its URL. */
export async function createPostgresDatabase(): Promise<string> {
  const name = `vigil_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresServerUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return postgresServerUrl(name);
}

let migratedPglite: Promise<Blob> | undefined;

/**
 * A fresh, migrated database of the kind this test project runs on. Embedded databases are
 * cloned from one migrated copy per worker (starting PGlite from scratch takes seconds).
 */
const urls = new WeakMap<Database, string>();

export async function testDatabase(kind: TestDbKind = testDbKind()): Promise<Database> {
  if (kind === "postgres") {
    const url = await createPostgresDatabase();
    const db = await openDatabase({ kind: "postgres", url, poolSize: 4 });
    urls.set(db, url);
    return db;
  }
  migratedPglite ??= (async () => {
    const first = await openDatabase({ kind: "pglite" });
    const blob = await first.dump?.();
    await first.close();
    if (!blob) throw new Error("PGlite dump unavailable");
    return blob;
  })();
  return openDatabase({ kind: "pglite", loadDataDir: await migratedPglite });
}

/**
 * A second handle on the same database, as a second server instance would have: its own pool and
 * its own LISTEN connection on PostgreSQL. An embedded database has one process, so it is shared
 * (closing the second handle leaves the first open).
 */
export async function secondHandle(db: Database): Promise<Database> {
  const url = urls.get(db);
  if (url) return openDatabase({ kind: "postgres", url, poolSize: 4 });
  return { ...db, close: async () => {} };
}

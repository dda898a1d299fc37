import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { type ExtractTablesWithRelations, type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg, NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { type PgDatabase, PgDialect, type PgQueryResultHKT, type PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { projectPath } from "../paths";
import { batchWrites } from "./batched-writes";
import { type FolderLock, lockDataFolder } from "./folder-lock";
import { namePreparedStatements } from "./prepared-statements";

/** The role the application acts as: not the tables' owner, so row-level security applies to it. */
export const APP_ROLE = "vigil_app";

export const MIGRATIONS_FOLDER = projectPath("migrations");

/**
 * Drizzle is given no schema: Vigil writes its queries with the query builder and SQL, never the
 * relational API (`db.query.table.findMany`), whose builders Drizzle would otherwise construct,
 * one per table, on every transaction (49 of them, for each request).
 */
type NoRelations = Record<string, never>;
export type Db = PgDatabase<PgQueryResultHKT, NoRelations>;
export type Tx = PgTransaction<PgQueryResultHKT, NoRelations, ExtractTablesWithRelations<NoRelations>>;

/** Who is acting, set in each transaction (for row-level security policies and triggers). */
export type Actor = {
  userId: string | null;
  partyId: string | null;
  role: string | null;
  /**
   * When an API token acts: its id. The transaction's first statement then fails (TOKEN_REFUSED)
   * unless the token is still unrevoked, so a token kept in an instance's memory is refused as
   * soon as any instance revokes it.
   */
  apiTokenId?: string | null;
};

/** SQLSTATE raised by vigil_require_api_token (migration 0030): the acting token is revoked or gone. */
export const TOKEN_REFUSED = "VG401";

/** Whether `err` (or its cause, as Drizzle wraps the driver's errors) has this SQLSTATE. */
export function hasSqlState(err: unknown, code: string): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return (e?.code ?? e?.cause?.code) === code;
}

export function isTokenRefused(err: unknown): boolean {
  return hasSqlState(err, TOKEN_REFUSED);
}

export const SYSTEM_ACTOR: Actor = { userId: null, partyId: null, role: "system" };

export interface Database {
  readonly kind: "pglite" | "postgres";
  /** Runs `fn` in one transaction, as the application role, with the actor set. */
  tx<T>(fn: (tx: Tx) => Promise<T>, actor?: Actor): Promise<T>;
  /**
   * Runs `fn` outside any transaction, as the owner: only for finding who calls (a session or an
   * API token by its hash, read-only) before anyone is known, in one round trip instead of a
   * transaction's four. Anything that writes goes through `tx`.
   */
  lookup<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /** Runs `fn` as the owner (migrations, maintenance tools). Not for request handling. */
  ownerTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Subscribes to a PostgreSQL NOTIFY channel (dedicated connection on a server; in-process on
   * PGlite). Notifications sent in a transaction arrive only once it commits.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Where the job queue (pg-boss, src/server/jobs) keeps its tables: the embedded database's
   * single connection, or the server it connects to with a pool of its own.
   */
  readonly jobStore: JobStore;
  /** A copy of an embedded database's files (tests clone a migrated database from it). */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

export type JobStore = { kind: "pglite"; client: PGlite } | { kind: "postgres"; url: string };

type PostgresOptions = { url: string; migrationUrl?: string; poolSize?: number; preparedStatements?: boolean };

export type OpenOptions =
  | { kind: "pglite"; dataDir?: string; lock?: boolean; loadDataDir?: Blob }
  | ({ kind: "postgres" } & PostgresOptions);

async function enterAppRole(tx: Tx, actor: Actor): Promise<void> {
  await tx.execute(actorSettings(actor));
}

/**
 * The statement that sets who acts: the application role and the actor's settings, and for an API
 * token the check that it is still unrevoked. set_config(..., true) is SET LOCAL: it ends with the
 * transaction, so a pooled connection never carries one request's identity into the next; run
 * again in the same transaction, it replaces the previous actor (grouped commits, one per member).
 */
export function actorSettings(actor: Actor): SQL {
  return sql`select set_config('role', ${APP_ROLE}, true),
               set_config('vigil.user_id', ${actor.userId ?? ""}, true),
               set_config('vigil.party_id', ${actor.partyId ?? ""}, true),
               set_config('vigil.role', ${actor.role ?? ""}, true)${
                 actor.apiTokenId ? sql`, ${requireApiToken(actor.apiTokenId)}` : sql``
               }`;
}

/** The check that an API token is still unrevoked (SQLSTATE VG401 if not), as an expression. */
export const requireApiToken = (apiTokenId: string): SQL => sql`vigil_require_api_token(${apiTokenId}::uuid)`;

/** Roles are server-wide objects, so they are created here rather than in a migration. */
export const ENSURE_ROLE_SQL = `
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    CREATE ROLE ${APP_ROLE} NOLOGIN;
  END IF;
  IF current_user <> '${APP_ROLE}' AND NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
    EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
  END IF;
END
$$;`;

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.kind === "pglite" ? openPglite(opts) : openPostgres(opts);
}

/**
 * The embedded PostgreSQL's start options: PGlite's own, with 16 MB of shared buffers instead of
 * 128 MB. The buffers live in the WebAssembly memory, which the process keeps once touched: 32 MB
 * took its resident memory once serving from about 420 MB to about 320 MB (`npm run bench:start`),
 * 16 MB from 290 MB to 274 MB, with the same throughput at 100,000 requests (4 December 2026).
 * Pages not in the buffers are still read from the files, through the system's page cache.
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

async function openPglite(opts: { dataDir?: string; lock?: boolean; loadDataDir?: Blob }): Promise<Database> {
  let lock: FolderLock | undefined;
  if (opts.dataDir && opts.lock !== false) lock = lockDataFolder(opts.dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(opts.dataDir ? path.join(opts.dataDir, "pglite") : undefined, {
      extensions: { pg_trgm },
      startParams: PGLITE_START_PARAMS,
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    });
    await client.exec(ENSURE_ROLE_SQL);
    const db = drizzlePglite({ client });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      kind: "pglite",
      jobStore: { kind: "pglite", client },
      ...transactions(db as unknown as Db),
      listen: async (channel, onPayload) => {
        const unsubscribe = await client.listen(channel, onPayload);
        return async () => {
          await unsubscribe();
        };
      },
      dump: () => client.dumpDataDir("none") as Promise<Blob>,
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

async function openPostgres(opts: PostgresOptions): Promise<Database> {
  // Migrations run on their own connection, as the owner, under an advisory lock so that
  // several instances starting together apply them once.
  const owner = new pg.Client({ connectionString: opts.migrationUrl ?? opts.url });
  await owner.connect();
  try {
    await owner.query("SELECT pg_advisory_lock(hashtext('vigil.migrations'))");
    await owner.query(ENSURE_ROLE_SQL);
    await migratePg(drizzlePg({ client: owner }), { migrationsFolder: MIGRATIONS_FOLDER });
    await owner.query("SELECT pg_advisory_unlock(hashtext('vigil.migrations'))");
  } finally {
    await owner.end();
  }
  // Pipelined: queries issued together (a request's detail reads its parts at once) are sent
  // without waiting for each answer. Cursors and streams, which pipelining refuses, are not used.
  const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, pipeline: true });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  // Nor one dropped while a request holds it between two queries (the pool listens only to idle
  // ones): the next query fails, the request answers 503, and the broken client leaves the pool.
  pool.on("connect", (client) => {
    client.on("error", () => {});
    if (opts.preparedStatements !== false) namePreparedStatements(client);
    batchWrites(client);
  });
  const db = drizzlePg({ client: pool }) as unknown as Db;
  const listeners = new Set<pg.Client>();
  return {
    kind: "postgres",
    jobStore: { kind: "postgres", url: opts.url },
    ...transactions(db),
    tx: postgresTransactions(pool),
    listen: (channel, onPayload) => listenPostgres(opts.url, channel, onPayload, listeners),
    close: async () => {
      await Promise.all([...listeners].map((c) => c.end().catch(() => {})));
      await pool.end();
    },
  };
}

/**
 * LISTEN needs a connection of its own, outside the pool. If it drops, it reconnects (notifications
 * sent meanwhile are lost; the client re-reads its state on reconnect, so nothing is missed for good).
 */
async function listenPostgres(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  registry: Set<pg.Client>,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on("notification", (n) => {
      if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
    });
    c.on("error", () => {
      registry.delete(c);
      c.end().catch(() => {});
      // Only an established connection reconnects here; a failed attempt retries from its catch.
      if (client === c && !stopped) {
        client = null;
        reconnect();
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      c.end().catch(() => {});
      throw err;
    }
    client = c;
    registry.add(c);
  };
  // While the server is down every attempt fails: keep trying (every second) until it is back.
  const reconnect = () => {
    setTimeout(() => {
      if (!stopped) void connect().catch(() => reconnect());
    }, 1000).unref();
  };
  await connect();
  return async () => {
    stopped = true;
    if (client) {
      registry.delete(client);
      await client.end().catch(() => {});
    }
  };
}

/**
 * Transactions on the PostgreSQL server, as Drizzle's own but with BEGIN and the actor's settings
 * sent as one simple-protocol query, not awaited, ahead of the function's first statements: no round
 * trip of its own. The settings are literals escaped by the driver, never spliced as given.
 */
function postgresTransactions(pool: pg.Pool): Database["tx"] {
  const dialect = new PgDialect();
  return async (fn, actor = SYSTEM_ACTOR) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      const lit = (v: string | null) => client.escapeLiteral(v ?? "");
      // Not awaited: the function's first statements follow it on the wire (pipelined, and in the
      // same write, see batched-writes). If it fails, PostgreSQL refuses everything after it until
      // the rollback (the transaction block is open and aborted), so nothing runs without the role.
      const beginError = client
        .query(
          `begin; select set_config('role', ${lit(APP_ROLE)}, true), set_config('vigil.user_id', ${lit(actor.userId)}, true), ` +
            `set_config('vigil.party_id', ${lit(actor.partyId)}, true), set_config('vigil.role', ${lit(actor.role)}, true)` +
            (actor.apiTokenId ? `, vigil_require_api_token(${lit(actor.apiTokenId)}::uuid)` : ""),
        )
        .then(
          () => undefined,
          (err: unknown) => err,
        );
      const tx = new NodePgTransaction(
        dialect,
        new NodePgSession(client, dialect, undefined),
        undefined,
      ) as unknown as Tx;
      // Pipelined with the COMMIT, compiled here so that the order sent is the order queued.
      // If one fails, PostgreSQL answers the COMMIT with a rollback and together() reports it.
      // Nor do they wait for the BEGIN's answer (a function that reads nothing, such as a search
      // answered from memory, then takes one round trip): if the BEGIN failed, they and the
      // COMMIT find the transaction aborted, nothing commits, and the BEGIN's error is reported.
      const commit = (queue: SQL[]) => {
        const sent = queue.map((q) => {
          const { sql: text, params } = dialect.sqlToQuery(q);
          return client.query({ text, values: params as unknown[] });
        });
        return together([...sent, client.query("commit")]).then(
          () => undefined,
          (err: unknown) => err,
        );
      };
      let endedEarly: Promise<unknown> | undefined;
      const patchable = client as { query: unknown };
      // The connection's own query (prepared-statements.ts names statements through it).
      const query = patchable.query;
      earlyEnds.set(tx, (queue) => {
        endedEarly = commit(queue.splice(0));
        // Nothing may run after the COMMIT on this connection: it would run outside the
        // transaction, without the actor's role. Until the function returns, it is refused.
        patchable.query = () =>
          Promise.reject(new Error("statement issued after the transaction's last statements (endWith)"));
      });
      try {
        const [result, queue] = await withCommitQueue(tx, fn)
          .catch(async (err: unknown) => {
            // The function's statements failed because the BEGIN did: report the cause.
            throw (await beginError) ?? err;
          })
          .finally(() => {
            earlyEnds.delete(tx);
            patchable.query = query;
          });
        if (endedEarly && queue.length > 0)
          throw new Error("atCommit after the transaction's last statements (endWith)");
        const failed = (await beginError) ?? (await (endedEarly ?? commit(queue)));
        if (failed) throw failed;
        return result;
      } catch (err) {
        // A connection that cannot even roll back leaves the pool rather than serve the next request.
        await client.query("rollback").catch((e: Error) => {
          broken = e;
        });
        throw err;
      }
    } finally {
      client.release(broken);
    }
  };
}

/** The same transaction entry points over either driver. */
function transactions(db: Db): Pick<Database, "tx" | "ownerTx" | "lookup"> {
  return {
    tx: (fn, actor = SYSTEM_ACTOR) =>
      db.transaction(async (tx) => {
        await enterAppRole(tx, actor);
        const [result, queue] = await withCommitQueue(tx, fn);
        // One connection, no pipelining: the queued statements run just before the COMMIT.
        for (const q of queue) await tx.execute(q);
        return result;
      }),
    ownerTx: (fn) => db.transaction(fn),
    // On PGlite a statement outside a transaction waits for the open one to end (one connection).
    lookup: (fn) => fn(db),
  };
}

/** Opens the database the configuration names: PostgreSQL with DATABASE_URL, else the embedded one. */
export function openConfiguredDatabase(
  config: { databaseUrl?: string; migrationUrl?: string; dataDir: string; preparedStatements?: boolean },
  poolSize?: number,
): Promise<Database> {
  return openDatabase(
    config.databaseUrl
      ? {
          kind: "postgres",
          url: config.databaseUrl,
          migrationUrl: config.migrationUrl,
          poolSize,
          preparedStatements: config.preparedStatements,
        }
      : { kind: "pglite", dataDir: config.dataDir },
  );
}

/** Statements queued by atCommit, per transaction of `tx()` while its function runs. */
const atCommitQueues = new WeakMap<Tx, SQL[]>();

/** Runs a transaction's function with its atCommit queue open; answers its result and the queue. */
async function withCommitQueue<T>(tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<[T, SQL[]]> {
  const queue: SQL[] = [];
  atCommitQueues.set(tx, queue);
  try {
    return [await fn(tx), queue];
  } finally {
    atCommitQueues.delete(tx);
  }
}

/**
 * Runs `query` at the end of this transaction, after the transaction's function and just before
 * its COMMIT; on PostgreSQL in the same round trip, pipelined with the COMMIT. For a write that
 * must commit with the transaction but whose answer nobody reads, and whose row lock should be
 * held as briefly as possible: the audit chain's head, which every audited transaction moves.
 * If it fails, the transaction rolls back and `tx()` throws its error. Queued statements run in
 * the order queued. In a transaction not started by `tx()` (a savepoint, `ownerTx`), it runs at
 * once.
 */
export async function atCommit(tx: Tx, query: SQL): Promise<void> {
  const queue = atCommitQueues.get(tx);
  if (queue) queue.push(query);
  else await tx.execute(query);
}

/** Per transaction of `tx()` on PostgreSQL: sends its atCommit queue and COMMIT at once. */
const earlyEnds = new WeakMap<Tx, (queue: SQL[]) => void>();

/**
 * A transaction's last statements, sent with its COMMIT (and what atCommit queued) in the same
 * write on PostgreSQL: a read of a few statements takes one round trip, not two, and wakes its
 * backend once. `issue` must start every statement at once, as a statement built once does
 * (`shaped`), not a query builder, which starts only when awaited; a statement started after
 * the COMMIT is sent is refused (it would run outside the transaction), and so is an atCommit.
 * On PGlite, or outside `tx()`, the statements simply run, and the COMMIT follows as usual.
 */
export async function endWith<const T extends readonly unknown[]>(
  tx: Tx,
  issue: () => T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const statements = issue();
  const end = earlyEnds.get(tx);
  const queue = atCommitQueues.get(tx);
  if (end && queue) end(queue);
  return together(statements);
}

/** Rows of a raw SQL query; both drivers answer with `{ rows }`. */
export async function queryRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Statements of one transaction issued together (pipelined on PostgreSQL), their results in order.
 * Unlike Promise.all it waits for every one, and reports the failure that caused the others: once
 * one statement fails, those after it fail only because the transaction is aborted (25P02), and
 * the first to settle may be one of those.
 */
export async function together<const T extends readonly unknown[]>(
  statements: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(statements);
  const failures = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as unknown] : []));
  if (failures.length > 0) throw failures.find((e) => !abortedTransaction(e)) ?? failures[0];
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}

function abortedTransaction(err: unknown): boolean {
  return hasSqlState(err, "25P02");
}

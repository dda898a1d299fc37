import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { z } from "zod";
import { ENSURE_ROLE_SQL, MIGRATIONS_FOLDER } from "./database";
import { lockDataFolder } from "./folder-lock";
import { findPostgresBin } from "./postgres-bin";

/**
 * `vigil backup` / `vigil restore`: one file holding a whole Vigil database, either kind.
 *
 *   VIGIL-BACKUP 1\n
 *   {header as one JSON line}\n
 *   payload: the embedded database's folder (PGlite dumpDataDir, tar.gz), or pg_dump's custom format
 *
 * The header names the kind, the migration level, the payload's size and SHA-256, and every
 * table's row count and content hash, read in the same snapshot as the payload; a restore checks
 * the file before touching anything, and the restored database against those hashes after.
 */

const MAGIC = "VIGIL-BACKUP 1\n";
const MAX_HEADER = 8 * 1024 * 1024;

/** A refusal the operator can act on (bad archive, non-empty target, missing tool): exit 65. */
export class BackupError extends Error {}

const Fingerprint = z.object({ rows: z.number().int().min(0), hash: z.string() });
export type Fingerprints = Record<string, z.infer<typeof Fingerprint>>;

const Header = z.object({
  format: z.literal(1),
  kind: z.enum(["pglite", "postgres"]),
  createdAt: z.string(),
  migrations: z.object({ applied: z.number().int().min(0), last: z.string().nullable() }),
  payload: z.object({
    encoding: z.enum(["pglite-datadir.tar.gz", "pg_dump.custom"]),
    bytes: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  tables: z.record(z.string(), Fingerprint),
  /** Ids of the keys that sealed the archive's messages and attachments (never the keys). */
  keyIds: z.array(z.string()),
});
export type BackupHeader = z.infer<typeof Header>;

export type Query = <T>(text: string) => Promise<T[]>;

// The row text of a timestamp, a float or a bytea depends on session settings: fix them, so that
// the same rows hash the same on the source and on the restored database.
const STABLE_OUTPUT = [
  "set local timezone = 'UTC'",
  "set local datestyle = 'ISO, YMD'",
  "set local intervalstyle = 'postgres'",
  "set local extra_float_digits = 1",
  "set local bytea_output = 'hex'",
];

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Row count and a content hash of every table (order-independent: a hash of the sorted row hashes). */
export async function tableFingerprints(q: Query): Promise<Fingerprints> {
  for (const s of STABLE_OUTPUT) await q(s);
  const tables = await q<{ s: string; t: string }>(
    `select schemaname as s, tablename as t from pg_tables
      where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const out: Fingerprints = {};
  for (const { s, t } of tables) out[`${s}.${t}`] = await fingerprintOf(q, `${ident(s)}.${ident(t)}`);
  return out;
}

/** One table's (or a part of it: `where`, SQL over the row `x`) row count and content hash. */
export async function fingerprintOf(q: Query, table: string, where = "true"): Promise<{ rows: number; hash: string }> {
  for (const s of STABLE_OUTPUT) await q(s);
  const [row] = await q<{ rows: number; hash: string }>(
    `select count(*)::int as rows,
            coalesce(md5(string_agg(md5(x::text), '' order by md5(x::text))), '') as hash
       from ${table} x where ${where}`,
  );
  return row ?? { rows: 0, hash: "" };
}

/** What the code knows: migration tags by their journal time (drizzle records `when` as created_at). */
function journal(): Map<string, string> {
  const j = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  return new Map(j.entries.map((e) => [String(e.when), e.tag]));
}

async function migrationLevel(q: Query): Promise<BackupHeader["migrations"]> {
  const [exists] = await q<{ ok: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
  if (!exists?.ok) throw new BackupError("This database has no Vigil schema (no migrations were ever applied).");
  const [m] = await q<{ n: number; last: string | null }>(
    `select count(*)::int as n, max(created_at)::text as last from drizzle.__drizzle_migrations`,
  );
  const last = m?.last ? (journal().get(m.last) ?? `unknown (${m.last})`) : null;
  return { applied: m?.n ?? 0, last };
}

async function keyIds(q: Query): Promise<string[]> {
  const rows = await q<{ k: string }>(
    `select key_id as k from request_messages where key_id is not null
     union select key_id from request_attachments where key_id is not null order by 1`,
  );
  return rows.map((r) => r.k);
}

const sha256File = async (file: string, start = 0): Promise<string> => {
  const h = createHash("sha256");
  await pipeline(fs.createReadStream(file, { start }), h);
  return h.digest("hex");
};

/** Writes header + payload to `<file>.partial`, then renames it: a backup file is never half-written. */
async function writeArchive(file: string, header: BackupHeader, payloadFile: string): Promise<void> {
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  out.write(MAGIC);
  out.write(`${JSON.stringify(header)}\n`);
  await pipeline(fs.createReadStream(payloadFile), out);
  const fd = fs.openSync(partial, "r");
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(partial, file);
}

/** Reads and checks an archive: format, header, the payload's size and SHA-256. */
export async function readArchive(file: string): Promise<{ header: BackupHeader; payloadOffset: number }> {
  if (!fs.existsSync(file)) throw new BackupError(`No such file: ${file}`);
  const fd = fs.openSync(file, "r");
  let head: Buffer;
  try {
    const buf = Buffer.alloc(Math.min(MAX_HEADER, fs.fstatSync(fd).size));
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    head = buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC)))
    throw new BackupError(`${file} is not a Vigil backup (it does not start with "VIGIL-BACKUP 1").`);
  const end = head.indexOf(0x0a, MAGIC.length);
  if (end < 0) throw new BackupError(`${file}: the backup's header is cut off.`);
  let header: BackupHeader;
  try {
    header = Header.parse(JSON.parse(head.subarray(MAGIC.length, end).toString("utf8")));
  } catch (err) {
    throw new BackupError(`${file}: the backup's header is not valid (${(err as Error).message.slice(0, 200)}).`);
  }
  const payloadOffset = end + 1;
  const size = fs.statSync(file).size - payloadOffset;
  if (size !== header.payload.bytes)
    throw new BackupError(
      `${file} is incomplete or damaged: ${size} bytes of data where the header announces ${header.payload.bytes}.`,
    );
  if ((await sha256File(file, payloadOffset)) !== header.payload.sha256)
    throw new BackupError(`${file} is damaged: its data does not match the SHA-256 in its header.`);
  // A backup made by a newer Vigil holds tables this code does not know: refuse it.
  const known = journal();
  const tags = new Set(known.values());
  if (header.migrations.last && !tags.has(header.migrations.last))
    throw new BackupError(
      `${file} was made by a newer or different version of Vigil (migration ${header.migrations.last}, ` +
        `${header.migrations.applied} applied; this version knows ${known.size}, up to ${[...tags].at(-1)}). Upgrade Vigil first.`,
    );
  if (header.migrations.applied > known.size)
    throw new BackupError(
      `${file} has ${header.migrations.applied} migrations applied; this version knows ${known.size}.`,
    );
  return { header, payloadOffset };
}

export type BackupTarget =
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string; migrationUrl?: string };

const totals = (t: Fingerprints) => ({
  tables: Object.keys(t).length,
  rows: Object.values(t).reduce((n, f) => n + f.rows, 0),
});

export type BackupReport = { header: BackupHeader; tables: number; rows: number; bytes: number };

/** `vigil backup <file>`. */
export async function backupDatabase(target: BackupTarget, file: string, at: Date): Promise<BackupReport> {
  const payloadFile = `${file}.payload`;
  try {
    const header =
      target.kind === "pglite"
        ? await backupPglite(target, payloadFile, at)
        : await backupPostgres(target, payloadFile, at);
    await writeArchive(file, header, payloadFile);
    return { header, ...totals(header.tables), bytes: fs.statSync(file).size };
  } finally {
    fs.rmSync(payloadFile, { force: true });
  }
}

const pgliteFolder = (dataDir: string) => path.join(dataDir, "pglite");
const hasPglite = (dataDir: string) => fs.existsSync(path.join(pgliteFolder(dataDir), "PG_VERSION"));

async function backupPglite(target: { dataDir: string }, payloadFile: string, at: Date): Promise<BackupHeader> {
  if (!hasPglite(target.dataDir)) throw new BackupError(`No embedded database in ${target.dataDir}.`);
  // The folder lock: Vigil (or another command) holding it is named, and nothing writes meanwhile.
  const lock = lockDataFolder(target.dataDir);
  try {
    const client = await PGlite.create(pgliteFolder(target.dataDir), { extensions: { pg_trgm } });
    try {
      const { tables, migrations, keys } = await client.transaction(async (tx) => {
        const tq: Query = async (text) => (await tx.query(text)).rows as never;
        return { tables: await tableFingerprints(tq), migrations: await migrationLevel(tq), keys: await keyIds(tq) };
      });
      const blob = (await client.dumpDataDir("gzip")) as Blob;
      fs.writeFileSync(payloadFile, Buffer.from(await blob.arrayBuffer()), { mode: 0o600 });
      return {
        format: 1,
        kind: "pglite",
        createdAt: at.toISOString(),
        migrations,
        payload: { encoding: "pglite-datadir.tar.gz", bytes: blob.size, sha256: await sha256File(payloadFile) },
        tables,
        keyIds: keys,
      };
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
}

/** pg_dump / pg_restore of the newest Debian PostgreSQL, else from the PATH. */
function pgTool(name: "pg_dump" | "pg_restore" | "psql"): string {
  const bin = findPostgresBin(name);
  return bin ? path.join(bin, name) : name;
}

/** A connection URL without its password, and the password for the environment (not the process list). */
function splitPassword(url: string): { url: string; env: Record<string, string> } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { url: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Resolves when `child` exits 0; else a BackupError with its stderr. */
function outcome(child: ChildProcess, name: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let stderr = "";
    child.stderr?.on("data", (d) => {
      stderr += String(d);
    });
    child.on("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "ENOENT"
          ? new BackupError(`${name} not found: install the Debian package postgresql-client.`)
          : err,
      ),
    );
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new BackupError(`${name} failed (exit ${code}): ${stderr.trim().slice(0, 2000)}`)),
    );
  });
}

/**
 * pg_restore turns the archive into SQL, psql runs it in ONE transaction after `prelude`, stopping
 * at the first error: the database changes completely or not at all.
 */
async function restoreScript(
  file: string,
  offset: number,
  prelude: string,
  conn: { url: string; env: Record<string, string> },
): Promise<void> {
  const env = { ...process.env, ...conn.env };
  const toSql = spawn(pgTool("pg_restore"), ["--no-owner", "--file=-"], { env, stdio: ["pipe", "pipe", "pipe"] });
  const psql = spawn(
    pgTool("psql"),
    ["--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--single-transaction", `--dbname=${conn.url}`],
    { env, stdio: ["pipe", "ignore", "pipe"] },
  );
  const done = Promise.all([outcome(toSql, "pg_restore"), outcome(psql, "psql")]);
  // A process that stops reading (it failed) closes its pipe: its exit code and stderr say why.
  toSql.stdin.on("error", () => {});
  psql.stdin.on("error", () => {});
  psql.stdin.write(prelude);
  toSql.stdout.pipe(psql.stdin);
  fs.createReadStream(file, { start: offset }).pipe(toSql.stdin);
  await done;
}

async function backupPostgres(
  target: { url: string; migrationUrl?: string },
  payloadFile: string,
  at: Date,
): Promise<BackupHeader> {
  // As the owner (it reads every schema). The fingerprints are read in one repeatable-read
  // transaction whose snapshot pg_dump shares: the hashes describe exactly what is in the dump,
  // while Vigil goes on serving.
  const url = target.migrationUrl ?? target.url;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q: Query = async (text) => (await client.query(text)).rows;
    await q("begin isolation level repeatable read read only");
    const [snap] = await q<{ id: string }>("select pg_export_snapshot() as id");
    const tables = await tableFingerprints(q);
    const migrations = await migrationLevel(q);
    const keys = await keyIds(q);
    const conn = splitPassword(url);
    const dump = spawn(
      pgTool("pg_dump"),
      ["--format=custom", `--snapshot=${snap?.id}`, `--file=${payloadFile}`, `--dbname=${conn.url}`],
      { env: { ...process.env, ...conn.env }, stdio: ["ignore", "ignore", "pipe"] },
    );
    await outcome(dump, "pg_dump");
    await q("commit");
    return {
      format: 1,
      kind: "postgres",
      createdAt: at.toISOString(),
      migrations,
      payload: {
        encoding: "pg_dump.custom",
        bytes: fs.statSync(payloadFile).size,
        sha256: await sha256File(payloadFile),
      },
      tables,
      keyIds: keys,
    };
  } finally {
    await client.end();
  }
}

export type RestoreReport = {
  header: BackupHeader;
  tables: number;
  rows: number;
  /** Where the database that was replaced (--force) was kept, for the embedded database. */
  keptAside?: string;
};

/** Tables whose row count or content hash differ between the archive's header and the restored database. */
function differences(want: Fingerprints, got: Fingerprints): string[] {
  const names = new Set([...Object.keys(want), ...Object.keys(got)]);
  const out: string[] = [];
  for (const n of [...names].sort()) {
    const a = want[n];
    const b = got[n];
    if (!a) out.push(`${n}: in the database, not in the backup`);
    else if (!b) out.push(`${n}: in the backup, missing after restore`);
    else if (a.rows !== b.rows) out.push(`${n}: ${a.rows} rows in the backup, ${b.rows} restored`);
    else if (a.hash !== b.hash) out.push(`${n}: same ${a.rows} rows counted, different content`);
  }
  return out;
}

/** `vigil restore <file> [--force]`: checks the file, refuses a non-empty target, restores, verifies. */
export async function restoreDatabase(
  target: BackupTarget,
  file: string,
  opts: { force: boolean; at: Date },
): Promise<RestoreReport> {
  const { header, payloadOffset } = await readArchive(file);
  if (header.kind !== target.kind)
    throw new BackupError(
      `${file} is a backup of ${header.kind === "pglite" ? "an embedded (PGlite)" : "a PostgreSQL"} database; ` +
        `the target is ${target.kind === "pglite" ? "the embedded database (VIGIL_DATA)" : "a PostgreSQL server (DATABASE_URL)"}. ` +
        "Restore it into the same kind.",
    );
  const report =
    target.kind === "pglite"
      ? await restorePglite(target, file, payloadOffset, header, opts)
      : await restorePostgres(target, file, payloadOffset, header, opts);
  return { header, ...totals(header.tables), ...report };
}

async function restorePglite(
  target: { dataDir: string },
  file: string,
  offset: number,
  header: BackupHeader,
  opts: { force: boolean; at: Date },
): Promise<{ keptAside?: string }> {
  const lock = lockDataFolder(target.dataDir);
  try {
    const folder = pgliteFolder(target.dataDir);
    const occupied = fs.existsSync(folder) && fs.readdirSync(folder).length > 0;
    if (occupied && !opts.force)
      throw new BackupError(
        `${target.dataDir} already holds a database. Restore into an empty data folder, or add --force ` +
          "to replace it (the current one is kept aside, renamed).",
      );
    let keptAside: string | undefined;
    if (occupied) {
      keptAside = `${folder}.before-restore-${opts.at.toISOString().replace(/[:.]/g, "-")}`;
      fs.renameSync(folder, keptAside);
    }
    try {
      const payload = fs.readFileSync(file).subarray(offset);
      const client = await PGlite.create(folder, {
        extensions: { pg_trgm },
        loadDataDir: new Blob([payload], { type: "application/x-gzip" }),
      });
      let got: Fingerprints;
      try {
        got = await client.transaction((tx) => tableFingerprints(async (text) => (await tx.query(text)).rows as never));
      } finally {
        await client.close();
      }
      const diff = differences(header.tables, got);
      if (diff.length) throw new BackupError(`The restored database differs from the backup:\n  ${diff.join("\n  ")}`);
    } catch (err) {
      // Put things back as they were: no half-restored folder, the replaced one in its place.
      fs.rmSync(folder, { recursive: true, force: true });
      if (keptAside) fs.renameSync(keptAside, folder);
      throw err;
    }
    return keptAside ? { keptAside } : {};
  } finally {
    lock.release();
  }
}

async function restorePostgres(
  target: { url: string; migrationUrl?: string },
  file: string,
  offset: number,
  header: BackupHeader,
  opts: { force: boolean },
): Promise<Record<string, never>> {
  const url = target.migrationUrl ?? target.url;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [t] = (
      await client.query<{ n: number }>(
        `select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
      )
    ).rows;
    if ((t?.n ?? 0) > 0 && !opts.force)
      throw new BackupError(
        `The database of DATABASE_URL is not empty (${t?.n} tables). Restore into an empty database ` +
          "(CREATE DATABASE …), or add --force to replace what it holds.",
      );
    // The grants in the dump name vigil_app, a server-wide role: it must exist first.
    await client.query(ENSURE_ROLE_SQL);
    const [v] = (await client.query<{ n: number }>("select current_setting('server_version_num')::int as n")).rows;
    // --force empties the database in the same transaction as the restore (pg_restore --clean
    // cannot drop pg-boss's partitioned tables): a restore that fails leaves it as it was.
    const prelude = opts.force
      ? `do $$ declare s text; begin
           for s in select nspname from pg_namespace
             where nspname not in ('public', 'information_schema') and nspname not like 'pg\\_%'
           loop execute format('drop schema %I cascade', s); end loop;
         end $$;
         drop schema public cascade;
         create schema public authorization ${(v?.n ?? 0) >= 140000 ? "pg_database_owner" : "current_user"};
         grant usage on schema public to public;\n`
      : "";
    const conn = splitPassword(url);
    await restoreScript(file, offset, prelude, conn);
    await client.query("begin isolation level repeatable read read only");
    const got = await tableFingerprints(async (text) => (await client.query(text)).rows);
    await client.query("commit");
    const diff = differences(header.tables, got);
    if (diff.length) throw new BackupError(`The restored database differs from the backup:\n  ${diff.join("\n  ")}`);
    return {};
  } finally {
    await client.end();
  }
}

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Fingerprints,
  fingerprintOf,
  type Query,
  readArchive,
  tableFingerprints,
} from "../../src/server/db/backup";
import { verifyDetached } from "../../src/server/directory/formats/jws";
import { newKeySpec } from "../../src/server/vault/keyring";
import { type ApiClient, demoSecret, legalQuestion, signInDemo } from "../harness/api-client";
import { createPostgresDatabase, testDbKind } from "../harness/db";
import { type RunningServer, startServer } from "../harness/server";

/**
 * `npm run vigil -- backup` of a database the real server filled (the demo network, requests with
 * encrypted messages, a signed directory release), then `restore` into an EMPTY target: a fresh
 * data folder, or a fresh database on the test PostgreSQL server. Every table has the same rows
 * (count and content hash), the release's signature still verifies, users sign in and read their
 * requests. Damaged or foreign files and a non-empty target are refused, leaving the target as it was.
 */
const kind = testDbKind();
const root = path.resolve(import.meta.dirname, "../..");
const base = (s: RunningServer) => s.url.replace("localhost", "127.0.0.1");
const KEYS = newKeySpec("backup");
// The restore's retention purge records its run: the only rows a restore adds.
const PURGE_ACTIONS = "x.action not in ('retention.purged', 'incidents.purged')";

type Db = { dataDir: string; url?: string };

function vigil(db: Db, ...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: root,
    env: {
      ...process.env,
      LOG_LEVEL: "warn",
      VIGIL_DATA: db.dataDir,
      VIGIL_ENCRYPTION_KEYS: KEYS,
      ...(db.url ? { DATABASE_URL: db.url } : {}),
    },
    encoding: "utf8",
    timeout: 180_000,
  });
}

/** Runs `fn` with a query function on the database, read in one transaction. */
async function onDb<T>(db: Db, fn: (q: Query) => Promise<T>): Promise<T> {
  if (db.url) {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      await c.query("begin isolation level repeatable read");
      const out = await fn(async (text) => (await c.query(text)).rows);
      await c.query("commit");
      return out;
    } finally {
      await c.end();
    }
  }
  const client = await PGlite.create(path.join(db.dataDir, "pglite"), { extensions: { pg_trgm } });
  try {
    return await client.transaction((tx) => fn(async (text) => (await tx.query(text)).rows as never));
  } finally {
    await client.close();
  }
}

/** Every table's fingerprint, the audit trail's without the restore's purge entries, and their count. */
async function snapshot(
  db: Db,
): Promise<{ tables: Fingerprints; audit: { rows: number; hash: string }; purgeRuns: number }> {
  return onDb(db, async (q) => {
    const tables = await tableFingerprints(q);
    const audit = await fingerprintOf(q, "public.audit_log", PURGE_ACTIONS);
    const all = tables["public.audit_log"]?.rows ?? 0;
    return { tables, audit, purgeRuns: all - audit.rows };
  });
}

// The restore and its purge append to the audit chain (compared apart), which moves its head.
const withoutAudit = (t: Fingerprints) =>
  Object.fromEntries(Object.entries(t).filter(([n]) => n !== "public.audit_log" && n !== "public.audit_head"));

async function emptyTarget(): Promise<Db> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-restored-"));
  return kind === "postgres" ? { dataDir, url: await createPostgresDatabase() } : { dataDir };
}

async function isEmpty(db: Db): Promise<boolean> {
  if (!db.url) return !fs.existsSync(path.join(db.dataDir, "pglite"));
  return onDb(db, async (q) => {
    const [r] = await q<{ n: number }>(
      "select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
    );
    return r?.n === 0;
  });
}

const env = (db: Db) => ({
  VIGIL_DATA: db.dataDir,
  VIGIL_DEMO: "1",
  VIGIL_ENCRYPTION_KEYS: KEYS,
  ...(db.url ? { DATABASE_URL: db.url } : {}),
});

describe(`backup and restore of ${kind === "pglite" ? "the embedded database" : "a PostgreSQL database"}`, () => {
  let source: Db;
  let target: Db;
  let work: string;
  const created: { id: string; reference: string; message: string }[] = [];
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-backup-"));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-source-"));
    source = kind === "postgres" ? { dataDir, url: await createPostgresDatabase() } : { dataDir };
    target = await emptyTarget();
  });
  afterAll(() => {
    for (const d of [work, source?.dataDir, target?.dataDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  it("restores into an empty database everything the backup holds, and refuses what it must", async () => {
    // The source: the demo network, three sent requests with a message each, a signed release.
    let server = await startServer(env(source));
    const officer = await signInDemo(
      base(server),
      "officer.cl@example.org",
      demoSecret(server.output(), "officer.cl@example.org"),
    );
    const desk = await signInDemo(
      base(server),
      "secretariat@example.org",
      demoSecret(server.output(), "secretariat@example.org"),
    );
    for (let i = 1; i <= 3; i++) {
      const form = legalQuestion("RO", `bk${i}`);
      const draft = await officer.post("/api/requests", { type: form.type, requestedParty: "RO", content: {} });
      expect(draft.status).toBe(201);
      expect((await officer.post(`/api/requests/${draft.data.id}/send`, form)).status).toBe(200);
      const message = `Backup message ${i}: «ü» 日本`;
      expect((await officer.post(`/api/requests/${draft.data.id}/messages`, { body: message })).status).toBe(200);
      created.push({ id: draft.data.id, reference: form.reference, message });
    }
    expect((await desk.post("/api/directory/releases", { version: "2026-02", notes: "" })).status).toBe(201);
    expect(await server.kill("SIGTERM")).toBe(0);
    const before = await snapshot(source);

    // Backup.
    const file = path.join(work, "vigil.backup");
    const b = vigil(source, "backup", file);
    expect(b.stderr).toBe("");
    expect(b.status).toBe(0);
    expect(b.stdout).toMatch(
      /^Backup written to .* migration 0\d{3}_\w+ \(\d+ applied\), \d+ tables, \d+ rows, SHA-256 [0-9a-f]{64}/,
    );
    const { header } = await readArchive(file);
    expect(header.kind).toBe(kind);
    // The header describes the source exactly.
    expect(header.tables).toEqual(before.tables);
    expect(header.keyIds).toEqual(["backup"]);

    // Refusals, each leaving the empty target empty.
    const refused = (f: string, pattern: RegExp, into: Db = target) => {
      const r = vigil(into, "restore", f);
      expect(r.status, r.stderr).toBe(65);
      expect(r.stderr).toMatch(pattern);
    };
    const bytes = fs.readFileSync(file);
    const offset = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;
    const variant = (name: string, content: Buffer | string) => {
      const f = path.join(work, name);
      fs.writeFileSync(f, content);
      return f;
    };
    refused(variant("notes.txt", "VIGIL? no, a shopping list\n"), /is not a Vigil backup/);
    const flipped = Buffer.from(bytes);
    flipped[offset + 1000] = (flipped[offset + 1000] ?? 0) ^ 0xff;
    refused(variant("flipped.backup", flipped), /damaged: its data does not match the SHA-256/);
    refused(variant("cut.backup", bytes.subarray(0, bytes.length - 10)), /incomplete or damaged/);
    const future = bytes
      .toString("latin1")
      .replace(`"last":"${header.migrations.last}"`, `"last":"0099_from_the_future"`);
    refused(
      variant("future.backup", Buffer.from(future, "latin1")),
      /newer or different version of Vigil \(migration 0099_from_the_future/,
    );
    refused(file.replace("vigil.backup", "missing.backup"), /No such file/);
    expect(await isEmpty(target)).toBe(true);
    // The source is not empty: refused without --force.
    refused(
      file,
      kind === "pglite" ? /already holds a database.*--force/ : /is not empty \(\d+ tables\).*--force/,
      source,
    );

    // Restore into the empty target.
    const r = vigil(target, "restore", file);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/every table's row count and content hash equal to the backup's/);
    expect(r.stdout).toMatch(/Retention purge after the restore: 0 request\(s\)/);
    const after = await snapshot(target);
    expect(withoutAudit(after.tables)).toEqual(withoutAudit(before.tables));
    expect(after.audit).toEqual(before.audit);
    expect(after.purgeRuns - before.purgeRuns).toBe(2);

    // The restored Vigil works: users sign in, requests and their (encrypted) messages read back,
    // the release's signature verifies with the signing key.
    server = await startServer(env(target));
    const officer2 = await signInDemo(
      base(server),
      "officer.cl@example.org",
      demoSecret(server.output(), "officer.cl@example.org"),
    );
    for (const c of created) {
      const res = await officer2.get(`/api/requests/${c.id}`);
      expect(res.status).toBe(200);
      expect(res.data.content.reference).toBe(c.reference);
      expect((res.data.messages as { body: string }[]).map((m) => m.body)).toContain(c.message);
    }
    const verified = await releaseVerifies(officer2);
    expect(verified).toBe(true);
    expect(await server.kill("SIGTERM")).toBe(0);

    // --force over the non-empty source: replaced (the embedded folder kept aside), same rows.
    const forced = vigil(source, "restore", file, "--force");
    expect(forced.stderr).toBe("");
    expect(forced.status).toBe(0);
    if (kind === "pglite")
      expect(forced.stdout).toMatch(/The database it replaced is kept in .*pglite\.before-restore-/);
    const again = await snapshot(source);
    expect(withoutAudit(again.tables)).toEqual(withoutAudit(before.tables));
    expect(again.audit).toEqual(before.audit);

    const rows = Object.values(before.tables).reduce((n, t) => n + t.rows, 0);
    console.log(
      `backup test (${kind}): ${Object.keys(before.tables).length} tables, ${rows} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB; ` +
        `restored into an empty ${kind === "pglite" ? "data folder" : "database"}: ${Object.keys(after.tables).length} tables equal ` +
        `(count and content hash; audit trail equal plus the restore's 2 purge entries); ${created.length} requests and messages read back, ` +
        `release signature verifies; 6 bad restores refused (foreign, flipped byte, cut, newer migration, missing file, non-empty target); --force restore equal`,
    );
  }, 600_000);
});

/** The latest release's bytes against its detached JWS and the public signing key, as a national system checks. */
async function releaseVerifies(c: ApiClient): Promise<boolean> {
  const headers = { cookie: `vigil_session=${c.cookie}` };
  const res = await fetch(`${c.base}/api/directory/releases/latest`, { headers });
  expect(res.status).toBe(200);
  const body = Buffer.from(await res.arrayBuffer());
  const jws = res.headers.get("x-vigil-signature") as string;
  const key = (await (await fetch(`${c.base}/api/directory/signing-key`, { headers })).json()) as { pem: string };
  expect(JSON.parse(body.toString("utf8")).version).toBe("2026-02");
  return verifyDetached(jws, body, key.pem);
}

import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { z } from "zod";
import { appendAudit, verifyAuditChain } from "../server/audit/log";
import { randomToken } from "../server/auth/tokens";
import { totpCodeAt } from "../server/auth/totp";
import { sealTotpSecrets } from "../server/auth/totp-secrets";
import { createUser } from "../server/auth/users";
import { systemClock } from "../server/clock";
import { loadConfig } from "../server/config";
import { BackupError, type BackupTarget, backupDatabase, restoreDatabase } from "../server/db/backup";
import { type Database, openConfiguredDatabase } from "../server/db/database";
import { DataFolderLockedError } from "../server/db/folder-lock";
import { HttpError } from "../server/http/errors";
import { purgeClosedIncidents } from "../server/incidents/retention";
import { purgeExpired } from "../server/requests/retention";
import { resealRequestItems } from "../server/requests/sealing";
import { loadKeyring, newKeySpec, parseKeyring } from "../server/vault/keyring";
import { Email, NewPassword, Role } from "../shared/auth";

const HELP = `vigil — administration commands

  npm run vigil -- user create --email E --name "N" --role R [--party XX] [--password P]
      Creates an account. R is secretariat, party_admin, officer, observer or auditor (a Party's
      data-protection supervisory authority: reads, changes nothing); XX the ISO code of the
      user's Party (not for secretariat). Without --password a strong one is generated
      and printed once. The user enrols an authenticator app at first sign-in.
  npm run vigil -- audit verify
      Checks the audit trail's hash chain and reports the first broken link.
  npm run vigil -- vault reseal
      After a key rotation (new key first in VIGIL_ENCRYPTION_KEYS): re-encrypts every request
      message and attachment still sealed with an older key under the newest one, and seals any
      message body still in plain text. Then the old key can leave the ring. Safe to run again.
  npm run vigil -- retention purge
      Runs the retention purge now (it also runs daily at 02:17 UTC): requests past their
      retention period lose their content; their numbers stay in the statistics. Security
      incidents closed for more than five years lose their text; the record stays.
  npm run vigil -- backup FILE
      Writes the whole database to FILE (the embedded one: stop Vigil first; PostgreSQL: while
      Vigil runs, with pg_dump, as DATABASE_MIGRATION_URL's user). The file holds every table's
      row count and content hash; it does not hold the encryption keys (keep them apart).
  npm run vigil -- restore FILE [--force]
      Checks FILE (format, checksum, migration level), restores it into an empty target (an empty
      VIGIL_DATA folder, or an empty database at DATABASE_URL), checks every table against the
      file, then runs the retention purge (a restore must not bring back data past its period).
      --force replaces a target that holds a database (the embedded one is kept aside, renamed).
  npm run vigil -- totp code SECRET
      Prints the current authenticator code for a TOTP secret (for the demo accounts).

The embedded database can be opened by one process at a time: stop Vigil first.
With DATABASE_URL set, the commands work on that PostgreSQL server while Vigil runs.`;

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openConfiguredDatabase(loadConfig(), 2);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const UserCreateArgs = z.object({
  email: Email,
  name: z.string().trim().min(1, "--name is required").max(200),
  role: Role,
  party: z.string().trim().length(2, "--party is a 2-letter ISO 3166 code").optional(),
  password: NewPassword.optional(),
});

async function userCreate(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      party: { type: "string" },
      password: { type: "string" },
    },
    strict: true,
  });
  const parsed = UserCreateArgs.safeParse(values);
  if (!parsed.success) {
    for (const i of parsed.error.issues) process.stderr.write(`--${i.path.join(".")}: ${i.message}\n`);
    return 64;
  }
  const a = parsed.data;
  const password = a.password ?? randomToken(18);
  const user = await withDb((db) =>
    db.tx(async (tx) => {
      const at = systemClock.now();
      const created = await createUser(
        tx,
        { email: a.email, displayName: a.name, password, role: a.role, partyIso2: a.party ?? null },
        at,
      );
      await appendAudit(
        tx,
        at,
        { userId: null, label: "cli", partyId: null },
        {
          action: "user.created",
          targetType: "user",
          targetId: created.id,
          details: { role: created.role, via: "cli" },
        },
      );
      return created;
    }),
  );
  process.stdout.write(`Created ${user.role} account ${user.email}.\n`);
  if (!a.password) process.stdout.write(`Password (shown once): ${password}\n`);
  process.stdout.write("At first sign-in the user enrols an authenticator app.\n");
  return 0;
}

async function auditVerify(): Promise<number> {
  const report = await withDb((db) => verifyAuditChain(db));
  if (report.ok) {
    process.stdout.write(`Audit chain intact: ${report.checked} rows verified.\n`);
    return 0;
  }
  const what =
    report.reason === "row_changed"
      ? "its content does not match its hash (changed)"
      : "it does not link to the row before it (a row was removed or inserted)";
  process.stdout.write(
    `Audit chain BROKEN at row ${report.brokenAt}: ${what}. ${report.checked} rows before it verified.\n`,
  );
  return 1;
}

async function vaultReseal(): Promise<number> {
  const config = loadConfig();
  const { keyring } = loadKeyring(config);
  const { r, secrets } = await withDb(async (db) => ({
    r: await resealRequestItems(db, keyring, systemClock.now(), { userId: null, label: "cli", partyId: null }),
    secrets: await sealTotpSecrets(db, keyring, { reseal: true }),
  }));
  process.stdout.write(
    `Sealed with key "${keyring.current}": ${r.messages} message(s) and ${r.attachments} attachment(s) re-encrypted, ` +
      `${r.plaintextMessages} plain-text message(s) encrypted, ${secrets.sealed} authenticator secret(s) re-encrypted` +
      (secrets.unreadable ? ` (${secrets.unreadable} could not be opened: those accounts must enrol again)` : "") +
      ".\n",
  );
  return 0;
}

async function retentionPurge(): Promise<number> {
  const config = loadConfig();
  const { r, incidents } = await withDb(async (db) => {
    const ctx = {
      db,
      clock: systemClock,
      config,
      log: pino({ level: "silent" }),
      keyring: loadKeyring(config).keyring,
    };
    return { r: await purgeExpired(ctx), incidents: await purgeClosedIncidents(ctx) };
  });
  process.stdout.write(
    `Purged ${r.purged} request(s)${r.numbers.length ? ` (${r.numbers.join(", ")})` : ""}: ${r.messages} message(s), ` +
      `${r.attachments} attachment(s) removed; ${r.draftsDeleted} abandoned draft(s) and ${r.exercisesDeleted} finished exercise(s) deleted. ` +
      `Removed the text of ${incidents.purged} closed security incident(s).\n`,
  );
  return 0;
}

function backupTarget(): BackupTarget {
  const config = loadConfig();
  return config.databaseUrl
    ? {
        kind: "postgres",
        url: config.databaseUrl,
        ...(config.migrationUrl ? { migrationUrl: config.migrationUrl } : {}),
      }
    : { kind: "pglite", dataDir: config.dataDir };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function backup(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    process.stderr.write("usage: npm run vigil -- backup FILE\n");
    return 64;
  }
  const r = await backupDatabase(backupTarget(), path.resolve(file), systemClock.now());
  process.stdout.write(
    `Backup written to ${file} (${mb(r.bytes)}): ${r.header.kind === "pglite" ? "embedded database" : "PostgreSQL database"}, ` +
      `migration ${r.header.migrations.last} (${r.header.migrations.applied} applied), ${r.tables} tables, ${r.rows} rows, ` +
      `SHA-256 ${r.header.payload.sha256}.\n` +
      `It holds no encryption key: items are sealed with ${r.header.keyIds.length ? r.header.keyIds.join(", ") : "no key yet"}; keep those keys apart from the file.\n`,
  );
  return 0;
}

async function restore(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { force: { type: "boolean", default: false } },
    strict: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    process.stderr.write("usage: npm run vigil -- restore FILE [--force]\n");
    return 64;
  }
  const r = await restoreDatabase(backupTarget(), path.resolve(file), { force: values.force, at: systemClock.now() });
  process.stdout.write(
    `Restored ${file} (made ${r.header.createdAt}, migration ${r.header.migrations.last}): ${r.tables} tables, ` +
      `${r.rows} rows, every table's row count and content hash equal to the backup's.\n` +
      (r.keptAside ? `The database it replaced is kept in ${r.keptAside}.\n` : ""),
  );
  // Data purged since the backup was made comes back with it: purge again now, before Vigil serves.
  const config = loadConfig();
  const { purged, incidents } = await withDb(async (db) => {
    // The purge removes, it never seals or opens: a throw-away key ring keeps the restore from
    // writing a key file into the data folder (the operator brings the real keys).
    const ctx = {
      db,
      clock: systemClock,
      config,
      log: pino({ level: "silent" }),
      keyring: parseKeyring(newKeySpec("restore")),
    };
    return { purged: await purgeExpired(ctx), incidents: await purgeClosedIncidents(ctx) };
  });
  process.stdout.write(
    `Retention purge after the restore: ${purged.purged} request(s) past their retention period purged, ` +
      `${purged.draftsDeleted} abandoned draft(s) deleted, ${incidents.purged} closed incident(s) cleared.\n`,
  );
  const missing = r.header.keyIds.filter((k) => !configuredKeyIds(config).has(k));
  if (missing.length)
    process.stdout.write(
      `Items in this backup are sealed with key(s) ${missing.join(", ")}, not in VIGIL_ENCRYPTION_KEYS` +
        `${config.encryptionKeys ? "" : " (unset: Vigil would read the key file in VIGIL_DATA)"}: set the keys that were in use before starting Vigil.\n`,
    );
  return 0;
}

/** The key ids of VIGIL_ENCRYPTION_KEYS, or of the key file in the data folder (never created here). */
function configuredKeyIds(config: ReturnType<typeof loadConfig>): Set<string> {
  if (config.encryptionKeys) return new Set(parseKeyring(config.encryptionKeys).keys.keys());
  const file = path.join(config.dataDir, "encryption-keys");
  return fs.existsSync(file) ? new Set(parseKeyring(fs.readFileSync(file, "utf8").trim()).keys.keys()) : new Set();
}

async function run(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === "user" && command === "create") return userCreate(rest);
  if (group === "audit" && command === "verify") return auditVerify();
  if (group === "vault" && command === "reseal") return vaultReseal();
  if (group === "retention" && command === "purge") return retentionPurge();
  if (group === "backup") return backup(argv.slice(1));
  if (group === "restore") return restore(argv.slice(1));
  if (group === "totp" && command === "code" && rest[0]) {
    process.stdout.write(`${totpCodeAt(rest[0].replace(/\s+/g, "").toUpperCase(), systemClock.now())}\n`);
    return 0;
  }
  process.stdout.write(`${HELP}\n`);
  return group === undefined || group === "help" || group === "--help" ? 0 : 64;
}

run(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    if (err instanceof DataFolderLockedError || err instanceof HttpError || err instanceof BackupError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(err instanceof DataFolderLockedError ? 2 : 65);
    }
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });

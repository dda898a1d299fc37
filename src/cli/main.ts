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
import { type Database, openConfiguredDatabase } from "../server/db/database";
import { DataFolderLockedError } from "../server/db/folder-lock";
import { HttpError } from "../server/http/errors";
import { purgeClosedIncidents } from "../server/incidents/retention";
import { purgeExpired } from "../server/requests/retention";
import { resealRequestItems } from "../server/requests/sealing";
import { loadKeyring } from "../server/vault/keyring";
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

async function run(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === "user" && command === "create") return userCreate(rest);
  if (group === "audit" && command === "verify") return auditVerify();
  if (group === "vault" && command === "reseal") return vaultReseal();
  if (group === "retention" && command === "purge") return retentionPurge();
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
    if (err instanceof DataFolderLockedError || err instanceof HttpError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(err instanceof HttpError ? 65 : 2);
    }
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });

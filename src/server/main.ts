import fs from "node:fs";
import path from "node:path";
import { buildApp, WEB_DIST } from "./app";
import { sealTotpSecrets } from "./auth/totp-secrets";
import { OffsetClock, systemClock } from "./clock";
import { loadConfig } from "./config";
import type { AppContext } from "./context";
import { openConfiguredDatabase } from "./db/database";
import { DataFolderLockedError } from "./db/folder-lock";
import { loadDemoPlenaryHistory } from "./demo/plenary-history";
import { DEMO_PASSWORD, demoAccountSecrets, loadDemoNetwork } from "./demo/seed";
import { freshnessJob } from "./directory/jobs";
import { JOBS } from "./jobs/catalogue";
import { JobQueue } from "./jobs/queue";
import { createLogger } from "./logger";
import { configuredTransport } from "./notify/mail-transport";
import { startOutboxWorker } from "./notify/outbox";
import { sealPlaintextMessages } from "./requests/sealing";
import { gracefulShutdown } from "./shutdown";
import { loadKeyring } from "./vault/keyring";

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const started = Date.now();
  const db = await openConfiguredDatabase(config);
  const { keyring, file: keyFile } = loadKeyring(config);
  if (keyFile && !config.demo) {
    log.warn(
      { file: keyFile },
      "encryption key kept in the data folder: set VIGIL_ENCRYPTION_KEYS from a secret store",
    );
  }
  const clock = config.clockControl ? new OffsetClock() : systemClock;
  if (config.clockControl) log.warn("demo clock control is on: POST /api/demo/clock moves time forward");
  const ctx: AppContext = { db, clock, config, log, keyring };
  // Message bodies written before encryption at rest are sealed once, before serving (the keys are
  // configuration, so the SQL migration could only add the columns). A no-op once none is left.
  const sealed = await sealPlaintextMessages(db, keyring);
  if (sealed) log.info({ sealed }, "message bodies written in plain text are now encrypted at rest");
  const secrets = await sealTotpSecrets(db, keyring, { reseal: false });
  if (secrets.sealed) log.info(secrets, "authenticator secrets stored in plain text are now encrypted at rest");
  if (config.demo && (await loadDemoNetwork(ctx))) {
    log.info("demo network loaded");
    if (config.demoHistory && (await loadDemoPlenaryHistory(ctx)))
      log.info("demo network's 2024 loaded (plenary report)");
  }

  // Scheduled and background work (pg-boss, stored in the database): the hourly directory
  // freshness check, and the delayed jobs of the modules (started before serving, so a request
  // sent at once gets its acknowledgement check). A freshness check right after start, at most
  // one per hour however many instances start.
  ctx.jobs = await JobQueue.start(ctx, JOBS);
  await ctx.jobs.send(freshnessJob, {}, { singletonKey: "start", singletonSeconds: 3600 });

  const app = await buildApp(ctx);
  await app.listen({ port: config.port, host: config.host });

  // E-mail: the outbox worker delivers what the transactions queued. A server that does not
  // answer is logged clearly at start; queued mail waits and is retried with back-off.
  const mail = configuredTransport(config, db);
  // The app's monitor logs the result and keeps it for the Administration page ("Check again").
  if (mail?.kind === "smtp") void app.mailMonitor.check();
  else if (!mail) log.warn("e-mail is off: set VIGIL_SMTP_URL to send notifications by e-mail");
  const outboxWorker = startOutboxWorker(ctx, mail);

  // SIGTERM or SIGINT: stop listening and finish the requests in flight (Fastify closes idle
  // keep-alive connections, answers 503 to new requests on busy ones; the SSE streams are ended
  // in a preClose hook), let the outbox worker finish its batch and the running jobs end, then
  // close the database. A second signal or VIGIL_SHUTDOWN_SECONDS exits at once with code 1.
  const stop = gracefulShutdown({
    timeoutMs: config.shutdownSeconds * 1000,
    log,
    exit: (code) => process.exit(code),
    steps: [
      { name: "http", run: () => app.close() },
      { name: "outbox", run: () => outboxWorker.stop() },
      { name: "jobs", run: async () => ctx.jobs?.stop() },
      { name: "mail", run: async () => mail?.close() },
      { name: "database", run: () => db.close() },
    ],
  });
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  const lines = [
    "",
    `  Vigil is running at ${config.publicUrl}`,
    `  Database: ${db.kind === "pglite" ? `embedded (PGlite) in ${config.dataDir}` : "PostgreSQL server (DATABASE_URL)"}`,
    `  Started in ${Date.now() - started} ms`,
  ];
  if (!fs.existsSync(path.join(WEB_DIST, "index.html")))
    lines.push("  The web client is not built: run `npm run build:web`.");
  if (config.demo) {
    lines.push(
      "",
      `  Demo accounts (password: ${DEMO_PASSWORD}). Second factor: add the TOTP secret to an authenticator`,
    );
    lines.push("  app, or print the current code with `npm run vigil -- totp code <secret>`:");
    for (const a of await demoAccountSecrets(ctx))
      lines.push(`    ${a.email.padEnd(26)} ${a.role.padEnd(12)} TOTP secret ${a.totpSecret ?? "-"}`);
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);
}

main().catch((err) => {
  if (err instanceof DataFolderLockedError) {
    process.stderr.write(`\n${err.message}\n\n`);
    process.exit(2);
  }
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

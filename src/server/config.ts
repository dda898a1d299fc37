import path from "node:path";
import { z } from "zod";

const Bool = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8247),
  HOST: z.string().default("127.0.0.1"),
  VIGIL_DATA: z.string().default("./data"),
  DATABASE_URL: z.string().url().optional(),
  /** Optional owner connection used only to create roles and run migrations. */
  DATABASE_MIGRATION_URL: z.string().url().optional(),
  VIGIL_DEMO: Bool.optional(),
  VIGIL_PUBLIC_URL: z.string().url().optional(),
  /** Behind a reverse proxy: the client address is taken from X-Forwarded-For. */
  TRUST_PROXY: Bool.optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Idle session lifetime in minutes, and absolute lifetime in hours. */
  VIGIL_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  VIGIL_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  /** smtp://user:password@host:587 or smtps://…:465; without it, demo mode keeps mail in the development mailbox. */
  /** Minutes after signing in (or re-authenticating) during which sensitive actions need no new proof. */
  VIGIL_REAUTH_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  /** Sign-in attempts (password, code, recovery code, security key) per client address per 15 minutes. */
  VIGIL_RATE_LIMIT_SIGN_IN: z.coerce.number().int().min(1).default(30),
  /** Unauthenticated link fetches (calendar feeds, acknowledgement links) per client address per minute. */
  VIGIL_RATE_LIMIT_LINKS: z.coerce.number().int().min(1).default(60),
  VIGIL_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  VIGIL_MAIL_FROM: z.string().default("Vigil <vigil@example.org>"),
  /** "id:base64key,…": the keys that encrypt attachments at rest; the first encrypts new ones. */
  VIGIL_ENCRYPTION_KEYS: z.string().trim().min(1).optional(),
  /** Demo only: lets a local caller move the server's clock forward (training, browser journeys). */
  VIGIL_CLOCK_CONTROL: Bool.optional(),
  /** Bearer token that lets a monitoring system read /metrics from anywhere; without it, loopback only. */
  VIGIL_METRICS_TOKEN: z.string().trim().min(16).optional(),
  VIGIL_DEMO_HISTORY: Bool.optional(),
  VIGIL_EXERCISE_PURGE_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  /** At SIGTERM: how long requests in flight, the outbox batch and running jobs may take before exit. */
  VIGIL_SHUTDOWN_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Every answer is also parsed by its schema and compared with its projection (the tests). */
  VIGIL_CHECK_RESPONSES: Bool.optional(),
  /** PostgreSQL: named prepared statements for repeated queries; off behind a pooler that cannot keep them. */
  VIGIL_PG_PREPARED_STATEMENTS: Bool.optional(),
});

export type RateLimitRule = { limit: number; windowMs: number };

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  migrationUrl: string | undefined;
  demo: boolean;
  publicUrl: string;
  logLevel: z.infer<typeof Env>["LOG_LEVEL"];
  /** Client addresses (audit trail, rate limits) from X-Forwarded-For: only behind a proxy. */
  trustProxy: boolean;
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** How long a proof of identity stays fresh enough for sensitive actions. */
  reauthMs: number;
  /** Per client address: hits allowed per window. */
  rateLimits: { signIn: RateLimitRule; links: RateLimitRule };
  /** Where e-mail goes: an SMTP server, the development mailbox (demo without SMTP), or nowhere. */
  mail: { kind: "smtp"; url: string; from: string } | { kind: "mailbox"; from: string } | { kind: "off" };
  /** The key ring's specification (vault/keyring.ts); without it a key file in the data folder. */
  encryptionKeys: string | undefined;
  /** Demo network only: POST /api/demo/clock moves time forward and runs the deadline checks. */
  clockControl: boolean;
  /** /metrics: with a token, whoever presents it; without, direct loopback callers only (ops/routes.ts). */
  metricsToken: string | undefined;
  /**
   * Demo network only: also load its 2024 (directory versions, the annual meeting, capacity
   * building) for the plenary report. Off for a demo that must start with no release.
   */
  demoHistory: boolean;
  /** Training exercises are purged this many days after they close (0: at the next purge run). */
  exercisePurgeDays: number;
  /** SIGTERM: the bound on a graceful stop, after which the process exits with code 1. */
  shutdownSeconds: number;
  /**
   * Checking mode: each answer is also parsed by its response schema, and a failure or a JSON
   * different from the projection's is an error (app.ts). On for the test suite; costs the
   * parse the projection saves.
   */
  checkResponses: boolean;
  /**
   * PostgreSQL: each connection names the statements it runs again (db/prepared-statements.ts).
   * On by default; off behind a transaction-mode pooler without prepared-statement support.
   */
  preparedStatements: boolean;
};

/** Reads the configuration from the environment; a bad value stops start-up with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const demo = e.VIGIL_DEMO ?? !e.DATABASE_URL;
  // Moving time would fake deadlines and timings: never where real requests are handled.
  if (e.VIGIL_CLOCK_CONTROL && e.VIGIL_DEMO !== true) {
    throw new Error(
      "Invalid configuration:\n  VIGIL_CLOCK_CONTROL: only with VIGIL_DEMO=1 (the fictional demo network)",
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.VIGIL_DATA),
    databaseUrl: e.DATABASE_URL,
    migrationUrl: e.DATABASE_MIGRATION_URL ?? e.DATABASE_URL,
    // The demo network is loaded by default only on the embedded database.
    demo,
    publicUrl: (e.VIGIL_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY ?? false,
    sessionIdleMs: e.VIGIL_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.VIGIL_SESSION_MAX_HOURS * 3_600_000,
    reauthMs: e.VIGIL_REAUTH_MINUTES * 60_000,
    rateLimits: {
      signIn: { limit: e.VIGIL_RATE_LIMIT_SIGN_IN, windowMs: 15 * 60_000 },
      links: { limit: e.VIGIL_RATE_LIMIT_LINKS, windowMs: 60_000 },
    },
    mail: e.VIGIL_SMTP_URL
      ? { kind: "smtp", url: e.VIGIL_SMTP_URL, from: e.VIGIL_MAIL_FROM }
      : demo
        ? { kind: "mailbox", from: e.VIGIL_MAIL_FROM }
        : { kind: "off" },
    encryptionKeys: e.VIGIL_ENCRYPTION_KEYS,
    clockControl: e.VIGIL_CLOCK_CONTROL ?? false,
    metricsToken: e.VIGIL_METRICS_TOKEN,
    demoHistory: demo && (e.VIGIL_DEMO_HISTORY ?? true),
    exercisePurgeDays: e.VIGIL_EXERCISE_PURGE_DAYS,
    shutdownSeconds: e.VIGIL_SHUTDOWN_SECONDS,
    checkResponses: e.VIGIL_CHECK_RESPONSES ?? false,
    preparedStatements: e.VIGIL_PG_PREPARED_STATEMENTS ?? true,
  };
}

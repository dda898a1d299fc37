import { sql } from "drizzle-orm";
import type { MailStatus, MailVerification } from "../../shared/mail-status";
import { can } from "../auth/policy";
import type { UserRow } from "../auth/users";
import type { AppContext } from "../context";
import { queryRows } from "../db/database";
import { forbidden } from "../http/errors";
import { actorOf } from "../http/guard";
import { type MailTransport, smtpTransport } from "./mail-transport";

/**
 * Whether Vigil's e-mail works, shown where it is set up: the Administration page. The SMTP server
 * is checked at start and on demand ("Check again"); the outbox says what waits, what failed and
 * why. A wrong VIGIL_SMTP_URL is then seen by the Secretariat, not only in a log.
 */

/** A check someone waits for on a page: answer within this. */
const CHECK_TIMEOUT_MS = 10_000;

/** "host:port" of an SMTP URL: never the user name or password it may carry. */
export function smtpServerLabel(url: string): { server: string; tls: boolean } | null {
  try {
    const u = new URL(url);
    const tls = u.protocol === "smtps:";
    // nodemailer's own defaults when the URL names no port.
    return { server: `${u.hostname}:${u.port || (tls ? "465" : "587")}`, tls };
  } catch {
    return null;
  }
}

/** Removes the SMTP URL's credentials from a message (an error may quote what it was given). */
export function redactSmtpSecrets(message: string, url: string): string {
  let out = message;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return out;
  }
  const secrets = new Set<string>();
  for (const raw of [u.password, u.username]) {
    if (!raw) continue;
    secrets.add(raw);
    try {
      secrets.add(decodeURIComponent(raw));
    } catch {
      // Not valid percent-encoding: the raw form is removed already.
    }
  }
  out = out.split(url).join(`${u.protocol}//${u.host}`);
  // Longest first, so that a secret containing another is removed whole.
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join("***");
  return out;
}

/**
 * One per app: the last check of the SMTP server, with its own short-timeout connection (the
 * outbox worker's transport may be busy sending). Checks asked while one runs share its answer.
 */
export class MailMonitor {
  private last: MailVerification | null = null;
  private running: Promise<MailVerification> | null = null;
  private transport: MailTransport | null = null;

  constructor(private readonly ctx: AppContext) {}

  get lastVerification(): MailVerification | null {
    return this.last;
  }

  /** Checks the SMTP server now (not needed, and not done, for the demo mailbox or with e-mail off). */
  check(): Promise<MailVerification | null> {
    const mail = this.ctx.config.mail;
    if (mail.kind !== "smtp") return Promise.resolve(null);
    this.running ??= this.verify(mail.url, mail.from).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async verify(url: string, from: string): Promise<MailVerification> {
    this.transport ??= smtpTransport(url, from, { timeoutMs: CHECK_TIMEOUT_MS });
    const server = smtpServerLabel(url)?.server ?? "?";
    let result: MailVerification;
    try {
      await this.transport.verify();
      result = { ok: true, error: null, checkedAt: this.ctx.clock.now().toISOString() };
      this.ctx.log.info({ server }, "SMTP server reachable");
    } catch (err) {
      const e = err as Error & { code?: string };
      const message = redactSmtpSecrets(e.message || e.code || String(err), url).slice(0, 500);
      result = { ok: false, error: message, checkedAt: this.ctx.clock.now().toISOString() };
      this.ctx.log.error(
        { server, err: message },
        "SMTP server NOT reachable (VIGIL_SMTP_URL): e-mail is queued and will be retried",
      );
    }
    this.last = result;
    return result;
  }

  close(): void {
    this.transport?.close();
    this.transport = null;
  }
}

type Health = {
  waiting: number;
  held: number;
  failed: number;
  oldest_waiting: number | null;
  last_delivered: number | null;
};

const iso = (epochSeconds: number | null) =>
  epochSeconds === null ? null : new Date(Math.round(Number(epochSeconds) * 1000)).toISOString();

/** The e-mail side of the outbox (webhooks have their own log per Party). */
async function outboxHealth(ctx: AppContext, user: UserRow): Promise<MailStatus["outbox"]> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.db.tx(async (tx) => {
    const [h] = await queryRows<Health>(
      tx,
      // "Held": never tried and not yet due, i.e. waiting for quiet hours to end (a retry has attempts).
      sql`select
            count(*) filter (where status = 'pending' and not (attempts = 0 and next_attempt_at > ${at}::timestamptz))::int as waiting,
            count(*) filter (where status = 'pending' and attempts = 0 and next_attempt_at > ${at}::timestamptz)::int as held,
            count(*) filter (where status = 'failed')::int as failed,
            extract(epoch from min(created_at) filter (
              where status = 'pending' and not (attempts = 0 and next_attempt_at > ${at}::timestamptz)))::float8 as oldest_waiting,
            extract(epoch from max(delivered_at))::float8 as last_delivered
          from outbox where channel = 'email'`,
    );
    const [last] = await queryRows<{ last_error: string }>(
      tx,
      sql`select last_error from outbox
          where channel = 'email' and status <> 'delivered' and last_error is not null
          order by next_attempt_at desc limit 1`,
    );
    const oldest = h?.oldest_waiting ?? null;
    const mail = ctx.config.mail;
    return {
      waiting: h?.waiting ?? 0,
      heldForQuietHours: h?.held ?? 0,
      failed: h?.failed ?? 0,
      oldestWaitingSince: iso(oldest),
      oldestWaitingSeconds: oldest === null ? null : Math.max(0, Math.round(now.getTime() / 1000 - Number(oldest))),
      lastError: last ? (mail.kind === "smtp" ? redactSmtpSecrets(last.last_error, mail.url) : last.last_error) : null,
      lastDeliveredAt: iso(h?.last_delivered ?? null),
    };
  }, actorOf(user));
}

export async function mailStatus(ctx: AppContext, monitor: MailMonitor, user: UserRow): Promise<MailStatus> {
  if (!can(user, "system.status")) throw forbidden("Only the Secretariat sees the state of e-mail.");
  const mail = ctx.config.mail;
  const label = mail.kind === "smtp" ? smtpServerLabel(mail.url) : null;
  return {
    mode: mail.kind,
    server: label?.server ?? null,
    tls: label?.tls ?? null,
    verification: monitor.lastVerification,
    outbox: await outboxHealth(ctx, user),
  };
}

/** "Check again": checks the SMTP server now, then answers with the whole state. */
export async function checkMailNow(ctx: AppContext, monitor: MailMonitor, user: UserRow): Promise<MailStatus> {
  if (!can(user, "system.status")) throw forbidden("Only the Secretariat sees the state of e-mail.");
  await monitor.check();
  return mailStatus(ctx, monitor, user);
}

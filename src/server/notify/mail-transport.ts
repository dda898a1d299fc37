import nodemailer from "nodemailer";
import type { Config } from "../config";
import type { Database } from "../db/database";
import { devMailbox } from "./tables";

export type MailMessage = { messageId: string; to: string; subject: string; text: string };

/** Where e-mail goes. Implementations throw when the message was not accepted. */
export interface MailTransport {
  readonly kind: "smtp" | "mailbox";
  /** How many messages the outbox worker may have in flight at once (the SMTP connections kept open). */
  readonly concurrency: number;
  send(message: MailMessage, at: Date): Promise<void>;
  /** Checks the connection (start-up and the admin page): an error names what is wrong. */
  verify(): Promise<void>;
  close(): void;
}

/** SMTP connections the outbox keeps open: a ping test's 10,000 messages leave over these. */
export const SMTP_CONNECTIONS = 4;

/**
 * Any SMTP server, through nodemailer. The Message-ID is the outbox's idempotency key.
 * `timeoutMs` bounds connecting, the greeting and silence (nodemailer waits up to 2 minutes to
 * connect by default): a check someone waits for on a page must answer sooner. With `pool`,
 * that many connections stay open and carry message after message (without it, each message
 * opens, greets and closes its own connection: tens of milliseconds each).
 */
export function smtpTransport(
  url: string,
  from: string,
  opts: { timeoutMs?: number; pool?: number } = {},
): MailTransport {
  const t = opts.timeoutMs;
  const pool = opts.pool ?? 0;
  const transporter = nodemailer.createTransport(
    {
      url,
      ...(t ? { connectionTimeout: t, greetingTimeout: t, socketTimeout: t } : {}),
      ...(pool > 0 ? { pool: true, maxConnections: pool, maxMessages: 1000 } : {}),
    },
    { from },
  );
  return {
    kind: "smtp",
    concurrency: Math.max(1, pool),
    async send(m) {
      await transporter.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        messageId: m.messageId,
        headers: { "X-Vigil-Idempotency-Key": m.messageId },
      });
    },
    async verify() {
      await transporter.verify();
    },
    close: () => transporter.close(),
  };
}

/** Demo mode without SMTP: messages are kept in the database and shown on the development mailbox page. */
export function mailboxTransport(db: Database): MailTransport {
  return {
    kind: "mailbox",
    concurrency: 1,
    async send(m, at) {
      await db.tx((tx) =>
        tx
          .insert(devMailbox)
          .values({ ...m, sentAt: at })
          .onConflictDoNothing({ target: devMailbox.messageId }),
      );
    },
    async verify() {},
    close() {},
  };
}

export function configuredTransport(config: Config, db: Database): MailTransport | null {
  if (config.mail.kind === "smtp") return smtpTransport(config.mail.url, config.mail.from, { pool: SMTP_CONNECTIONS });
  if (config.mail.kind === "mailbox") return mailboxTransport(db);
  return null;
}

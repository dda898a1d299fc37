import nodemailer from "nodemailer";
import type { Config } from "../config";
import type { Database } from "../db/database";
import { devMailbox } from "./tables";

export type MailMessage = { messageId: string; to: string; subject: string; text: string };

/** Where e-mail goes. Implementations throw when the message was not accepted. */
export interface MailTransport {
  readonly kind: "smtp" | "mailbox";
  send(message: MailMessage, at: Date): Promise<void>;
  /** Checks the connection (start-up and the admin page): an error names what is wrong. */
  verify(): Promise<void>;
  close(): void;
}

/**
 * Any SMTP server, through nodemailer. The Message-ID is the outbox's idempotency key.
 * `timeoutMs` bounds connecting, the greeting and silence (nodemailer waits up to 2 minutes to
 * connect by default): a check someone waits for on a page must answer sooner.
 */
export function smtpTransport(url: string, from: string, opts: { timeoutMs?: number } = {}): MailTransport {
  const t = opts.timeoutMs;
  const transporter = nodemailer.createTransport(
    t ? { url, connectionTimeout: t, greetingTimeout: t, socketTimeout: t } : url,
    { from },
  );
  return {
    kind: "smtp",
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
  if (config.mail.kind === "smtp") return smtpTransport(config.mail.url, config.mail.from);
  if (config.mail.kind === "mailbox") return mailboxTransport(db);
  return null;
}

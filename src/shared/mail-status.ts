import { z } from "zod";

/**
 * The state of Vigil's e-mail for the Secretariat's Administration page: where mail goes, the last
 * check of the SMTP server, and the outbox's e-mail queue. Never a credential of the SMTP URL.
 */
export const MailVerification = z.object({
  ok: z.boolean(),
  /** What the server said (or why it could not be reached), with any password removed. */
  error: z.string().nullable(),
  checkedAt: z.iso.datetime(),
});
export type MailVerification = z.infer<typeof MailVerification>;

export const MailStatus = z.object({
  /** smtp: a real server; mailbox: demo mode's development mailbox; off: no e-mail at all. */
  mode: z.enum(["smtp", "mailbox", "off"]),
  /** "smtp.example.org:587": host and port only. */
  server: z.string().nullable(),
  /** smtps:// (TLS from the first byte) rather than smtp:// (STARTTLS when offered). */
  tls: z.boolean().nullable(),
  verification: MailVerification.nullable(),
  outbox: z.object({
    /** Waiting to be sent: due now, or retrying after a failure. */
    waiting: z.number().int(),
    /** Not yet due: held until the end of their recipient's quiet hours. */
    heldForQuietHours: z.number().int(),
    /** Given up after the last attempt. */
    failed: z.number().int(),
    /** When the oldest e-mail still waiting was queued. */
    oldestWaitingSince: z.iso.datetime().nullable(),
    oldestWaitingSeconds: z.number().int().nullable(),
    /** The latest error of an e-mail not delivered yet, with any password removed. */
    lastError: z.string().nullable(),
    lastDeliveredAt: z.iso.datetime().nullable(),
  }),
});
export type MailStatus = z.infer<typeof MailStatus>;

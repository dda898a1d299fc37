import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../auth/tables";

/**
 * In-app notifications, one row per recipient, written in the transaction of the change that
 * causes them. They hold a kind and parameters, never case content; the UI renders them in the
 * reader's language.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    params: jsonb("params").$type<Record<string, string | number | null>>().notNull().default({}),
    /** Where in the app the notification leads ("/directory/releases/…"). */
    link: text("link"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

export const outboxChannel = pgEnum("outbox_channel", ["email", "webhook"]);
export const outboxStatus = pgEnum("outbox_status", ["pending", "delivered", "failed"]);

/**
 * The durable outbox: each message to the outside world (an e-mail; webhooks later) is written
 * in the transaction of the change that causes it, then delivered by a worker with retries.
 * Workers claim rows with a short lease under FOR UPDATE SKIP LOCKED, so several instances never
 * send the same row at once; a crash after sending and before marking leads to one more attempt
 * with the same idempotency key (at-least-once), which the receiver can drop.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: outboxChannel("channel").notNull(),
    /** Stable across retries: the e-mail's Message-ID, a webhook's delivery id. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    /** The account it is for (e-mail), when there is one. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** The webhook it is for (webhook deliveries: their log). */
    webhookId: uuid("webhook_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull(),
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_webhook_idx").on(t.webhookId, t.createdAt),
  ],
);

/** What Vigil "sent" in demo mode without an SMTP server: shown on the development mailbox page. */
export const devMailbox = pgTable(
  "dev_mailbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: text("message_id").notNull().unique(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("dev_mailbox_sent_idx").on(t.sentAt)],
);

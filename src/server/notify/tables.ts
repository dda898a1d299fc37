import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
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

/**
 * A user's choice of channels for one kind of notification. One row per kind the user set away
 * from the catalogue's defaults (src/shared/notification-kinds.ts): a missing row means "the
 * default", so a default changed later, or a kind added later, reaches everyone who never chose.
 * Rows rather than a jsonb column on users: the notify module owns them, the database checks the
 * user and the key, and notify() joins the rows of one kind for all its recipients in one query.
 */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    inApp: boolean("in_app").notNull(),
    email: boolean("email").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * Quiet hours: normal e-mail waits until they end (emergencies never wait). Local wall-clock
 * times "HH:MM" in the user's own time zone (users.time_zone), so they follow daylight saving.
 */
export const notificationQuietHours = pgTable(
  "notification_quiet_hours",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    check(
      "notification_quiet_hours_times",
      sql`${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND ${t.endTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND ${t.startTime} <> ${t.endTime}`,
    ),
  ],
);

import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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

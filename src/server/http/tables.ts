import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Rate-limit counters in fixed windows, in the database so that every instance of Vigil counts
 * the same hits (http/rate-limit.ts). A row per bucket, client and window; old windows are purged.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    /** What is limited: "sign-in", "link"… */
    bucket: text("bucket").notNull(),
    /** Whom: the client's IP address. */
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.key, t.windowStart] })],
);

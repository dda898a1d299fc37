import { sql } from "drizzle-orm";
import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users } from "../auth/tables";
import { tstz } from "../db/columns";
import { parties } from "../directory/tables";

/** A Party's endpoint for events (its national case system). Deliveries go through the outbox. */
export const webhooks = pgTable(
  "webhooks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    events: text("events").array().notNull().default(sql`'{}'::text[]`),
    /**
     * The HMAC key. It must be readable to sign, so it cannot be hashed; encryption at rest comes
     * with the at-rest key (issue 6).
     */
    secret: text("secret").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: tstz("created_at").notNull(),
    disabledAt: tstz("disabled_at"),
  },
  (t) => [index("webhooks_party_idx").on(t.partyId)],
);

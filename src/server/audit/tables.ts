import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only audit trail. Each row carries the hash of the previous row, so a changed,
 * removed or inserted row breaks the chain (checked by `vigil audit verify`).
 * The application role may INSERT and SELECT only (see migrations).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    actorUserId: uuid("actor_user_id"),
    /** The actor's e-mail at the time, kept even if the account is later removed. */
    actorLabel: text("actor_label"),
    actorPartyId: uuid("actor_party_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_log_actor_idx").on(t.actorUserId, t.at),
    index("audit_log_target_idx").on(t.targetType, t.targetId),
  ],
);

/**
 * The chain's last link, one row (id 1). Each append updates it and inserts the audit row in one
 * statement: the row lock it takes orders concurrent appends and is held until commit, so the
 * chain's order is the commit order. The application role may SELECT and UPDATE it only.
 */
export const auditHead = pgTable("audit_head", {
  id: integer("id").primaryKey(),
  /** The hash of the row before the last one: what the last row's `prev_hash` holds. */
  prevHash: text("prev_hash").notNull(),
  hash: text("hash").notNull(),
});

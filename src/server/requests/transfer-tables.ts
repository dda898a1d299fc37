import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ONWARD_RECIPIENT_KINDS, ONWARD_TRANSFER_STATUSES } from "../../shared/transfers";
import { users } from "../auth/tables";
import { tstz } from "../db/columns";
import { parties } from "../directory/tables";
import { requests } from "./tables";

/*
 * The requests module's tables for Art. 14(10) and 14(15) of the Second Additional Protocol, kept
 * beside tables.ts (same owner: only requests/ queries them).
 */

/**
 * A Party suspends transfers to another Party (para. 15). Active while `lifted_at` is null; a
 * lifted one stays as history. At most one active suspension per direction.
 */
export const transferSuspensions = pgTable(
  "transfer_suspensions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fromPartyId: uuid("from_party_id")
      .notNull()
      .references(() => parties.id),
    toPartyId: uuid("to_party_id")
      .notNull()
      .references(() => parties.id),
    reason: text("reason").notNull(),
    suspendedAt: tstz("suspended_at").notNull(),
    suspendedBy: uuid("suspended_by").references(() => users.id, { onDelete: "set null" }),
    liftedAt: tstz("lifted_at"),
    liftedBy: uuid("lifted_by").references(() => users.id, { onDelete: "set null" }),
    liftReason: text("lift_reason"),
  },
  (t) => [
    uniqueIndex("transfer_suspensions_active_idx").on(t.fromPartyId, t.toPartyId).where(sql`lifted_at is null`),
    check("transfer_suspensions_two_parties", sql`${t.fromPartyId} <> ${t.toPartyId}`),
  ],
);

export const onwardRecipientKind = pgEnum("onward_recipient_kind", ONWARD_RECIPIENT_KINDS);
export const onwardTransferStatus = pgEnum("onward_transfer_status", ONWARD_TRANSFER_STATUSES);

/**
 * The requested Party asks the sender whether data received with a request may go on to a third
 * State or an international organisation (para. 10); the sender authorises or refuses, once.
 */
export const onwardTransfers = pgTable(
  "onward_transfers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    recipientKind: onwardRecipientKind("recipient_kind").notNull(),
    recipientState: text("recipient_state"),
    recipientName: text("recipient_name"),
    purpose: text("purpose").notNull(),
    status: onwardTransferStatus("status").notNull().default("pending"),
    askedAt: tstz("asked_at").notNull(),
    askedBy: uuid("asked_by").references(() => users.id, { onDelete: "set null" }),
    askedByLabel: text("asked_by_label").notNull(),
    decidedAt: tstz("decided_at"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedByLabel: text("decided_by_label"),
    decisionNote: text("decision_note"),
  },
  (t) => [index("onward_transfers_request_idx").on(t.requestId, t.askedAt)],
);

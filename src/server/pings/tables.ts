import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ANSWER_VIAS, CAMPAIGN_STATUSES, type PingSelection } from "../../shared/pings";
import { users } from "../auth/tables";
import { bytea, tstz } from "../db/columns";
import { contactPoints, contactPointType, parties } from "../directory/tables";

export const pingCampaignStatus = pgEnum("ping_campaign_status", CAMPAIGN_STATUSES);
export const pingScheduleMode = pgEnum("ping_schedule_mode", ["now", "at", "window"]);
export const pingAnswerVia = pgEnum("ping_answer_via", ANSWER_VIAS);

/** A ping test: whom it targets, when it goes, its reminders and the report's rows. */
export const pingCampaigns = pgTable(
  "ping_campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    selection: jsonb("selection").$type<PingSelection>().notNull(),
    mode: pingScheduleMode("mode").notNull(),
    windowFrom: tstz("window_from"),
    windowTo: tstz("window_to"),
    /** When it goes. For a random window, drawn by the server and not shown before it fires. */
    scheduledAt: tstz("scheduled_at").notNull(),
    status: pingCampaignStatus("status").notNull().default("scheduled"),
    firedAt: tstz("fired_at"),
    closedAt: tstz("closed_at"),
    reminderMinutes: integer("reminder_minutes").array().notNull(),
    /** How many of `reminderMinutes` have been dealt with. */
    remindersSent: integer("reminders_sent").notNull().default(0),
    bucketsMinutes: integer("buckets_minutes").array().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: tstz("created_at").notNull(),
  },
  (t) => [index("ping_campaigns_due_idx").on(t.status, t.scheduledAt)],
);

/**
 * One contact point pinged by a campaign. The Party, institution, type and time zone are copied
 * when the ping goes, so the report stays what it was when the directory changes later.
 */
export const pingTargets = pgTable(
  "ping_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => pingCampaigns.id, { onDelete: "cascade" }),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id),
    partyIso2: text("party_iso2").notNull(),
    partyNameEn: text("party_name_en").notNull(),
    partyNameFr: text("party_name_fr").notNull(),
    contactPointId: uuid("contact_point_id").references(() => contactPoints.id, { onDelete: "set null" }),
    institution: text("institution").notNull(),
    type: contactPointType("type").notNull(),
    timeZone: text("time_zone").notNull(),
    /** When the mail server accepted the first message to one of its addresses: the clock starts. */
    handedOverAt: tstz("handed_over_at"),
    /** The first acknowledgement: later ones change nothing. */
    acknowledgedAt: tstz("acknowledged_at"),
    via: pingAnswerVia("via"),
    answeredBy: text("answered_by"),
    note: text("note"),
    /** The officer who answered in Vigil, or the Secretariat member who recorded a phone answer. */
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("ping_targets_campaign_idx").on(t.campaignId),
    index("ping_targets_party_idx").on(t.partyId, t.campaignId),
  ],
);

/**
 * One e-mail address of a pinged contact point, with its own acknowledgement link. The link's
 * token is kept as its SHA-256 (to find it) and sealed with the at-rest key (so a reminder can
 * carry the same link); the clock starts when the mail server accepted the first message.
 */
export const pingRecipients = pgTable(
  "ping_recipients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => pingCampaigns.id, { onDelete: "cascade" }),
    targetId: uuid("target_id")
      .notNull()
      .references(() => pingTargets.id, { onDelete: "cascade" }),
    address: text("address").notNull(),
    tokenHash: text("token_hash").notNull(),
    tokenSealed: bytea("token_sealed"),
    expiresAt: tstz("expires_at").notNull(),
    /** When the outbox handed the first message to the mail server. */
    deliveredAt: tstz("delivered_at"),
    /** When the mail server refused it for good. */
    failedAt: tstz("failed_at"),
    /** When its link recorded the contact point's answer. */
    usedAt: tstz("used_at"),
  },
  (t) => [
    uniqueIndex("ping_recipients_token_idx").on(t.tokenHash),
    index("ping_recipients_target_idx").on(t.targetId),
    index("ping_recipients_campaign_idx").on(t.campaignId),
  ],
);

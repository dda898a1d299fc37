import { date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import {
  AUTHORITY_ROLES,
  type AuthoritiesDocument,
  type AuthorityFields,
  type AuthoritySubmission,
} from "../../shared/authorities";
import { users } from "../auth/tables";
import { tstz } from "../db/columns";
import { parties } from "../directory/tables";

export const authorityRole = pgEnum("authority_role", AUTHORITY_ROLES);

/**
 * A Party's official declaration under Art. 24(7) or 27(2), as registered with the Treaty Office
 * and recorded by the Secretariat: one per Party and role, with its reference and date.
 */
export const authorityDeclarations = pgTable(
  "authority_declarations",
  {
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "restrict" }),
    role: authorityRole("role").notNull(),
    reference: text("reference").notNull(),
    declaredOn: date("declared_on").notNull(),
    fields: jsonb("fields").$type<AuthorityFields>().notNull(),
    recordedAt: tstz("recorded_at").notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.partyId, t.role] })],
);

/**
 * A Party's own answer to the collection form: its three authorities, as it gave them. One per
 * Party, replaced as a whole on each answer (its history is in the audit trail).
 */
export const authoritySubmissions = pgTable("authority_submissions", {
  partyId: uuid("party_id")
    .primaryKey()
    .references(() => parties.id, { onDelete: "restrict" }),
  fields: jsonb("fields").$type<AuthoritySubmission>().notNull(),
  submittedAt: tstz("submitted_at").notNull(),
  submittedBy: uuid("submitted_by").references(() => users.id, { onDelete: "set null" }),
  revision: integer("revision").notNull().default(1),
});

/** The Secretariat asking the Parties without an answer, or with empty fields, to fill in the form. */
export const authorityCampaigns = pgTable("authority_campaigns", {
  id: uuid("id").primaryKey().defaultRandom(),
  startedAt: tstz("started_at").notNull(),
  startedBy: uuid("started_by").references(() => users.id, { onDelete: "set null" }),
  dueOn: date("due_on"),
  lastReminderAt: tstz("last_reminder_at"),
  reminders: integer("reminders").notNull().default(0),
});

/** A Party asked by a campaign, with the fields it was missing then. */
export const authorityCampaignParties = pgTable(
  "authority_campaign_parties",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => authorityCampaigns.id, { onDelete: "cascade" }),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "restrict" }),
    missingWhenAsked: text("missing_when_asked").array().notNull(),
    askedAt: tstz("asked_at").notNull(),
    lastRemindedAt: tstz("last_reminded_at"),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.partyId] }),
    index("authority_campaign_parties_party_idx").on(t.partyId),
  ],
);

/**
 * An immutable, signed snapshot of the authorities directory. A release kind of its own beside
 * `directory_releases` rather than a section of it: the contact-point releases are polled by
 * national systems against a published JSON Schema, and the authorities are collected and
 * published on their own rhythm (plenary to plenary). Signing, canonical JSON and the export
 * codecs are the directory's.
 */
export const authorityReleases = pgTable("authority_releases", {
  id: uuid("id").primaryKey().defaultRandom(),
  version: text("version").notNull().unique(),
  notes: text("notes").notNull().default(""),
  publishedAt: tstz("published_at").notNull(),
  publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
  document: jsonb("document").$type<AuthoritiesDocument>().notNull(),
  body: text("body").notNull(),
  sha256: text("sha256").notNull(),
  jws: text("jws").notNull(),
  kid: text("kid").notNull(),
});

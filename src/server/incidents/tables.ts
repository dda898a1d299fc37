import { sql } from "drizzle-orm";
import { bigint, index, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { INCIDENT_DATA_CATEGORIES, INCIDENT_STATUSES } from "../../shared/incidents";
import { users } from "../auth/tables";
import { tstz } from "../db/columns";
import { parties } from "../directory/tables";

export const incidentStatus = pgEnum("incident_status", INCIDENT_STATUSES);
export const incidentDataCategory = pgEnum("incident_data_category", INCIDENT_DATA_CATEGORIES);

/** A data-security incident the Secretariat recorded (SAP Art. 14(7)). */
export const securityIncidents = pgTable("security_incidents", {
  id: uuid("id").primaryKey().defaultRandom(),
  title: text("title").notNull(),
  detectedAt: tstz("detected_at").notNull(),
  recordedAt: tstz("recorded_at").notNull(),
  recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
  description: text("description").notNull(),
  dataCategories: incidentDataCategory("data_categories").array().notNull(),
  /** Request numbers as the Secretariat gave them: it cannot read requests, so they are not links. */
  requestNumbers: text("request_numbers").array().notNull().default(sql`'{}'::text[]`),
  measures: text("measures").notNull(),
  status: incidentStatus("status").notNull().default("open"),
  closedAt: tstz("closed_at"),
  updatedAt: tstz("updated_at").notNull(),
  /**
   * Set by the retention purge (retention.ts) once the incident has been closed for
   * INCIDENT_RETENTION_DAYS: its words and the people named are gone; dates, categories, status,
   * the Parties told and the request numbers stay as the record of Art. 14(7).
   */
  purgedAt: tstz("purged_at"),
});

/** The Parties an incident affects: each reads the incident, and was told when it was added. */
export const securityIncidentParties = pgTable(
  "security_incident_parties",
  {
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => securityIncidents.id, { onDelete: "cascade" }),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id),
    notifiedAt: tstz("notified_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.partyId] }),
    index("security_incident_parties_party_idx").on(t.partyId),
  ],
);

/** What was learnt or done since: append-only (the application role cannot change or delete one). */
export const securityIncidentUpdates = pgTable(
  "security_incident_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => securityIncidents.id, { onDelete: "cascade" }),
    at: tstz("at").notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull(),
    status: incidentStatus("status"),
  },
  (t) => [index("security_incident_updates_incident_idx").on(t.incidentId, t.at)],
);

import { date, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ACTIVITY_KINDS } from "../../shared/plenary";
import { tstz } from "../db/columns";

export const activityKind = pgEnum("capacity_activity_kind", ACTIVITY_KINDS);

/** A capacity-building activity of C-PROC's projects: workshop, study visit, support to set up a contact point. */
export const capacityActivities = pgTable(
  "capacity_activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    kind: activityKind("kind").notNull(),
    /** ISO 3166 alpha-2 codes of the countries concerned (Parties or not). */
    countries: text("countries").array().notNull().default([]),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    project: text("project"),
    notes: text("notes"),
    createdAt: tstz("created_at").notNull(),
    updatedAt: tstz("updated_at").notNull(),
  },
  (t) => [index("capacity_activities_starts_on_idx").on(t.startsOn)],
);

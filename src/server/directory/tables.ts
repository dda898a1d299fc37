import { sql } from "drizzle-orm";
import { boolean, date, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CONTACT_POINT_TYPES, PARTY_STATUSES } from "../../shared/directory";

export const partyStatus = pgEnum("party_status", PARTY_STATUSES);
export const contactPointType = pgEnum("contact_point_type", CONTACT_POINT_TYPES);

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const parties = pgTable("parties", {
  id: uuid("id").primaryKey().defaultRandom(),
  iso2: text("iso2").notNull().unique(),
  nameEn: text("name_en").notNull(),
  nameFr: text("name_fr").notNull(),
  /** Other spellings people type: "Ivory Coast", "Rumania", "Türkiye"/"Turkey". */
  altNames: text("alt_names").array().notNull().default(sql`'{}'::text[]`),
  status: partyStatus("status").notNull().default("party"),
  conventionRatifiedOn: date("convention_ratified_on"),
  sapRatifiedOn: date("sap_ratified_on"),
  createdAt: tstz("created_at").notNull().defaultNow(),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});

export type PhoneEntry = { number: string; note?: string; available247?: boolean };
export type EmailEntry = { address: string; note?: string };
export type ChannelEntry = { name: string; note?: string };
export type OpeningHours = { days: number[]; from: string; to: string }[];

export const contactPoints = pgTable(
  "contact_points",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "restrict" }),
    isPrimary: boolean("is_primary").notNull().default(false),
    type: contactPointType("type").notNull(),
    institution: text("institution").notNull(),
    unit: text("unit"),
    address: text("address"),
    phones: jsonb("phones").$type<PhoneEntry[]>().notNull().default([]),
    emails: jsonb("emails").$type<EmailEntry[]>().notNull().default([]),
    secureChannels: jsonb("secure_channels").$type<ChannelEntry[]>().notNull().default([]),
    available247: boolean("available_247").notNull().default(true),
    timeZone: text("time_zone").notNull(),
    openingHours: jsonb("opening_hours").$type<OpeningHours>(),
    outOfHours: text("out_of_hours"),
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    instructions: text("instructions"),
    functions: text("functions").array().notNull().default(sql`'{}'::text[]`),
    handlesSap: boolean("handles_sap").notNull().default(false),
    mlaCoordination: text("mla_coordination"),
    networks: text("networks").array().notNull().default(sql`'{}'::text[]`),
    lastConfirmedAt: tstz("last_confirmed_at"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("contact_points_party_idx").on(t.partyId),
    // A Party has at most one primary contact point.
    uniqueIndex("contact_points_one_primary").on(t.partyId).where(sql`${t.isPrimary}`),
  ],
);

import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  type ChannelEntry,
  CONTACT_POINT_TYPES,
  type DirectoryDocument,
  type EmailEntry,
  type EncryptionKey,
  type OpeningHours,
  PARTY_STATUSES,
  type PhoneEntry,
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
} from "../../shared/directory";
import { bytea, tstz } from "../db/columns";

export type { ChannelEntry, EmailEntry, OpeningHours, PhoneEntry };

export const partyStatus = pgEnum("party_status", PARTY_STATUSES);
export const contactPointType = pgEnum("contact_point_type", CONTACT_POINT_TYPES);
export const proposalKind = pgEnum("directory_proposal_kind", PROPOSAL_KINDS);
export const proposalStatus = pgEnum("directory_proposal_status", PROPOSAL_STATUSES);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

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
  /** When the Secretariat last reminded the Party of stale or missing entries (weekly at most). */
  lastRemindedAt: tstz("last_reminded_at"),
  createdAt: tstz("created_at").notNull().defaultNow(),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});

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
    encryptionKeys: jsonb("encryption_keys").$type<EncryptionKey[]>().notNull().default([]),
    sharedWithObservers: boolean("shared_with_observers").notNull().default(false),
    /**
     * Folded text of every field and of the Party's names (lower case, no accents, punctuation
     * as spaces), written by the application on each change: trigram and full-text search run on it.
     */
    searchText: text("search_text").notNull().default(""),
    /** The same without spaces, so "cote divoire" finds "Côte d'Ivoire" by substring. */
    searchCompact: text("search_compact").notNull().default(""),
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`to_tsvector('simple', search_text)`),
    lastConfirmedAt: tstz("last_confirmed_at"),
    /** When the owner was last warned of an encryption key about to expire. */
    keyWarningSentAt: tstz("key_warning_sent_at"),
    /** Bumped on every change: a proposal made against an older revision is flagged outdated. */
    revision: integer("revision").notNull().default(1),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("contact_points_party_idx").on(t.partyId),
    // A Party has at most one primary contact point.
    uniqueIndex("contact_points_one_primary").on(t.partyId).where(sql`${t.isPrimary}`),
    index("contact_points_search_trgm").using("gin", sql`${t.searchText} gin_trgm_ops`),
    index("contact_points_compact_trgm").using("gin", sql`${t.searchCompact} gin_trgm_ops`),
    index("contact_points_search_fts").using("gin", t.searchVector),
  ],
);

/** Per Party: what helps the "legal information" function (retention, preservation, languages). */
export const legalProfiles = pgTable(
  "legal_profiles",
  {
    partyId: uuid("party_id")
      .primaryKey()
      .references(() => parties.id, { onDelete: "restrict" }),
    providerRetention: text("provider_retention"),
    preservationDays: integer("preservation_days"),
    preservationExtendable: boolean("preservation_extendable"),
    extensionNote: text("extension_note"),
    acceptedLanguages: text("accepted_languages").array().notNull().default(sql`'{}'::text[]`),
    acceptedTemplates: text("accepted_templates").array().notNull().default(sql`'{}'::text[]`),
    /** Minutes to acknowledge a request (issue 5); null: the Network default. */
    ackTargetMinutes: integer("ack_target_minutes"),
    emergencyAckTargetMinutes: integer("emergency_ack_target_minutes"),
    notes: text("notes"),
    revision: integer("revision").notNull().default(1),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    // The schema's ranges, kept by the database too (a null passes: the Network default).
    check(
      "legal_profiles_ack_targets",
      sql`${t.ackTargetMinutes} BETWEEN 1 AND 1440 AND ${t.emergencyAckTargetMinutes} BETWEEN 1 AND 240 AND ${t.emergencyAckTargetMinutes} <= ${t.ackTargetMinutes}`,
    ),
  ],
);

/** A change a Party proposes to its own entries, waiting for the Secretariat's review. */
export const directoryProposals = pgTable(
  "directory_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "restrict" }),
    kind: proposalKind("kind").notNull(),
    /** The contact point changed or removed; for a creation, set once accepted. */
    contactPointId: uuid("contact_point_id"),
    /** The proposed fields (contact point or legal profile); null for a removal. */
    payload: jsonb("payload").$type<Record<string, unknown>>(),
    /** The entry as it was when proposed, so the diff shown is the one the proposer saw. */
    base: jsonb("base").$type<Record<string, unknown>>(),
    baseRevision: integer("base_revision"),
    comment: text("comment"),
    status: proposalStatus("status").notNull().default("pending"),
    reason: text("reason"),
    proposedBy: uuid("proposed_by").notNull(),
    proposedAt: tstz("proposed_at").notNull(),
    reviewedBy: uuid("reviewed_by"),
    reviewedAt: tstz("reviewed_at"),
  },
  (t) => [index("directory_proposals_status_idx").on(t.status, t.proposedAt)],
);

/** An immutable snapshot of the whole directory, published by the Secretariat. */
export const directoryReleases = pgTable("directory_releases", {
  id: uuid("id").primaryKey().defaultRandom(),
  version: text("version").notNull().unique(),
  notes: text("notes").notNull().default(""),
  publishedAt: tstz("published_at").notNull(),
  publishedBy: uuid("published_by"),
  /** The release document exactly as exported; its bytes are what the JWS signs. */
  document: jsonb("document").$type<DirectoryDocument>().notNull(),
  /** Canonical JSON of the document (the JSON export), kept byte for byte for the signature. */
  body: text("body").notNull(),
  sha256: text("sha256").notNull(),
  /** Detached JWS (RFC 7515 appendix F) over `body`, EdDSA / Ed25519. */
  jws: text("jws").notNull(),
  kid: text("kid").notNull(),
});

/**
 * A release's rendered exports (CSV, vCard, PDF, DOCX), made once by a job right after it is
 * published (directory/jobs.ts) and kept: a 200-Party PDF takes seconds to lay out, and every
 * instance, after every restart, then serves the same stored bytes. The JSON export is the
 * release's own `body`, not repeated here. Like the release, a stored file is never changed
 * (the application role may only insert).
 */
export const directoryReleaseFiles = pgTable(
  "directory_release_files",
  {
    releaseId: uuid("release_id")
      .notNull()
      .references(() => directoryReleases.id),
    format: text("format").notNull(),
    body: bytea("body").notNull(),
    sha256: text("sha256").notNull(),
    renderedAt: tstz("rendered_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.releaseId, t.format] }),
    check("directory_release_files_format", sql`${t.format} in ('csv', 'vcard', 'pdf', 'docx')`),
  ],
);

/** Ed25519 keys that sign releases. The newest unretired one signs; older ones stay to verify. */
export const signingKeys = pgTable("signing_keys", {
  kid: text("kid").primaryKey(),
  publicKeyPem: text("public_key_pem").notNull(),
  privateKeyPem: text("private_key_pem").notNull(),
  createdAt: tstz("created_at").notNull(),
  retiredAt: tstz("retired_at"),
});

/**
 * Every word of the folded search text, once. Typo tolerance looks up words close to what was
 * typed here (a small table with a trigram index), then searches entries with the full-text
 * index; comparing the query with whole entries instead is far slower. Words are added on each
 * write and never removed: a stale word only ever finds nothing.
 */
export const searchWords = pgTable("directory_search_words", { word: text("word").primaryKey() }, (t) => [
  index("directory_search_words_trgm").using("gin", sql`${t.word} gin_trgm_ops`),
]);

/**
 * One row (id 1) whose counter moves with every change to contact points, Parties or the search
 * dictionary (statement triggers, migration 0026). Search results cached in an instance's memory
 * are valid for one value: every instance reads it before using its cache.
 */
export const directoryGeneration = pgTable("directory_generation", {
  id: integer("id").primaryKey(),
  n: bigint("n", { mode: "number" }).notNull(),
});

import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  ACCESS_REASONS,
  FEEDBACK_RATINGS,
  type HandlingConditions,
  PARENT_RELATIONS,
  REQUEST_STATES,
  REQUEST_TYPES,
  TIMELINE_KINDS,
  type TimelineFacts,
} from "../../shared/requests";
import { users } from "../auth/tables";
import { bytea, tstz } from "../db/columns";
import { contactPoints, parties } from "../directory/tables";

export const requestType = pgEnum("request_type", REQUEST_TYPES);
export const requestState = pgEnum("request_state", REQUEST_STATES);
export const parentRelation = pgEnum("request_parent_relation", PARENT_RELATIONS);
export const timelineKind = pgEnum("request_event_kind", TIMELINE_KINDS);
export const feedbackRating = pgEnum("request_feedback_rating", FEEDBACK_RATINGS);
export const accessReason = pgEnum("request_access_reason", ACCESS_REASONS);

/** Request numbers ("2026-000123"): one sequence, so two instances never hand out the same one. */
export const requestNumberSeq = pgSequence("request_number_seq", { startWith: 1 });

/**
 * A request between two Parties' contact points. Visible only to users of those two Parties
 * (requests/access.ts, and row-level security behind it: migrations/0012_party_isolation.sql);
 * the Secretariat reads counts and timings, never a row.
 */
export const requests = pgTable(
  "requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** "2026-000123": per year, for people to quote on the phone. Given when sent. */
    number: text("number").unique(),
    type: requestType("type").notNull(),
    state: requestState("state").notNull().default("draft"),
    emergency: boolean("emergency").notNull().default(false),
    /**
     * A training exercise: the full workflow, labelled everywhere, left out of every statistic and
     * purged a set number of days after it closes (retention.ts).
     */
    exercise: boolean("exercise").notNull().default(false),
    senderPartyId: uuid("sender_party_id")
      .notNull()
      .references(() => parties.id),
    senderUserId: uuid("sender_user_id").references(() => users.id, { onDelete: "set null" }),
    requestedPartyId: uuid("requested_party_id").references(() => parties.id),
    contactPointId: uuid("contact_point_id").references(() => contactPoints.id, { onDelete: "set null" }),
    /** Alerted when the first contact point did not acknowledge in time. */
    escalatedToId: uuid("escalated_to_id").references(() => contactPoints.id, { onDelete: "set null" }),
    language: text("language"),
    reference: text("reference"),
    /** The form: a draft's as it stands, a sent request's as validated by RequestContent. */
    content: jsonb("content").$type<Record<string, unknown>>().notNull().default({}),
    handlingConditions: jsonb("handling_conditions").$type<HandlingConditions>(),
    /**
     * Whether the request is sensitive (SAP Art. 14(4)), as its own column: the row-level security
     * policies and the list counts read it from the counting indexes, without the row.
     */
    sensitive: boolean("sensitive")
      .notNull()
      .generatedAlwaysAs(sql`coalesce((handling_conditions->>'sensitive')::boolean, false)`),
    parentId: uuid("parent_id").references((): AnyPgColumn => requests.id, { onDelete: "set null" }),
    parentRelation: parentRelation("parent_relation"),
    createdAt: tstz("created_at").notNull(),
    updatedAt: tstz("updated_at").notNull(),
    sentAt: tstz("sent_at"),
    ackDueAt: tstz("ack_due_at"),
    acknowledgedAt: tstz("acknowledged_at"),
    answerDueAt: tstz("answer_due_at"),
    answeredAt: tstz("answered_at"),
    closedAt: tstz("closed_at"),
    remindedAt: tstz("reminded_at"),
    escalatedAt: tstz("escalated_at"),
    /** Preservation: the day the data were preserved and the day the preservation ends. */
    preservedOn: date("preserved_on", { mode: "string" }),
    preservationExpiresOn: date("preservation_expires_on", { mode: "string" }),
    preservationWarnedAt: tstz("preservation_warned_at"),
    feedbackRating: feedbackRating("feedback_rating"),
    feedbackComment: text("feedback_comment"),
    feedbackAt: tstz("feedback_at"),
    /**
     * Set by the retention purge (retention.ts): the content, identifiers, names and messages are
     * gone; the row stays as a skeleton (number, type, Parties, state, times) for the statistics.
     */
    purgedAt: tstz("purged_at"),
    /** The period that applied: counted from the request's end ("final") or its last activity ("open"). */
    purgeRule: jsonb("purge_rule").$type<{ basis: "final" | "open"; days: number }>(),
    /**
     * When an open, unpurged request becomes overdue: the first of its deadlines that applies (the
     * acknowledgement's while it is unacknowledged, the answer's). Null when nothing is due. Kept
     * by PostgreSQL from the columns it reads, so that "overdue now" is one range of one index.
     */
    dueAt: tstz("due_at").generatedAlwaysAs(
      sql`case when state in ('sent', 'acknowledged', 'in_progress') and purged_at is null
               then least(case when state = 'sent' then ack_due_at end, answer_due_at) end`,
    ),
  },
  (t) => [
    index("requests_inbox_idx").on(t.requestedPartyId, t.state, t.sentAt),
    index("requests_outbox_idx").on(t.senderPartyId, t.state, t.createdAt),
    // Inbox and sent lists in the order they are shown (emergencies first, then the newest): the
    // first page is read from the index, not sorted out of all the Party's rows.
    index("requests_inbox_order_idx")
      .on(t.requestedPartyId, t.emergency.desc().nullsFirst(), sql`(coalesce(${t.sentAt}, ${t.createdAt})) desc`)
      .where(sql`state <> 'draft'`),
    index("requests_outbox_order_idx")
      .on(t.senderPartyId, t.emergency.desc().nullsFirst(), sql`(coalesce(${t.sentAt}, ${t.createdAt})) desc`)
      .where(sql`state <> 'draft'`),
    // The list counts (a box's total, the four tabs) of a Party with thousands of requests are
    // read from these alone (index-only scans): every column the counts and the policies use.
    index("requests_inbox_counts_idx")
      .on(
        t.requestedPartyId,
        t.state,
        t.type,
        t.senderPartyId,
        t.ackDueAt,
        t.answerDueAt,
        t.purgedAt,
        t.sensitive,
        t.id,
      )
      .where(sql`state <> 'draft'`),
    index("requests_sender_counts_idx").on(
      t.senderPartyId,
      t.state,
      t.type,
      t.requestedPartyId,
      t.ackDueAt,
      t.answerDueAt,
      t.purgedAt,
      t.sensitive,
      t.id,
    ),
    // The sensitive ones, which the kept counts (request_counts) leave out: counted live, under the
    // policies, from these (a few rows per Party).
    index("requests_inbox_sensitive_idx")
      .on(t.requestedPartyId, t.state, t.id)
      .where(sql`sensitive and state <> 'draft'`),
    index("requests_sender_sensitive_idx").on(t.senderPartyId, t.state, t.id).where(sql`sensitive`),
    // The open requests not yet overdue (few: the recent ones), by the deadline that comes first.
    // The overdue count is those with a deadline (kept in request_counts) less these: it reads a
    // handful of rows, not the thousands of open ones a Party may have.
    index("requests_inbox_due_idx").on(t.requestedPartyId, t.dueAt).where(sql`due_at is not null`),
    index("requests_sender_due_idx").on(t.senderPartyId, t.dueAt).where(sql`due_at is not null`),
    index("requests_parent_idx").on(t.parentId),
    // The reminder job looks for sent requests past their acknowledgement deadline.
    index("requests_ack_due_idx").on(t.ackDueAt).where(sql`state = 'sent'`),
  ],
);

/**
 * How many requests each Party has received and sent, by state: the non-sensitive ones only,
 * kept by a trigger on requests (migration 0032) so that a Party's list counts are read from a
 * few rows instead of counting its thousands of requests on every listing. Sensitive requests are
 * counted live, since who may see each one depends on the viewer. Written only by the trigger.
 * No foreign key: the row of a Party is never deleted while it has requests.
 */
export const requestCounts = pgTable(
  "request_counts",
  {
    partyId: uuid("party_id").notNull(),
    side: text("side", { enum: ["received", "sent"] }).notNull(),
    state: requestState("state").notNull(),
    n: bigint("n", { mode: "number" }).notNull(),
    /** Of those, the ones with a deadline ahead or past (`due_at` set): for the overdue count. */
    due: bigint("due", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.partyId, t.side, t.state] })],
);

/**
 * A counter per Party and side, moved at the commit of every change to that side's requests or to
 * their assignments (migration 0035): an instance that kept a listing of the box under a version
 * gives it again only while the version is the same (listing-cache.ts). Written only by triggers.
 */
export const requestBoxVersions = pgTable(
  "request_box_versions",
  {
    partyId: uuid("party_id").notNull(),
    side: text("side", { enum: ["received", "sent"] }).notNull(),
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.partyId, t.side] })],
);

/**
 * The timeline: every transition (with the platform's signed receipt), reminder, escalation,
 * message and feedback, append-only.
 */
export const requestEvents = pgTable(
  "request_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Steps made in the same instant keep the order they were made in. */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    at: tstz("at").notNull(),
    kind: timelineKind("kind").notNull(),
    fromState: requestState("from_state"),
    toState: requestState("to_state"),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorPartyId: uuid("actor_party_id").references(() => parties.id),
    /** Free text a person wrote (a transition's note, a feedback's rating). */
    note: text("note"),
    /** What the platform observed (minutes, institution, date, file name), rendered in the reader's language. */
    facts: jsonb("facts").$type<TimelineFacts>(),
    /** Compact JWS signed with the platform key: who, what, when. */
    receipt: text("receipt"),
  },
  (t) => [index("request_events_request_idx").on(t.requestId, t.at)],
);

export const requestMessages = pgTable(
  "request_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    at: tstz("at").notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id),
    /**
     * Plain text of messages written before bodies were encrypted: sealed into `sealed` and
     * emptied at start (sealing.ts), so it is null on every row once Vigil has started.
     */
    body: text("body"),
    /** The body sealed with AES-256-GCM (vault/keyring.ts), bound to the message's id. */
    keyId: text("key_id"),
    sealed: bytea("sealed"),
  },
  (t) => [
    index("request_messages_request_idx").on(t.requestId, t.at),
    check("request_messages_body_kept", sql`${t.sealed} is not null or ${t.body} is not null`),
  ],
);

/**
 * The sender's corrections of a sent request's form (SAP Art. 14(3)): the request's content holds
 * the form as corrected; each row keeps which fields changed, their earlier and new values, who
 * corrected and why, so the history of what was sent can always be shown. Purged with the content.
 */
export const requestCorrections = pgTable(
  "request_corrections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    at: tstz("at").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorPartyId: uuid("actor_party_id")
      .notNull()
      .references(() => parties.id),
    reason: text("reason").notNull(),
    changes: jsonb("changes").$type<{ path: string; before: unknown; after: unknown }[]>().notNull(),
  },
  (t) => [index("request_corrections_request_idx").on(t.requestId, t.at)],
);

/** A user's personal iCalendar feed of deadlines: the secret is in the URL, stored as SHA-256. */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: tstz("created_at").notNull(),
});

/**
 * Files attached to a request. The content is sealed with AES-256-GCM (vault/keyring.ts), bound to
 * the attachment's id; the name, type, size and hash stay readable for lists and checks.
 */
export const requestAttachments = pgTable(
  "request_attachments",
  {
    id: uuid("id").primaryKey(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    at: tstz("at").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id),
    filename: text("filename").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    /** SHA-256 of the plain content: both sides can check they hold the same file. */
    sha256: text("sha256").notNull(),
    keyId: text("key_id").notNull(),
    sealed: bytea("sealed").notNull(),
  },
  (t) => [index("request_attachments_request_idx").on(t.requestId, t.at)],
);

/**
 * How long each request type's content is kept (shared/retention.ts explains the two periods).
 * One row per type, seeded with the defaults by the migration; the Secretariat changes them.
 */
export const retentionPeriods = pgTable(
  "retention_periods",
  {
    type: requestType("type").primaryKey(),
    daysAfterFinal: integer("days_after_final").notNull(),
    daysIfOpen: integer("days_if_open").notNull(),
    updatedAt: tstz("updated_at"),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  // The same bounds as the API's (shared/retention.ts): a slip in SQL cannot purge everything at once.
  (t) => [
    check(
      "retention_periods_days",
      sql`${t.daysAfterFinal} between 30 and 3650 and ${t.daysIfOpen} between 30 and 3650`,
    ),
  ],
);

/**
 * Who handles a request on each side (need to know, SAP Art. 14(4) and 14(8)): the sender's user
 * from the start, on the requested side whoever acknowledges or takes it, or the officer a Party
 * admin assigns. Removing a handler stamps `removed_at`: the rows are the history. A side without
 * a current handler is handled by all its Party's officers and admins (access.ts).
 */
export const requestAssignments = pgTable(
  "request_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The handler's Party: the side they handle it for. */
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id),
    assignedAt: tstz("assigned_at").notNull(),
    assignedBy: uuid("assigned_by").references(() => users.id, { onDelete: "set null" }),
    removedAt: tstz("removed_at"),
    removedBy: uuid("removed_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("request_assignments_request_idx").on(t.requestId, t.partyId),
    // One current assignment per person and request.
    uniqueIndex("request_assignments_current_idx").on(t.requestId, t.userId).where(sql`removed_at is null`),
  ],
);

/**
 * A purpose given by a user of one of the two Parties who does not handle the request, before
 * opening it (SAP Art. 14(8)): it lets that user open that request until `expires_at`, and each
 * read meanwhile is logged with it. Kept server-side, one row per purpose given.
 */
export const requestAccessPurposes = pgTable(
  "request_access_purposes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: accessReason("reason").notNull(),
    /** What the user wrote: required for "other", optional otherwise. */
    note: text("note"),
    givenAt: tstz("given_at").notNull(),
    expiresAt: tstz("expires_at").notNull(),
  },
  (t) => [index("request_access_purposes_user_idx").on(t.userId, t.requestId, t.expiresAt)],
);

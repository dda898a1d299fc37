import { z } from "zod";
import { Email, TimeZone } from "./auth";
import { type Art35Function, E164, Iso2, IsoDate, LanguageCode } from "./directory";

/**
 * Requests between contact points: the T-CY templates (preservation Art. 29, subscriber
 * information Art. 31) and the other kinds of Article 35 assistance, as one set of schemas used by
 * the server and the web forms. The blocks every template opens with (requesting authority,
 * contact for confirmation, handling conditions) are written once below.
 */

// ---------------------------------------------------------------------------------------------
// Kinds of request
// ---------------------------------------------------------------------------------------------

export const REQUEST_TYPES = [
  "preservation",
  "traffic_disclosure",
  "subscriber_information",
  "emergency_disclosure",
  "emergency_mutual_assistance",
  "technical_advice",
  "legal_information",
  "locating_suspects",
  "collection_of_evidence",
  "other",
] as const;
export const RequestType = z.enum(REQUEST_TYPES, { message: "Unknown request type" });
export type RequestType = z.infer<typeof RequestType>;

export type RequestTypeInfo = {
  /** The legal basis printed on the request. */
  basis: string;
  /** The contact point function that fits it (routing); null: any contact point. */
  fn: Art35Function | null;
  /** Second Additional Protocol request: routed to contact points that handle them. */
  sap: boolean;
  /** Always an emergency (SAP Art. 3: imminent risk to the life or safety of a person). */
  emergency: boolean;
  /** At least one identifier a provider can act on is required. */
  needsIdentifier: boolean;
};

export const REQUEST_TYPE_INFO: Record<RequestType, RequestTypeInfo> = {
  preservation: {
    basis: "Budapest Convention, Article 29",
    fn: "preservation",
    sap: false,
    emergency: false,
    needsIdentifier: true,
  },
  traffic_disclosure: {
    basis: "Budapest Convention, Article 30",
    fn: "preservation",
    sap: false,
    emergency: false,
    needsIdentifier: true,
  },
  subscriber_information: {
    basis: "Budapest Convention, Article 31",
    fn: "collection_of_evidence",
    sap: false,
    emergency: false,
    needsIdentifier: true,
  },
  emergency_disclosure: {
    basis: "Second Additional Protocol, Article 9",
    fn: null,
    sap: true,
    emergency: true,
    needsIdentifier: true,
  },
  emergency_mutual_assistance: {
    basis: "Second Additional Protocol, Article 10",
    fn: null,
    sap: true,
    emergency: true,
    needsIdentifier: false,
  },
  technical_advice: {
    basis: "Budapest Convention, Article 35(1)(a)",
    fn: "technical_advice",
    sap: false,
    emergency: false,
    needsIdentifier: false,
  },
  legal_information: {
    basis: "Budapest Convention, Article 35(1)",
    fn: "legal_information",
    sap: false,
    emergency: false,
    needsIdentifier: false,
  },
  locating_suspects: {
    basis: "Budapest Convention, Article 35(1)(c)",
    fn: "locating_suspects",
    sap: false,
    emergency: false,
    needsIdentifier: false,
  },
  collection_of_evidence: {
    basis: "Budapest Convention, Article 35(1)(c)",
    fn: "collection_of_evidence",
    sap: false,
    emergency: false,
    needsIdentifier: false,
  },
  other: { basis: "Budapest Convention, Article 35", fn: null, sap: false, emergency: false, needsIdentifier: false },
};

/** How a request relates to an earlier one (the templates' "request status"). */
export const PARENT_RELATIONS = ["extension", "mla_follow_up", "follow_up"] as const;
export const ParentRelation = z.enum(PARENT_RELATIONS);
export type ParentRelation = z.infer<typeof ParentRelation>;

/** Which parent relations each type may have, and of which parent type. */
export const ALLOWED_PARENTS: Partial<Record<RequestType, { relation: ParentRelation; parentTypes: RequestType[] }[]>> =
  {
    preservation: [{ relation: "extension", parentTypes: ["preservation"] }],
    traffic_disclosure: [{ relation: "follow_up", parentTypes: ["preservation"] }],
    subscriber_information: [
      { relation: "follow_up", parentTypes: ["preservation", "subscriber_information"] },
      { relation: "mla_follow_up", parentTypes: ["preservation"] },
    ],
    emergency_mutual_assistance: [{ relation: "mla_follow_up", parentTypes: ["preservation", "emergency_disclosure"] }],
    collection_of_evidence: [{ relation: "mla_follow_up", parentTypes: ["preservation"] }],
  };

// ---------------------------------------------------------------------------------------------
// Identifiers a provider can act on
// ---------------------------------------------------------------------------------------------

/** A text the template requires, with the message saying what to give. */
const required = (max: number, message: string) => z.string().trim().min(1, message).max(max);
/** An optional text: absent is the empty string. */
const text = (max: number) => z.string().trim().max(max).default("");

/** A local date and time, to the minute or second, without an offset: "2026-11-21T02:14". */
const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
/** The same with an offset or Z: "2026-11-21T02:14:00+01:00". */
const OFFSET_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const IpIdentifier = z
  .object({
    kind: z.literal("ip"),
    value: z.union([z.ipv4(), z.ipv6()], { message: "Not a valid IPv4 or IPv6 address" }),
    /** Source port: providers behind carrier-grade NAT need it. */
    port: z
      .number()
      .int()
      .min(0)
      .max(65535)
      .nullish()
      .transform((p) => p ?? null),
    /** When the address was used: local time plus a time zone, or a time with its offset. */
    observedAt: z.string().trim().min(1, "Give the date and time the address was used"),
    timeZone: TimeZone.nullish().transform((t) => t ?? null),
    note: text(500),
  })
  .superRefine((ip, ctx) => {
    if (OFFSET_DATETIME.test(ip.observedAt)) return;
    if (!LOCAL_DATETIME.test(ip.observedAt)) {
      ctx.addIssue({ code: "custom", path: ["observedAt"], message: "Date and time must be YYYY-MM-DDTHH:MM" });
    } else if (!ip.timeZone) {
      // An IP address is shared by many subscribers over time: without the zone, an hour's error
      // points the provider at someone else.
      ctx.addIssue({
        code: "custom",
        path: ["timeZone"],
        message: "Give the time zone of the date and time (an IP address without it identifies no one)",
      });
    }
  });

const Hostname = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "Not a valid domain name");

export const Identifier = z.discriminatedUnion(
  "kind",
  [
    IpIdentifier,
    z.object({ kind: z.literal("email"), value: Email, note: text(500) }),
    z.object({
      kind: z.literal("account"),
      value: required(300, "Give the account or user name"),
      service: required(200, "Name the service the account is on"),
      note: text(500),
    }),
    z.object({ kind: z.literal("domain"), value: Hostname, note: text(500) }),
    z.object({
      kind: z.literal("url"),
      value: z.url({ protocol: /^https?$/, message: "Not a valid http(s) address" }).max(2000),
      note: text(500),
    }),
    z.object({ kind: z.literal("phone"), value: E164, note: text(500) }),
  ],
  { message: "Unknown identifier kind: use ip, email, account, domain, url or phone" },
);
export type Identifier = z.infer<typeof Identifier>;
export type IdentifierInput = z.input<typeof Identifier>;
export const IDENTIFIER_KINDS = ["ip", "email", "account", "domain", "url", "phone"] as const;

// ---------------------------------------------------------------------------------------------
// The blocks every template opens with
// ---------------------------------------------------------------------------------------------

export const REPLY_CHANNELS = ["vigil", "email", "phone", "secure_channel", "other"] as const;

export const RequestingAuthority = z.object({
  organisation: required(300, "Name the requesting organisation"),
  personInCharge: required(200, "Name the person in charge"),
  address: text(1000),
  phone: E164,
  mobile: E164.nullish().transform((p) => p ?? null),
  email: Email,
  fax: E164.nullish().transform((p) => p ?? null),
  /** "Mon–Fri 08:00–18:00", in `timeZone`. */
  officeHours: required(300, "Give the office hours"),
  timeZone: TimeZone,
  preferredReply: z.enum(REPLY_CHANNELS).default("vigil"),
});
export type RequestingAuthority = z.infer<typeof RequestingAuthority>;

export const ConfirmationContact = z.object({
  name: required(200, "Name the person to contact for confirmation"),
  jobTitle: text(200),
  function: text(200),
  phone: E164,
  mobile: E164.nullish().transform((p) => p ?? null),
  email: Email,
});
export type ConfirmationContact = z.infer<typeof ConfirmationContact>;

export const ONWARD_SHARING = ["prohibited", "with_prior_authorisation", "within_investigation"] as const;

/** Set by the sender, shown on every view of the request (SAP Art. 14(2) and 14(10)). */
export const HandlingConditions = z.object({
  purpose: required(2000, "State the purpose: the investigation or proceedings the data are for"),
  useLimits: text(2000),
  onwardSharing: z.enum(ONWARD_SHARING).default("with_prior_authorisation"),
  /** Do not notify the subscriber or account holder. */
  confidential: z.boolean().default(true),
  /** Special categories of personal data: access narrows to the people handling it. */
  sensitive: z.boolean().default(false),
});
export type HandlingConditions = z.infer<typeof HandlingConditions>;

// ---------------------------------------------------------------------------------------------
// The substance, per type
// ---------------------------------------------------------------------------------------------

const offence = required(500, "Name the offence");
const facts = required(10_000, "Summarise the facts");
const DateRange = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((r) => r.from <= r.to, { message: "The period ends before it starts", path: ["to"] });

export const PreservationDetails = z.object({
  offence,
  facts,
  dataToPreserve: required(5000, "Say which stored data are to be preserved"),
  relationToOffence: required(5000, "Say how the data relate to the offence"),
  custodian: required(1000, "Name the provider (custodian) or where the computer system is"),
  necessity: required(5000, "Say why preservation is necessary"),
  period: DateRange.nullish().transform((p) => p ?? null),
  mlaToFollow: z.literal(true, { message: "Article 29(2) requires that a mutual assistance request will follow" }),
});

export const TrafficDisclosureDetails = z.object({
  offence,
  facts,
  trafficDataSought: required(5000, "Say which traffic data are sought"),
  provider: required(1000, "Name the provider"),
});

export const SubscriberDetails = z.object({
  offence,
  facts,
  investigativeAuthority: text(500),
  prosecutionOrCourt: text(1000),
  legalBasis: required(2000, "Give the domestic legal basis"),
  dataSought: required(5000, "Say which subscriber information is sought"),
  relevance: required(5000, "Say why the data are relevant"),
  provider: required(1000, "Name the provider"),
  neededBy: IsoDate.nullish().transform((d) => d ?? null),
});

export const EmergencyDetails = z.object({
  provider: required(1000, "Name the provider holding the data"),
  offence,
  provisionsAndPenalties: required(2000, "Give the legal provisions and the penalties"),
  emergencyFacts: required(10_000, "Give the facts showing the emergency (imminent risk to life or safety)"),
  dataLink: required(5000, "Say how the data sought relate to the emergency"),
  dataSought: required(5000, "Say which data are sought"),
  instructions: text(2000),
});

export const AssistanceDetails = z.object({
  subject: required(300, "Give a subject"),
  details: required(10_000, "Describe the assistance sought"),
});

// ---------------------------------------------------------------------------------------------
// A request as the sender writes it
// ---------------------------------------------------------------------------------------------

const Parent = z.object({ requestId: z.uuid("Not a request id"), relation: ParentRelation });

const Base = z.object({
  requestedParty: Iso2,
  /** A specific contact point; when absent Vigil routes (functions, primary first). */
  contactPointId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  language: LanguageCode,
  /** The sender's reference or case number. */
  reference: required(100, "Give your reference or case number"),
  emergency: z.boolean().default(false),
  /** A training exercise: the full workflow, labelled everywhere, in no statistic, purged after it closes. */
  exercise: z.boolean().default(false),
  /** For emergencies: the answer is needed by then (default: 24 hours after sending). */
  answerNeededBy: z.iso
    .datetime({ offset: true })
    .nullish()
    .transform((d) => d ?? null),
  parent: Parent.nullish().transform((p) => p ?? null),
  requestingAuthority: RequestingAuthority,
  confirmationContact: ConfirmationContact,
  handlingConditions: HandlingConditions,
  identifiers: z.array(Identifier).max(50, "At most 50 identifiers per request").default([]),
});

const withType = <T extends RequestType, D extends z.ZodType>(type: T, details: D) =>
  Base.extend({ type: z.literal(type), details });

export const RequestContent = z
  .discriminatedUnion(
    "type",
    [
      withType("preservation", PreservationDetails),
      withType("traffic_disclosure", TrafficDisclosureDetails),
      withType("subscriber_information", SubscriberDetails),
      withType("emergency_disclosure", EmergencyDetails),
      withType("emergency_mutual_assistance", EmergencyDetails),
      withType("technical_advice", AssistanceDetails),
      withType("legal_information", AssistanceDetails),
      withType("locating_suspects", AssistanceDetails),
      withType("collection_of_evidence", AssistanceDetails),
      withType("other", AssistanceDetails),
    ],
    { message: "Unknown request type" },
  )
  .superRefine((r, ctx) => {
    const info = REQUEST_TYPE_INFO[r.type];
    if (info.needsIdentifier && r.identifiers.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["identifiers"],
        message: "Give at least one identifier (IP address with time and zone, account, e-mail, domain, URL or phone)",
      });
    }
    if (r.parent) {
      const allowed = ALLOWED_PARENTS[r.type]?.some((a) => a.relation === r.parent?.relation);
      if (!allowed) {
        ctx.addIssue({
          code: "custom",
          path: ["parent", "relation"],
          message: `A ${r.type} request cannot be a ${r.parent.relation}`,
        });
      }
    }
  });
export type RequestContent = z.infer<typeof RequestContent>;
export type RequestContentInput = z.input<typeof RequestContent>;

/** A draft may be incomplete: only its type is required; the rest is checked when it is sent. */
export const DraftBody = z.object({
  type: RequestType,
  requestedParty: Iso2.nullish().transform((v) => v ?? null),
  /** The form as it stands; at most 256 KB. */
  content: z
    .record(z.string(), z.unknown())
    .refine((c) => JSON.stringify(c).length <= 256 * 1024, { message: "The draft is too large (256 KB at most)" }),
});
export type DraftBody = z.infer<typeof DraftBody>;

// ---------------------------------------------------------------------------------------------
// Workflow
// ---------------------------------------------------------------------------------------------

export const REQUEST_STATES = [
  "draft",
  "sent",
  "acknowledged",
  "in_progress",
  "executed",
  "partially_executed",
  "refused",
  "closed",
] as const;
export const RequestState = z.enum(REQUEST_STATES);
export type RequestState = z.infer<typeof RequestState>;

export const OUTCOME_STATES = ["executed", "partially_executed", "refused"] as const;

/** What the requested side does next. */
export const TransitionBody = z.discriminatedUnion(
  "to",
  [
    z.object({ to: z.literal("acknowledged"), note: text(2000) }),
    z.object({ to: z.literal("in_progress"), note: text(2000) }),
    z.object({
      to: z.literal("executed"),
      note: required(10_000, "Say what was done"),
      /** Preservation: the day the data were preserved (the period runs from it). */
      preservedOn: IsoDate.nullish().transform((d) => d ?? null),
    }),
    z.object({
      to: z.literal("partially_executed"),
      note: required(10_000, "Say what was done and what was not"),
      preservedOn: IsoDate.nullish().transform((d) => d ?? null),
    }),
    z.object({ to: z.literal("refused"), note: required(10_000, "Give the reason for refusing") }),
    z.object({ to: z.literal("closed"), note: text(2000) }),
  ],
  { message: "Unknown state: use acknowledged, in_progress, executed, partially_executed, refused or closed" },
);
export type TransitionBody = z.infer<typeof TransitionBody>;

export const FEEDBACK_RATINGS = ["useful", "partly_useful", "not_useful"] as const;
export const FeedbackBody = z.object({
  rating: z.enum(FEEDBACK_RATINGS),
  comment: text(5000),
});
export type FeedbackBody = z.infer<typeof FeedbackBody>;

export const MessageBody = z.object({ body: required(20_000, "Write a message") });
export type MessageBody = z.infer<typeof MessageBody>;

/**
 * The blocks of a sent request's form its sender may correct (SAP Art. 14(3)). The Party, type,
 * language, urgency and earlier request are not among them: they decided where the request went
 * and its deadlines, so changing them is a new request.
 */
export const CORRECTABLE_BLOCKS = [
  "reference",
  "requestingAuthority",
  "confirmationContact",
  "details",
  "identifiers",
  "handlingConditions",
] as const;
export type CorrectableBlock = (typeof CORRECTABLE_BLOCKS)[number];

/** A correction: the whole form as corrected (only CORRECTABLE_BLOCKS are taken from it) and why. */
export const CorrectionBody = z.object({
  content: RequestContent,
  reason: required(2000, "Say what was wrong and what the correction changes"),
});
export type CorrectionBody = z.infer<typeof CorrectionBody>;

/** One field a correction changed, with its value before and after (null: it was or became empty). */
export const FieldChange = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof FieldChange>;

export const Correction = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  party: z.string().nullable(),
  actor: z.string().nullable(),
  reason: z.string(),
  changes: z.array(FieldChange),
});
export type Correction = z.infer<typeof Correction>;

// ---------------------------------------------------------------------------------------------
// What the API returns
// ---------------------------------------------------------------------------------------------

export const PartyBrief = z.object({ iso2: z.string(), nameEn: z.string(), nameFr: z.string() });

export const ContactPointBrief = z.object({
  id: z.uuid(),
  institution: z.string(),
  unit: z.string().nullable(),
  isPrimary: z.boolean(),
  available247: z.boolean(),
  timeZone: z.string(),
  languages: z.array(z.string()),
  instructions: z.string().nullable(),
});
export type ContactPointBrief = z.infer<typeof ContactPointBrief>;

/** What the sender should know before sending; the client words each code in its own language. */
export const ROUTE_WARNINGS = [
  "no_contact_point",
  "language_not_accepted",
  "sap_not_handled",
  "function_not_listed",
  "not_a_party",
  // SAP Art. 14(15): the sender's Party suspended transfers to the requested one, or the reverse.
  "transfers_suspended",
  "transfers_suspended_by_party",
] as const;
export type RouteWarningCode = (typeof ROUTE_WARNINGS)[number];

/** Where a request to a Party would go, and what the sender should know first. */
export const RoutePreview = z.object({
  party: PartyBrief,
  contactPoint: ContactPointBrief.nullable(),
  /** The next in line if the first does not acknowledge in time. */
  secondary: ContactPointBrief.nullable(),
  /** `message` is the English wording, for API clients. */
  warnings: z.array(z.object({ code: z.enum(ROUTE_WARNINGS), message: z.string() })),
  /** The requested Party's target (its legal profile), else the Network default. */
  ackTargetMinutes: z.number().int(),
  preservationDays: z.number().int().nullable(),
});
export type RoutePreview = z.infer<typeof RoutePreview>;

export const RouteQuery = z.object({
  party: Iso2,
  type: RequestType,
  language: LanguageCode.optional(),
  /** A request the sender marks as an emergency: its acknowledgement target is the emergency one. */
  emergency: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

export const TIMELINE_KINDS = [
  "created",
  "sent",
  "transition",
  "reminder",
  "escalation",
  "message",
  "feedback",
  "preservation_warning",
  // SAP Art. 14(10): asking the sender to let data go on to a third State or organisation, and its answer.
  "onward_transfer_asked",
  "onward_transfer_authorised",
  "onward_transfer_refused",
  // Need to know: who handles the request on a side (taken, acknowledged, assigned by an admin, removed).
  "assigned",
  "unassigned",
  // SAP Art. 14(3): the sender corrected the form it sent; the earlier values are kept.
  "corrected",
] as const;

/**
 * What the platform observed at a step it made itself, as data rather than a sentence, so that
 * each reader gets it in their own language: a reminder (minutes waited, who was reminded), an
 * escalation (who was alerted; null when the Party has no other contact point), a preservation
 * warning (the end date), an attachment (its file name).
 */
export const TimelineFacts = z
  .object({
    minutes: z.number().int().optional(),
    institution: z.string().nullable().optional(),
    expiresOn: IsoDate.optional(),
    attachment: z.string().optional(),
    /** Who was assigned or removed (the step's actor is who did it: the same person when they took it). */
    assignee: z.string().optional(),
    /** A correction: which fields of the form changed ("details.facts", "identifiers"). */
    fields: z.array(z.string()).optional(),
  })
  .strict();
export type TimelineFacts = z.infer<typeof TimelineFacts>;

export const TimelineEntry = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  kind: z.enum(TIMELINE_KINDS),
  fromState: RequestState.nullable(),
  toState: RequestState.nullable(),
  party: z.string().nullable(),
  actor: z.string().nullable(),
  /** Free text a person wrote: a transition's note, or a feedback's rating. */
  note: z.string().nullable(),
  facts: TimelineFacts.nullable(),
  /** A receipt signed by the platform (compact JWS), for transitions. */
  receipt: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const RequestMessage = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  party: z.string(),
  author: z.string(),
  body: z.string(),
});
export type RequestMessage = z.infer<typeof RequestMessage>;

export const AttachmentInfo = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  party: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
export type AttachmentInfo = z.infer<typeof AttachmentInfo>;

/**
 * A request whose content the retention purge removed: when, and which period applied (counted
 * from the request's end, "final", or from its last activity while it stayed open, "open").
 */
export const PurgeInfo = z.object({
  at: z.iso.datetime(),
  basis: z.enum(["final", "open"]),
  days: z.number().int(),
});
export type PurgeInfo = z.infer<typeof PurgeInfo>;

// ---------------------------------------------------------------------------------------------
// Need to know: handlers, and the purpose asked of anyone else (SAP Art. 14(4), 14(8))
// ---------------------------------------------------------------------------------------------

/** Why someone who does not handle a request opens it. */
export const ACCESS_REASONS = ["covering", "supervision", "data_protection_review", "other"] as const;
export const AccessReason = z.enum(ACCESS_REASONS, { message: "Choose why you open this request" });
export type AccessReason = z.infer<typeof AccessReason>;

/** A purpose lets its user open the request for one duty shift. */
export const PURPOSE_HOURS = 12;
export const PURPOSE_NOTE_MAX = 500;

export const PurposeBody = z
  .object({
    reason: AccessReason,
    note: text(PURPOSE_NOTE_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.reason === "other" && v.note === "") {
      ctx.addIssue({ code: "custom", path: ["note"], message: "Say why you open this request" });
    }
  });
export type PurposeBody = z.infer<typeof PurposeBody>;
export type PurposeBodyInput = z.input<typeof PurposeBody>;

/** Assign an officer of one's own Party (a Party admin), or oneself when `userId` is left out ("take it"). */
export const AssignBody = z.object({ userId: z.uuid("Not a user id").optional() });
export type AssignBody = z.infer<typeof AssignBody>;

export const Handler = z.object({
  userId: z.uuid(),
  name: z.string(),
  /** The side they handle it for, by ISO code. */
  party: z.string(),
  since: z.iso.datetime(),
});
export type Handler = z.infer<typeof Handler>;

export const RequestSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  type: RequestType,
  state: RequestState,
  emergency: z.boolean(),
  /** A training exercise (shown as such on every view, in no statistic). */
  exercise: z.boolean(),
  direction: z.enum(["sent", "received"]),
  reference: z.string(),
  from: PartyBrief,
  to: PartyBrief.nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  ackDueAt: z.iso.datetime().nullable(),
  answerDueAt: z.iso.datetime().nullable(),
  preservationExpiresOn: z.string().nullable(),
  overdue: z.boolean(),
  /** When the retention purge removed its content (its skeleton stays for the statistics). */
  purgedAt: z.iso.datetime().nullable(),
  /** The sender marked it as holding special categories of data: only its handlers open it. */
  sensitive: z.boolean(),
});
export type RequestSummary = z.infer<typeof RequestSummary>;

export const RequestDetail = RequestSummary.extend({
  content: z.record(z.string(), z.unknown()),
  handlingConditions: HandlingConditions.nullable(),
  contactPoint: ContactPointBrief.nullable(),
  parent: z.object({ id: z.uuid(), number: z.string(), relation: ParentRelation }).nullable(),
  children: z.array(z.object({ id: z.uuid(), number: z.string(), type: RequestType, relation: ParentRelation })),
  acknowledgedAt: z.iso.datetime().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  /** Minutes from sending to acknowledgement and to answer. */
  minutesToAcknowledge: z.number().nullable(),
  minutesToAnswer: z.number().nullable(),
  preservedOn: z.string().nullable(),
  feedback: z.object({ rating: z.enum(FEEDBACK_RATINGS), comment: z.string(), at: z.iso.datetime() }).nullable(),
  timeline: z.array(TimelineEntry),
  messages: z.array(RequestMessage),
  attachments: z.array(AttachmentInfo),
  /** The sender's corrections of the form, oldest first, each with the values it replaced. */
  corrections: z.array(Correction),
  /** What the viewer may do now. */
  actions: z.array(z.string()),
  /** Set once the retention purge removed the content: the page says so instead of failing. */
  purged: PurgeInfo.nullable(),
  /** Who handles it now, on each side. */
  handlers: z.array(Handler),
  /** When the viewer is no handler and opened it with a purpose: that purpose and until when. */
  openedFor: z.object({ reason: AccessReason, note: z.string().nullable(), until: z.iso.datetime() }).nullable(),
  /** For a Party admin: the officers of their Party they may assign (empty for anyone else). */
  assignable: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type RequestDetail = z.infer<typeof RequestDetail>;

export const BOXES = ["inbox", "outbox", "drafts"] as const;
export const ListQuery = z.object({
  box: z.enum(BOXES).default("inbox"),
  type: RequestType.optional(),
  state: RequestState.optional(),
  party: Iso2.optional(),
  overdue: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const RequestList = z.object({
  items: z.array(RequestSummary),
  total: z.number().int(),
  counts: z.object({
    inbox: z.number().int(),
    outbox: z.number().int(),
    drafts: z.number().int(),
    overdue: z.number().int(),
  }),
});
export type RequestList = z.infer<typeof RequestList>;

/** Default acknowledgement targets: defined beside the legal profile, which may override them. */
export { ACK_TARGET_MINUTES } from "./directory";
/** Emergencies without a date from the sender must be answered within this time. */
export const EMERGENCY_ANSWER_HOURS = 24;
/** Article 29(7): a preservation lasts at least 60 days. */
export const MIN_PRESERVATION_DAYS = 60;
/** Warn this long before a preservation expires if no mutual assistance request followed. */
export const PRESERVATION_WARNING_DAYS = 14;

/** What the Secretariat sees of requests: counts and timings per Party, never content. */
export const OverviewQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const PartyRequestFigures = z.object({
  party: PartyBrief,
  sent: z.number().int(),
  received: z.number().int(),
  open: z.number().int(),
  emergencies: z.number().int(),
  /** Median minutes from sending to acknowledgement / to answer, of requests this Party received. */
  medianMinutesToAcknowledge: z.number().nullable(),
  medianMinutesToAnswer: z.number().nullable(),
});
export const RequestOverview = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  totals: z.object({ sent: z.number().int(), open: z.number().int(), emergencies: z.number().int() }),
  byType: z.array(z.object({ type: RequestType, count: z.number().int() })),
  parties: z.array(PartyRequestFigures),
});
export type RequestOverview = z.infer<typeof RequestOverview>;

import { z } from "zod";
import { Email, TimeZone } from "./auth";
import { isLanguageCode } from "./languages";

// ---------------------------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------------------------

export const CONTACT_POINT_TYPES = [
  "police",
  "prosecution",
  "ministry_of_justice",
  "security_service",
  "cybersecurity",
  "other",
] as const;
export const ContactPointType = z.enum(CONTACT_POINT_TYPES);
export type ContactPointType = z.infer<typeof ContactPointType>;

export const PARTY_STATUSES = ["party", "signatory", "observer"] as const;
export const PartyStatus = z.enum(PARTY_STATUSES);
export type PartyStatus = z.infer<typeof PartyStatus>;

/** Article 35 functions a contact point may perform. */
export const ART35_FUNCTIONS = [
  "technical_advice",
  "preservation",
  "collection_of_evidence",
  "legal_information",
  "locating_suspects",
] as const;
export const Art35Function = z.enum(ART35_FUNCTIONS);
export type Art35Function = z.infer<typeof Art35Function>;

export const NETWORKS = ["budapest_art35", "un_art41", "g7", "interpol"] as const;
export const Network = z.enum(NETWORKS);
export type Network = z.infer<typeof Network>;

/** T-CY templates a Party accepts (see domain.md). */
export const TEMPLATES = ["art29_preservation", "art30_disclosure", "art31_subscriber", "sap_art9_emergency"] as const;
export const Template = z.enum(TEMPLATES);

export const KEY_KINDS = ["openpgp", "smime"] as const;

// ---------------------------------------------------------------------------------------------
// Field formats (each message names what is wrong; the path names the field)
// ---------------------------------------------------------------------------------------------

/** E.164: "+" then 7 to 15 digits, no spaces. Demo and test data use the unassigned prefix +99. */
export const E164 = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s().-]/g, ""))
  .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, "Phone number must be in E.164 form, e.g. +99 21 555 0100"));

export const LanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isLanguageCode, { message: "Unknown ISO 639-1 language code" });

export const Iso2 = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Party code must be a two-letter ISO 3166 code");

/** "2026-02-28" is a date; "2026-02-30", "2026-13-01" and year 0000 (which PostgreSQL has not) are not. */
export function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && d.getUTCFullYear() >= 1;
}

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Date must be YYYY-MM-DD", abort: true })
  .refine(isCalendarDate, "No such date");

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Time must be HH:MM");

const note = z.string().trim().max(500).optional();

export const PhoneEntry = z.object({ number: E164, note, available247: z.boolean().default(false) });
export type PhoneEntry = z.infer<typeof PhoneEntry>;
export const EmailEntry = z.object({ address: Email, note });
export type EmailEntry = z.infer<typeof EmailEntry>;
export const ChannelEntry = z.object({ name: z.string().trim().min(1, "Channel name is required").max(200), note });
export type ChannelEntry = z.infer<typeof ChannelEntry>;

/** Opening hours: days are ISO weekdays (1 = Monday … 7 = Sunday), times local to the time zone. */
export const OpeningHoursRange = z.object({
  days: z.array(z.number().int().min(1).max(7)).min(1, "Pick at least one day"),
  from: HHMM,
  to: HHMM,
});
export const OpeningHours = z.array(OpeningHoursRange);
export type OpeningHours = z.infer<typeof OpeningHours>;

export const EncryptionKey = z.object({
  kind: z.enum(KEY_KINDS),
  /** OpenPGP fingerprint or certificate SHA-256 fingerprint, hex. */
  fingerprint: z
    .string()
    .trim()
    .transform((s) => s.replace(/[\s:]/g, "").toUpperCase())
    .pipe(z.string().regex(/^[0-9A-F]{16,64}$/, "Fingerprint must be 16 to 64 hexadecimal digits")),
  expiresOn: IsoDate.nullable().default(null),
  /** The armored public key or PEM certificate, when the Party supplies it. */
  publicKey: z.string().max(20000).optional(),
  note,
});
export type EncryptionKey = z.infer<typeof EncryptionKey>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));

// ---------------------------------------------------------------------------------------------
// A contact point: the editable fields, with the rules that depend on its role
// ---------------------------------------------------------------------------------------------

export const ContactPointFieldsObject = z.object({
  isPrimary: z.boolean().default(false),
  type: ContactPointType,
  institution: z.string().trim().min(1, "Institution is required").max(300),
  unit: optionalText(300),
  address: optionalText(1000),
  phones: z.array(PhoneEntry).max(20).default([]),
  emails: z.array(EmailEntry).max(20).default([]),
  secureChannels: z.array(ChannelEntry).max(20).default([]),
  available247: z.boolean(),
  timeZone: TimeZone,
  openingHours: OpeningHours.nullish().transform((h) => (h?.length ? h : null)),
  outOfHours: optionalText(2000),
  languages: z.array(LanguageCode).min(1, "Give at least one working language").max(20),
  instructions: optionalText(5000),
  functions: z.array(Art35Function).max(ART35_FUNCTIONS.length).default([]),
  handlesSap: z.boolean().default(false),
  mlaCoordination: optionalText(2000),
  networks: z.array(Network).max(NETWORKS.length).default([]),
  encryptionKeys: z.array(EncryptionKey).max(10).default([]),
  /** Observers (States invited to accede) see only entries the Secretariat shares with them. */
  sharedWithObservers: z.boolean().default(false),
});

/** Rules across fields. Kept in one function so server, import and forms apply the same ones. */
export function checkContactPoint(cp: z.infer<typeof ContactPointFieldsObject>, ctx: z.RefinementCtx): void {
  if (cp.phones.length === 0 && cp.emails.length === 0) {
    ctx.addIssue({ code: "custom", path: ["phones"], message: "Give at least one phone number or e-mail address" });
  }
  if (cp.isPrimary && !cp.available247) {
    ctx.addIssue({
      code: "custom",
      path: ["available247"],
      message: "The primary contact point must be reachable 24/7 (Article 35)",
    });
  }
  if (cp.available247 && !cp.phones.some((p) => p.available247)) {
    ctx.addIssue({
      code: "custom",
      path: ["phones"],
      message: "A 24/7 contact point needs at least one phone reachable 24/7",
    });
  }
  if (!cp.available247) {
    if (!cp.openingHours) {
      ctx.addIssue({ code: "custom", path: ["openingHours"], message: "Give the opening hours" });
    }
    if (!cp.outOfHours) {
      ctx.addIssue({ code: "custom", path: ["outOfHours"], message: "Say what to do outside opening hours" });
    }
  }
  if (new Set(cp.languages).size !== cp.languages.length) {
    ctx.addIssue({ code: "custom", path: ["languages"], message: "A language is listed twice" });
  }
}

export const ContactPointFields = ContactPointFieldsObject.superRefine(checkContactPoint);
export type ContactPointFields = z.infer<typeof ContactPointFields>;
export type ContactPointFieldsInput = z.input<typeof ContactPointFields>;

/** The comparable fields of a contact point, in display order (diffs and exports follow it). */
export const CONTACT_POINT_FIELD_NAMES = Object.keys(ContactPointFieldsObject.shape) as (keyof ContactPointFields)[];

// ---------------------------------------------------------------------------------------------
// Party and legal profile
// ---------------------------------------------------------------------------------------------

export const PartyFieldsObject = z.object({
  iso2: Iso2,
  nameEn: z.string().trim().min(1, "English name is required").max(200),
  nameFr: z.string().trim().min(1, "French name is required").max(200),
  altNames: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  status: PartyStatus.default("party"),
  conventionRatifiedOn: IsoDate.nullish().transform((d) => d ?? null),
  sapRatifiedOn: IsoDate.nullish().transform((d) => d ?? null),
});
export const PartyFields = PartyFieldsObject;
export type PartyFields = z.infer<typeof PartyFields>;

/**
 * Acknowledgement targets (minutes) of the Network, for a requested Party that set none: a sent
 * request not acknowledged in time is reminded, then escalated to the next contact point.
 */
export const ACK_TARGET_MINUTES = { normal: 60, emergency: 15 } as const;
/** The longest target a Party may set: a day, and four hours for emergencies. */
export const ACK_TARGET_MAX_MINUTES = { normal: 24 * 60, emergency: 240 } as const;

/** A target in whole minutes; empty means the Network default. */
const ackTarget = (max: number) =>
  z
    .number()
    .int("Give a whole number of minutes")
    .min(1)
    .max(max)
    .nullish()
    .transform((n) => n ?? null);

/** Per Party, what helps the "legal information" function. */
export const LegalProfileFieldsObject = z.object({
  providerRetention: optionalText(2000),
  preservationDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .nullish()
    .transform((n) => n ?? null),
  preservationExtendable: z
    .boolean()
    .nullish()
    .transform((b) => b ?? null),
  extensionNote: optionalText(2000),
  acceptedLanguages: z.array(LanguageCode).max(20).default([]),
  acceptedTemplates: z.array(Template).max(TEMPLATES.length).default([]),
  /** The Party's own acknowledgement targets (issue 5); null: the Network default. */
  ackTargetMinutes: ackTarget(ACK_TARGET_MAX_MINUTES.normal),
  emergencyAckTargetMinutes: ackTarget(ACK_TARGET_MAX_MINUTES.emergency),
  notes: optionalText(5000),
});

export const EMERGENCY_ACK_TARGET_TOO_LONG =
  "The emergency target cannot be longer than the normal acknowledgement target";

/**
 * Rules across fields, shared by the API, imports and the form. An emergency is never given
 * longer than a normal request: compared with the Party's normal target, or the Network default
 * when it set none (an emergency target of 120 minutes beside the default 60 would be one).
 */
export function checkLegalProfile(lp: z.infer<typeof LegalProfileFieldsObject>, ctx: z.RefinementCtx): void {
  // Zod runs this even when a field failed its own check: a value already reported there is not
  // compared again, which would only add a second, misleading message.
  const valid = (n: unknown, max: number) => n === null || (Number.isInteger(n) && Number(n) >= 1 && Number(n) <= max);
  if (
    !valid(lp.ackTargetMinutes, ACK_TARGET_MAX_MINUTES.normal) ||
    !valid(lp.emergencyAckTargetMinutes, ACK_TARGET_MAX_MINUTES.emergency)
  )
    return;
  const normal = lp.ackTargetMinutes ?? ACK_TARGET_MINUTES.normal;
  if (lp.emergencyAckTargetMinutes !== null && lp.emergencyAckTargetMinutes > normal) {
    ctx.addIssue({ code: "custom", path: ["emergencyAckTargetMinutes"], message: EMERGENCY_ACK_TARGET_TOO_LONG });
  }
}

/**
 * The acknowledgement targets that apply to requests sent to a Party: its own, else the Network's.
 * An emergency default longer than the Party's normal target (15 beside 10) gives way to it.
 * Accepts a profile from an older release, written before the targets existed (undefined).
 */
export function ackTargetsOf(lp: { ackTargetMinutes?: number | null; emergencyAckTargetMinutes?: number | null }): {
  normal: number;
  emergency: number;
} {
  const normal = lp.ackTargetMinutes ?? ACK_TARGET_MINUTES.normal;
  return { normal, emergency: Math.min(lp.emergencyAckTargetMinutes ?? ACK_TARGET_MINUTES.emergency, normal) };
}

export const LegalProfileFields = LegalProfileFieldsObject.superRefine(checkLegalProfile);
export type LegalProfileFields = z.infer<typeof LegalProfileFields>;
export const LEGAL_PROFILE_FIELD_NAMES = Object.keys(LegalProfileFieldsObject.shape) as (keyof LegalProfileFields)[];

// ---------------------------------------------------------------------------------------------
// What the API returns
// ---------------------------------------------------------------------------------------------

export const ContactPoint = ContactPointFieldsObject.extend({
  id: z.uuid(),
  partyId: z.uuid(),
  lastConfirmedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
  /** Not confirmed for STALE_AFTER_DAYS days: shown as stale to everyone. */
  stale: z.boolean(),
});
export type ContactPoint = z.infer<typeof ContactPoint>;

export const STALE_AFTER_DAYS = 180;
export const KEY_EXPIRY_WARNING_DAYS = 30;

export const PartySummary = z.object({
  id: z.uuid(),
  iso2: z.string().length(2),
  nameEn: z.string(),
  nameFr: z.string(),
  status: PartyStatus,
  contactPointCount: z.number().int(),
  /** Type of the primary contact point, null when the Party has none yet. */
  primaryType: ContactPointType.nullable(),
  /** Some entry of the Party is stale. */
  stale: z.boolean(),
});
export type PartySummary = z.infer<typeof PartySummary>;

export const PartyList = z.object({ parties: z.array(PartySummary) });
export type PartyList = z.infer<typeof PartyList>;

export const LegalProfile = LegalProfileFieldsObject.extend({ updatedAt: z.iso.datetime().nullable() });
export type LegalProfile = z.infer<typeof LegalProfile>;

export const PartyDetail = PartyFieldsObject.extend({
  id: z.uuid(),
  legalProfile: LegalProfile,
  contactPoints: z.array(ContactPoint),
  /** What the caller may do here; the UI never guesses from the role. */
  actions: z.object({ propose: z.boolean(), edit: z.boolean(), confirm: z.boolean() }),
});
export type PartyDetail = z.infer<typeof PartyDetail>;

// Search ------------------------------------------------------------------------------------

export const AVAILABILITY_FILTERS = ["any", "now"] as const;

export const SearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  type: ContactPointType.optional(),
  language: LanguageCode.optional(),
  function: Art35Function.optional(),
  /** "now": only contact points reachable at this moment (24/7 or within their hours). */
  availability: z.enum(AVAILABILITY_FILTERS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z.object({
  party: z.object({ id: z.uuid(), iso2: z.string(), nameEn: z.string(), nameFr: z.string() }),
  contactPoint: ContactPoint,
  score: z.number(),
  /** Open now: 24/7, or within its opening hours in its own time zone. */
  openNow: z.boolean(),
});
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchResult = z.object({ hits: z.array(SearchHit), total: z.number().int() });
export type SearchResult = z.infer<typeof SearchResult>;

// Proposals and review ----------------------------------------------------------------------

export const PROPOSAL_KINDS = [
  "create_contact_point",
  "update_contact_point",
  "remove_contact_point",
  "update_legal_profile",
] as const;
export const ProposalKind = z.enum(PROPOSAL_KINDS);
export type ProposalKind = z.infer<typeof ProposalKind>;
export const PROPOSAL_STATUSES = ["pending", "accepted", "rejected", "withdrawn"] as const;
export const ProposalStatus = z.enum(PROPOSAL_STATUSES);

export const ProposalBody = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("create_contact_point"), contactPoint: ContactPointFields, comment: optionalText(2000) }),
  z.object({
    kind: z.literal("update_contact_point"),
    contactPointId: z.uuid(),
    contactPoint: ContactPointFields,
    comment: optionalText(2000),
  }),
  z.object({ kind: z.literal("remove_contact_point"), contactPointId: z.uuid(), comment: optionalText(2000) }),
  z.object({ kind: z.literal("update_legal_profile"), legalProfile: LegalProfileFields, comment: optionalText(2000) }),
]);
export type ProposalBody = z.infer<typeof ProposalBody>;

/** One changed field: before and after, as JSON values. */
export const FieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof FieldChange>;

export const Proposal = z.object({
  id: z.uuid(),
  party: z.object({ id: z.uuid(), iso2: z.string(), nameEn: z.string(), nameFr: z.string() }),
  kind: ProposalKind,
  contactPointId: z.uuid().nullable(),
  status: ProposalStatus,
  comment: z.string().nullable(),
  changes: z.array(FieldChange),
  proposedBy: z.string(),
  proposedAt: z.iso.datetime(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  reason: z.string().nullable(),
  /** The entry changed since the proposal was made: the reviewer should look again. */
  outdated: z.boolean(),
});
export type Proposal = z.infer<typeof Proposal>;
export const ProposalList = z.object({ proposals: z.array(Proposal) });

export const ReviewBody = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("accept"), reason: optionalText(2000) }),
  z.object({
    decision: z.literal("reject"),
    reason: z.string().trim().min(1, "Give a reason for the rejection").max(2000),
  }),
]);
export type ReviewBody = z.infer<typeof ReviewBody>;

// Releases ----------------------------------------------------------------------------------

/** A release's version: "2024-12", or "2024-12.1" for a second one in the same month. */
export const ReleaseVersion = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(\.\d{1,3})?$/, "Version must look like 2024-12 or 2024-12.1");

export const PublishReleaseBody = z.object({
  version: ReleaseVersion,
  notes: z.string().trim().max(10000).default(""),
});

/** A contact point as written in a release document (the export and import format). */
export const ReleaseContactPoint = ContactPointFieldsObject.extend({
  id: z.uuid(),
  lastConfirmedAt: z.iso.datetime().nullable().default(null),
});
export type ReleaseContactPoint = z.infer<typeof ReleaseContactPoint>;

export const ReleaseParty = PartyFieldsObject.extend({
  legalProfile: LegalProfileFields,
  contactPoints: z.array(ReleaseContactPoint),
});
export type ReleaseParty = z.infer<typeof ReleaseParty>;

export const DIRECTORY_FORMAT = "vigil.directory/1";

/** The whole directory at one moment: what a release freezes and what JSON export/import carry. */
export const DirectoryDocument = z.object({
  format: z.literal(DIRECTORY_FORMAT),
  version: z.string().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  notes: z.string().default(""),
  parties: z.array(ReleaseParty),
});
export type DirectoryDocument = z.infer<typeof DirectoryDocument>;

export const ReleaseSummary = z.object({
  id: z.uuid(),
  version: z.string(),
  publishedAt: z.iso.datetime(),
  notes: z.string(),
  publishedBy: z.string(),
  partyCount: z.number().int(),
  contactPointCount: z.number().int(),
  sha256: z.string(),
});
export type ReleaseSummary = z.infer<typeof ReleaseSummary>;
export const ReleaseList = z.object({ releases: z.array(ReleaseSummary) });

export const PartyDiff = z.object({
  iso2: z.string(),
  nameEn: z.string(),
  nameFr: z.string(),
  change: z.enum(["added", "removed", "changed"]),
  partyChanges: z.array(FieldChange),
  legalProfileChanges: z.array(FieldChange),
  contactPoints: z.array(
    z.object({
      id: z.uuid(),
      institution: z.string(),
      unit: z.string().nullable(),
      change: z.enum(["added", "removed", "changed"]),
      changes: z.array(FieldChange),
    }),
  ),
});
export type PartyDiff = z.infer<typeof PartyDiff>;

export const ReleaseComparison = z.object({
  from: z.string().nullable(),
  to: z.string(),
  parties: z.array(PartyDiff),
  /** "Benin: new contact point at Centre National d'Investigations Numériques" — one line each. */
  developments: z.array(z.object({ iso2: z.string(), en: z.string(), fr: z.string() })),
});
export type ReleaseComparison = z.infer<typeof ReleaseComparison>;

export const EXPORT_FORMATS = ["json", "csv", "vcard", "pdf", "docx"] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const SigningKeyInfo = z.object({
  kid: z.string(),
  alg: z.literal("EdDSA"),
  /** The public key as a JWK (OKP, Ed25519) and as PEM, for national systems to pin. */
  jwk: z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string(), kid: z.string() }),
  pem: z.string(),
  createdAt: z.iso.datetime(),
});
export type SigningKeyInfo = z.infer<typeof SigningKeyInfo>;

// Freshness and completeness ------------------------------------------------------------------

export const CompletenessRow = z.object({
  party: z.object({ id: z.uuid(), iso2: z.string(), nameEn: z.string(), nameFr: z.string() }),
  contactPointCount: z.number().int(),
  staleCount: z.number().int(),
  oldestConfirmation: z.iso.datetime().nullable(),
  /** "phones", "legalProfile.preservationDays", … per contact point or the Party. */
  missing: z.array(z.object({ contactPointId: z.uuid().nullable(), field: z.string() })),
  expiringKeys: z.array(z.object({ contactPointId: z.uuid(), fingerprint: z.string(), expiresOn: z.string() })),
  lastReminderAt: z.iso.datetime().nullable(),
});
export type CompletenessRow = z.infer<typeof CompletenessRow>;
export const CompletenessReport = z.object({ rows: z.array(CompletenessRow) });

// Import --------------------------------------------------------------------------------------

export const IMPORT_FORMATS = ["json", "csv", "docx"] as const;
export const ImportBody = z.object({
  format: z.enum(IMPORT_FORMATS),
  fileName: z.string().trim().max(255).optional(),
  /** The file's bytes, base64-encoded (JSON bodies carry the DOCX too). */
  contentBase64: z.string().min(1, "The file is empty").max(14_000_000, "The file is larger than 10 MB"),
});
export type ImportBody = z.infer<typeof ImportBody>;

export const ImportRowError = z.object({
  /** Line in a CSV file (1 = header), row of the Word table (1 = header), or entry number in JSON. */
  line: z.number().int(),
  field: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportPreview = z.object({
  ok: z.boolean(),
  errors: z.array(ImportRowError),
  /** What applying the file would change, in the same shape as a comparison of releases. */
  parties: z.array(PartyDiff),
  counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
  /** Hash of the file and of the directory it was compared with: apply refuses if either moved. */
  previewToken: z.string(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
export const ImportApplyBody = ImportBody.extend({ previewToken: z.string().min(1) });

// Freshness -------------------------------------------------------------------------------------
export const ConfirmResult = z.object({ confirmedAt: z.iso.datetime(), contactPoints: z.number().int() });
export const RemindResult = z.object({ remindedAt: z.iso.datetime(), recipients: z.number().int() });

import { z } from "zod";
import { AccessLogEntry, AccessSummary } from "./access-log";
import { IsoDate } from "./directory";
import { HandlingConditions, IDENTIFIER_KINDS, PartyBrief, RequestState, RequestType } from "./requests";
import { RetentionRule } from "./retention";
import { OnwardTransfer } from "./transfers";

/**
 * Transparency and access (SAP Art. 14(11–12)) and oversight (14(13–14)): a "data-protection copy"
 * of one request, or of every request of a Party that names a person, and each Party's report for
 * a period. Produced by a Party's admin or its auditor (policy: dataProtection.copies / .report).
 */

export const COPY_FORMATS = ["json", "pdf"] as const;
export const REPORT_FORMATS = ["csv", "pdf"] as const;
const Lang = z.enum(["en", "fr"]).default("en");

export const CopyQuery = z.object({ format: z.enum(COPY_FORMATS).default("json"), lang: Lang });
export type CopyQuery = z.infer<typeof CopyQuery>;

/** A person's identifier (an IP address, an e-mail, an account…) or name, as it appears in requests. */
export const PersonTerm = z
  .string()
  .trim()
  .min(3, "Give at least 3 characters of the person's identifier or name")
  .max(300, "At most 300 characters");

export const PersonCopyQuery = CopyQuery.extend({ q: PersonTerm });
export type PersonCopyQuery = z.infer<typeof PersonCopyQuery>;

/** What kinds of personal data a request holds, and how many items of each. */
export const COPY_CATEGORIES = [
  "identifiers",
  "requesting_authority",
  "confirmation_contact",
  "case_facts",
  "messages",
  "attachments",
  // SAP Art. 14(3) and (12): earlier values the sender corrected, kept in the request's history.
  "corrections",
] as const;
export type CopyCategory = (typeof COPY_CATEGORIES)[number];

/** What the retention purge removed from a request (what is left: number, type, Parties, state, dates). */
export const PURGED_ITEMS = [
  "content",
  "identifiers",
  "handling_conditions",
  "messages",
  "attachments",
  "timeline_notes",
  "onward_transfer_details",
] as const;

export const DataProtectionCopy = z.object({
  request: z.object({
    id: z.uuid(),
    number: z.string(),
    type: RequestType,
    state: RequestState,
    emergency: z.boolean(),
    /** From the producing Party's side. */
    direction: z.enum(["sent", "received"]),
    reference: z.string().nullable(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    answeredAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
  }),
  /** The article the request is made under (its type's legal basis). */
  legalBasis: z.string(),
  purpose: z.string().nullable(),
  handlingConditions: HandlingConditions.nullable(),
  dataCategories: z.array(z.object({ category: z.enum(COPY_CATEGORIES), count: z.number().int() })),
  identifiers: z.array(z.object({ kind: z.enum(IDENTIFIER_KINDS), value: z.string(), detail: z.string() })),
  /** The period that applies and the day it ends; null once purged. */
  retention: z
    .object({
      basis: z.enum(["final", "open"]),
      days: z.number().int(),
      since: z.iso.datetime(),
      endsOn: IsoDate,
      rule: RetentionRule,
    })
    .nullable(),
  recipients: z.object({
    sender: PartyBrief,
    requested: PartyBrief.nullable(),
    /** The requested Party's contact point that received it. */
    contactPoint: z.object({ institution: z.string(), unit: z.string().nullable() }).nullable(),
    /** Onward transfers asked, authorised or refused (SAP Art. 14(10)). */
    onwardTransfers: z.array(OnwardTransfer),
  }),
  /** Who opened, printed, downloaded or copied it (the access log). */
  accesses: z.array(AccessLogEntry),
  /** When the requested Party refused it, and the reason it gave. */
  refusal: z.object({ at: z.iso.datetime(), party: z.string().nullable(), reason: z.string().nullable() }).nullable(),
  /** Once the retention purge ran: when, under which period, and what went. */
  purged: z
    .object({
      at: z.iso.datetime(),
      basis: z.enum(["final", "open"]),
      days: z.number().int(),
      removed: z.array(z.enum(PURGED_ITEMS)),
    })
    .nullable(),
  /** In a person's copy: where in this request the person's identifier or name appears. */
  matchedIn: z.array(z.string()),
});
export type DataProtectionCopy = z.infer<typeof DataProtectionCopy>;

/** The heading of one copy or of a person's copies. */
export const CopyHeader = z.object({
  producedAt: z.iso.datetime(),
  producedBy: z.string(),
  party: PartyBrief,
});

export const RequestCopy = CopyHeader.extend({ copy: DataProtectionCopy });
export type RequestCopy = z.infer<typeof RequestCopy>;

export const PersonCopies = CopyHeader.extend({
  query: z.string(),
  copies: z.array(DataProtectionCopy),
  /** At most this many requests are copied in one go; `truncated` says more matched. */
  truncated: z.boolean(),
  /** Purged requests of the Party: their content is gone, so a person can no longer be found in them. */
  purgedNotSearchable: z.number().int(),
});
export type PersonCopies = z.infer<typeof PersonCopies>;

// ---------------------------------------------------------------------------------------------
// The Party's report
// ---------------------------------------------------------------------------------------------

export const ReportQuery = z
  .object({ from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "The period ends before it starts", path: ["to"] });
export type ReportQuery = z.infer<typeof ReportQuery>;

export const ReportExportQuery = z
  .object({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    format: z.enum(REPORT_FORMATS).default("csv"),
    lang: Lang,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "The period ends before it starts", path: ["to"] });
export type ReportExportQuery = z.infer<typeof ReportExportQuery>;

export const DataProtectionReport = z.object({
  party: PartyBrief,
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  producedAt: z.iso.datetime(),
  /** The access log's counts (Art. 14(8)). */
  access: AccessSummary,
  /** Requests sent and received in the period (by the day sent), and purged in it (Art. 14(5)). */
  requests: z.object({ sent: z.number().int(), received: z.number().int(), purged: z.number().int() }),
  /** Onward transfers of the Party's requests (Art. 14(10)): asked, and decided, in the period. */
  onwardTransfers: z.object({ asked: z.number().int(), authorised: z.number().int(), refused: z.number().int() }),
  /** Suspensions (Art. 14(15)) made by the Party, made against it, and lifted, in the period. */
  suspensions: z.object({ byParty: z.number().int(), ofParty: z.number().int(), lifted: z.number().int() }),
  /** Security incidents naming the Party (Art. 14(7)) detected in the period, and of those still open. */
  incidents: z.object({ recorded: z.number().int(), open: z.number().int() }),
  /** Data-protection copies the Party's users produced (Art. 14(11–12)), and their searches for a person. */
  copies: z.object({ copies: z.number().int(), personSearches: z.number().int() }),
});
export type DataProtectionReport = z.infer<typeof DataProtectionReport>;

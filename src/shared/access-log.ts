import { z } from "zod";
import { IsoDate } from "./directory";
import { AccessReason } from "./requests";

/** What a consultation or disclosure was: the audit actions a Party's access log shows. */
export const ACCESS_KINDS = [
  "read",
  "exported",
  "attachment_downloaded",
  "onward_transfers_read",
  "release_exported",
  /** Someone who does not handle a request said why they open it (then each read carries it). */
  "purpose_given",
  /** A data-protection copy of the request (SAP Art. 14(11–12)): a disclosure to the person concerned. */
  "copy_produced",
] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

export const AccessLogQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Only the other Party's users, or only one's own. */
  by: z.enum(["all", "own", "other"]).default("all"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;

export const AccessLogEntry = z.object({
  /** The audit entry's number in the chain. */
  id: z.number().int(),
  at: z.iso.datetime(),
  kind: z.enum(ACCESS_KINDS),
  /** The account's e-mail at the time (kept if the account is removed later). */
  who: z.string().nullable(),
  /** The Party of the person (or API token), by ISO code; null for the Secretariat. */
  party: z.string().nullable(),
  /** The request's number, or the directory release's version. */
  target: z.string().nullable(),
  /** Why it was opened, when the reader does not handle it: the reason chosen… */
  reason: AccessReason.nullable(),
  /** …and what they wrote (required for "other"). */
  purpose: z.string().nullable(),
  /** An export's format (pdf, docx, json…). */
  format: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

/** The data-protection report of one Party for the period: the log's counts. */
export const AccessSummary = z.object({
  reads: z.number().int(),
  exports: z.number().int(),
  downloads: z.number().int(),
  byOtherParty: z.number().int(),
  people: z.number().int(),
});

export const AccessLog = z.object({
  party: z.string(),
  entries: z.array(AccessLogEntry),
  total: z.number().int(),
  summary: AccessSummary,
});
export type AccessLog = z.infer<typeof AccessLog>;

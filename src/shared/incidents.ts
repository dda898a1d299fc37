import { z } from "zod";
import { Iso2 } from "./directory";

/**
 * Data-security incidents (Second Additional Protocol, Art. 14(7)): the Secretariat records what
 * happened and the Parties whose data it touched; each of them is told at once and reads the
 * record (its own incidents only). Shared by the server's routes and the web form.
 */

export const INCIDENT_STATUSES = ["open", "closed"] as const;

/**
 * How long a closed incident's words are kept (Art. 14(5)): five years after closing, long enough
 * for a supervisory authority's review of how it was handled (Art. 14(13)) and for the plenary's
 * reports; then the title, description, measures and updates' notes (which may name persons) are
 * removed and the rest stays. Reasons: docs/data-protection.md.
 */
export const INCIDENT_RETENTION_DAYS = 1825;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/** What kind of data the incident touched: the categories a Party needs to assess its own duties. */
export const INCIDENT_DATA_CATEGORIES = [
  "request_content",
  "messages",
  "attachments",
  "directory_entries",
  "user_accounts",
  "audit_records",
  "other",
] as const;
export const IncidentDataCategory = z.enum(INCIDENT_DATA_CATEGORIES, { message: "Unknown category of data" });
export type IncidentDataCategory = z.infer<typeof IncidentDataCategory>;

/** "2026-000123": the numbers requests are quoted by. */
export const RequestNumber = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{6}$/, "A request number looks like 2026-000123");

const required = (max: number, message: string) => z.string().trim().min(1, message).max(max);

export const IncidentInput = z.object({
  title: required(200, "Give the incident a short title"),
  detectedAt: z.iso.datetime({ offset: true, message: "Give the date and time it was detected" }),
  description: required(20_000, "Say what happened"),
  dataCategories: z
    .array(IncidentDataCategory)
    .min(1, "Choose at least one category of data affected")
    .max(INCIDENT_DATA_CATEGORIES.length)
    .refine((c) => new Set(c).size === c.length, { message: "A category is listed twice" }),
  affectedParties: z
    .array(Iso2)
    .min(1, "Name at least one affected Party")
    .max(200)
    .refine((p) => new Set(p).size === p.length, { message: "A Party is listed twice" }),
  /** Optional: the requests known to be affected. */
  requestNumbers: z
    .array(RequestNumber)
    .max(500)
    .default([])
    .refine((n) => new Set(n).size === n.length, { message: "A request number is listed twice" }),
  measures: required(20_000, "Say what was done to contain it and what follows"),
});
export type IncidentInput = z.infer<typeof IncidentInput>;
export type IncidentInputRaw = z.input<typeof IncidentInput>;

/** A later update: what was learnt or done since, and possibly a change of status. */
export const IncidentUpdateInput = z.object({
  note: required(20_000, "Say what is new"),
  status: IncidentStatus.optional(),
  /** Parties found affected since: they are told like the first ones. */
  addParties: z
    .array(Iso2)
    .max(200)
    .default([])
    .refine((p) => new Set(p).size === p.length, { message: "A Party is listed twice" }),
});
export type IncidentUpdateInput = z.infer<typeof IncidentUpdateInput>;

export const IncidentUpdate = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  author: z.string(),
  note: z.string(),
  /** The status this update set, when it changed it. */
  status: IncidentStatus.nullable(),
});

export const IncidentParty = z.object({
  iso2: z.string(),
  nameEn: z.string(),
  nameFr: z.string(),
  /** When its members were told (the record's creation, or when the Party was added). */
  notifiedAt: z.iso.datetime(),
});

export const Incident = z.object({
  id: z.uuid(),
  title: z.string(),
  detectedAt: z.iso.datetime(),
  recordedAt: z.iso.datetime(),
  recordedBy: z.string(),
  description: z.string(),
  dataCategories: z.array(IncidentDataCategory),
  /** A Party sees only itself here; the Secretariat every affected Party. */
  affectedParties: z.array(IncidentParty),
  /** A Party sees only the numbers of its own requests. */
  requestNumbers: z.array(z.string()),
  measures: z.string(),
  status: IncidentStatus,
  closedAt: z.iso.datetime().nullable(),
  /** When the retention purge removed its words (INCIDENT_RETENTION_DAYS after closing). */
  purgedAt: z.iso.datetime().nullable(),
  updates: z.array(IncidentUpdate),
});
export type Incident = z.infer<typeof Incident>;

export const IncidentSummary = Incident.pick({
  id: true,
  title: true,
  detectedAt: true,
  recordedAt: true,
  status: true,
  closedAt: true,
  purgedAt: true,
}).extend({ parties: z.array(z.string()), updates: z.number().int() });
export type IncidentSummary = z.infer<typeof IncidentSummary>;

export const IncidentList = z.object({ items: z.array(IncidentSummary) });
export type IncidentList = z.infer<typeof IncidentList>;

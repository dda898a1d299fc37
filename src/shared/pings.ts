import { z } from "zod";
import { ContactPointType, Iso2 } from "./directory";
import { Region } from "./regions";

/**
 * Ping tests of responsiveness (issue 7): the Secretariat pings contact points, each answers by a
 * one-time link or in Vigil, and the report counts how many Parties answered within each time.
 * Shared by the server's routes and the web forms.
 */

/** The source document's table (T-CY, 7 June 2023): 15 min, 30 min, 1 h, 12 h, 24 h, 48 h, 3 days, 6 days. */
export const DEFAULT_BUCKETS_MINUTES = [15, 30, 60, 720, 1440, 2880, 4320, 8640] as const;
/** Reminders to those who have not answered, in minutes after the ping went out. */
export const DEFAULT_REMINDER_MINUTES = [60, 1440] as const;
/** How long an acknowledgement link works. */
export const LINK_VALIDITY_DAYS = 7;
const LINK_VALIDITY_MINUTES = LINK_VALIDITY_DAYS * 1440;
/** The furthest ahead a campaign may be scheduled. */
export const MAX_SCHEDULE_DAYS = 90;

export const CAMPAIGN_STATUSES = ["scheduled", "running", "closed"] as const;
export const CampaignStatus = z.enum(CAMPAIGN_STATUSES);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

export const ANSWER_VIAS = ["link", "app", "phone"] as const;
export const AnswerVia = z.enum(ANSWER_VIAS);
export type AnswerVia = z.infer<typeof AnswerVia>;

const unique = <T>(a: readonly T[]) => new Set(a).size === a.length;
const ascending = (a: readonly number[]) => a.every((v, i) => i === 0 || v > (a[i - 1] as number));

/** Which contact points: every one, or those of the Parties, types and regions given (all that apply). */
export const PingSelection = z.object({
  parties: z.array(Iso2).max(300).default([]).refine(unique, { message: "A Party is listed twice" }),
  types: z.array(ContactPointType).max(10).default([]).refine(unique, { message: "A type is listed twice" }),
  regions: z.array(Region).max(10).default([]).refine(unique, { message: "A region is listed twice" }),
});
export type PingSelection = z.infer<typeof PingSelection>;
export type PingSelectionInput = z.input<typeof PingSelection>;

const When = z.iso.datetime({ offset: true, message: "Give a date and time" });

/**
 * Now; at a given time; or at a moment the server draws at random within a window (nights and
 * week-ends tested for real): the drawn moment is not shown until the ping has gone.
 */
export const PingSchedule = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("now") }),
  z.object({ mode: z.literal("at"), at: When }),
  z
    .object({ mode: z.literal("window"), from: When, to: When })
    .refine((w) => Date.parse(w.to) - Date.parse(w.from) >= 60_000, {
      message: "The window must end at least a minute after it starts",
      path: ["to"],
    }),
]);
export type PingSchedule = z.infer<typeof PingSchedule>;

const Minutes = (max: number) =>
  z.number().int("Whole minutes").min(1, "At least one minute").max(max, `At most ${max} minutes`);

export const PingCampaignInput = z.object({
  title: z.string().trim().min(1, "Give the ping test a title").max(200),
  selection: PingSelection,
  schedule: PingSchedule,
  /** Reminders to contact points that have not answered, minutes after the ping went out (none: []). */
  reminderMinutes: z
    .array(Minutes(LINK_VALIDITY_MINUTES - 1))
    .max(5, "At most five reminders")
    .default([...DEFAULT_REMINDER_MINUTES])
    .refine(ascending, { message: "List the reminders from the earliest, each once" }),
  /** The report's rows: "less than N minutes", ascending. */
  buckets: z
    .array(Minutes(LINK_VALIDITY_MINUTES))
    .min(1, "Give at least one time")
    .max(20)
    .default([...DEFAULT_BUCKETS_MINUTES])
    .refine(ascending, { message: "List the times from the shortest, each once" }),
});
export type PingCampaignInput = z.infer<typeof PingCampaignInput>;
export type PingCampaignInputRaw = z.input<typeof PingCampaignInput>;

export const PingPreview = z.object({
  parties: z.number().int(),
  contactPoints: z.number().int(),
  /** E-mail addresses that will each get their own link. */
  addresses: z.number().int(),
  /** Contact points with no e-mail address: reached only in Vigil. */
  withoutEmail: z.number().int(),
});
export type PingPreview = z.infer<typeof PingPreview>;

export const PingProgress = z.object({
  parties: z.number().int(),
  contactPoints: z.number().int(),
  /** Messages queued to the contact points' addresses. */
  sent: z.number().int(),
  /** Messages the mail server accepted. */
  delivered: z.number().int(),
  /** Messages the mail server refused for good. */
  failed: z.number().int(),
  acknowledgedContactPoints: z.number().int(),
  acknowledgedParties: z.number().int(),
});
export type PingProgress = z.infer<typeof PingProgress>;

export const PingCampaign = z.object({
  id: z.uuid(),
  title: z.string(),
  status: CampaignStatus,
  mode: z.enum(["now", "at", "window"]),
  /** For a random window: its bounds; the moment drawn stays hidden until it has passed. */
  windowFrom: z.iso.datetime().nullable(),
  windowTo: z.iso.datetime().nullable(),
  /** When it goes (mode "at"), or went; null for a window not yet fired. */
  scheduledAt: z.iso.datetime().nullable(),
  firedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  selection: PingSelection,
  reminderMinutes: z.array(z.number().int()),
  remindersSent: z.number().int(),
  buckets: z.array(z.number().int()),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  progress: PingProgress,
});
export type PingCampaign = z.infer<typeof PingCampaign>;

export const PingCampaignList = z.object({ items: z.array(PingCampaign) });
export type PingCampaignList = z.infer<typeof PingCampaignList>;

/** One contact point in the report. */
export const PingReportContactPoint = z.object({
  targetId: z.uuid(),
  party: Iso2,
  partyNameEn: z.string(),
  partyNameFr: z.string(),
  institution: z.string(),
  type: ContactPointType,
  timeZone: z.string(),
  /** When the first message to it was handed to the mail server (the clock starts then). */
  handedOverAt: z.iso.datetime().nullable(),
  /** The wall-clock time at the contact point when the ping arrived: "2023-06-07 03:14" in its zone. */
  localArrival: z.string().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  responseSeconds: z.number().int().nullable(),
  via: AnswerVia.nullable(),
  answeredBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type PingReportContactPoint = z.infer<typeof PingReportContactPoint>;

export const PingReportRow = z.object({
  /** "Less than N minutes". */
  minutes: z.number().int(),
  /** Cumulative count. */
  count: z.number().int(),
  /** New in this row ("+11"). */
  added: z.number().int(),
});
export type PingReportRow = z.infer<typeof PingReportRow>;

export const PingReportView = z.object({
  total: z.number().int(),
  rows: z.array(PingReportRow),
  answered: z.number().int(),
  /** Answered, but after the last row's time. */
  later: z.number().int(),
  unanswered: z.number().int(),
});
export type PingReportView = z.infer<typeof PingReportView>;

export const PingReportParty = z.object({
  party: Iso2,
  nameEn: z.string(),
  nameFr: z.string(),
  /** The time of its fastest contact point; null when none answered. */
  responseSeconds: z.number().int().nullable(),
});
export type PingReportParty = z.infer<typeof PingReportParty>;

export const PingReport = z.object({
  campaign: PingCampaign,
  /** Parties counted at their fastest contact point (the source document's table). */
  parties: PingReportView,
  contactPoints: PingReportView,
  partyResults: z.array(PingReportParty),
  nonResponders: z.array(PingReportParty),
  contactPointResults: z.array(PingReportContactPoint),
});
export type PingReport = z.infer<typeof PingReport>;

/** A Party's results across campaigns, newest first. */
export const PingPartyHistory = z.object({
  party: Iso2,
  nameEn: z.string(),
  nameFr: z.string(),
  items: z.array(
    z.object({
      campaignId: z.uuid(),
      title: z.string(),
      firedAt: z.iso.datetime(),
      responseSeconds: z.number().int().nullable(),
      contactPoints: z.number().int(),
      answeredContactPoints: z.number().int(),
    }),
  ),
});
export type PingPartyHistory = z.infer<typeof PingPartyHistory>;

/** The Network across campaigns, oldest first: each campaign's cumulative Party counts. */
export const PingTrend = z.object({
  items: z.array(
    z.object({
      campaignId: z.uuid(),
      title: z.string(),
      firedAt: z.iso.datetime(),
      parties: z.number().int(),
      answered: z.number().int(),
      rows: z.array(PingReportRow),
    }),
  ),
});
export type PingTrend = z.infer<typeof PingTrend>;

/** What an acknowledgement link leads to; a GET of it records nothing. */
export const PING_LINK_STATES = ["valid", "answered", "expired", "closed", "unknown"] as const;
export const PingLinkState = z.enum(PING_LINK_STATES);
export type PingLinkState = z.infer<typeof PingLinkState>;

export const PingLinkStatus = z.object({
  state: PingLinkState,
  /** Known for a link that exists: whom it is for, so the person sees they are in the right place. */
  party: Iso2.nullable(),
  partyNameEn: z.string().nullable(),
  partyNameFr: z.string().nullable(),
  institution: z.string().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
});
export type PingLinkStatus = z.infer<typeof PingLinkStatus>;

export const PingAcknowledgeInput = z.object({
  name: z.string().trim().min(1, "Give your name").max(200),
});
export type PingAcknowledgeInput = z.infer<typeof PingAcknowledgeInput>;

/** An answer the Secretariat received by phone (or another way), recorded with a note. */
export const PingPhoneAnswerInput = z.object({
  targetId: z.uuid("Not a contact point of this ping test"),
  at: When,
  name: z.string().trim().min(1, "Give the name of the person who answered").max(200),
  note: z.string().trim().min(1, "Say how the answer came (a note)").max(2000),
});
export type PingPhoneAnswerInput = z.infer<typeof PingPhoneAnswerInput>;

/** A ping waiting for an answer from the signed-in officer's Party. */
export const OpenPing = z.object({
  targetId: z.uuid(),
  campaignId: z.uuid(),
  firedAt: z.iso.datetime(),
  institution: z.string(),
  type: ContactPointType,
});
export const OpenPingList = z.object({ items: z.array(OpenPing) });
export type OpenPingList = z.infer<typeof OpenPingList>;

export const PingAcknowledged = z.object({ acknowledgedAt: z.iso.datetime(), responseSeconds: z.number().int() });
export type PingAcknowledged = z.infer<typeof PingAcknowledged>;

/** "Less than 30 minutes", "Less than 12 hours", "Less than 3 days" from a row's minutes. */
export function bucketUnit(minutes: number): { value: number; unit: "minutes" | "hours" | "days" } {
  if (minutes % 1440 === 0 && minutes >= 4320) return { value: minutes / 1440, unit: "days" };
  if (minutes % 60 === 0 && minutes > 60) return { value: minutes / 60, unit: "hours" };
  return { value: minutes, unit: "minutes" };
}

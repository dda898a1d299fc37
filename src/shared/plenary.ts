import { z } from "zod";
import { Email, Locale } from "./auth";
import { ContactPointType, IsoDate } from "./directory";
import { PingReportRow } from "./pings";
import { REQUEST_TYPES } from "./requests";

/*
 * The plenary's figures (issue 9): annual meetings, capacity building, the plenary report and the
 * statistics page. The same schemas validate the API and the web forms.
 */

const text = (max: number) => z.string().trim().min(1, "Required").max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

/** ISO 3166 alpha-2 of a country (a Party's or an observer State's). */
export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Country must be a two-letter ISO 3166 code");

/** A period of days, both ends included; `from` not after `to`. */
export const Period = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((p) => p.from <= p.to, { message: "The period must end on or after its start", path: ["to"] });
export type Period = z.infer<typeof Period>;

// Annual meetings ---------------------------------------------------------------------------

export const PARTICIPANT_KINDS = ["party", "observer", "organisation"] as const;
export const ParticipantKind = z.enum(PARTICIPANT_KINDS);
export type ParticipantKind = z.infer<typeof ParticipantKind>;

export const ATTENDANCE_MODES = ["in_person", "online"] as const;
export const AttendanceMode = z.enum(ATTENDANCE_MODES);
export type AttendanceMode = z.infer<typeof AttendanceMode>;

export const REGISTRATION_STATUSES = ["invited", "registered", "declined"] as const;
export const RegistrationStatus = z.enum(REGISTRATION_STATUSES);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

export const MeetingInput = z
  .object({
    title: text(200),
    startsOn: IsoDate,
    endsOn: IsoDate.optional(),
    place: text(200),
    notes: optionalText(4000),
  })
  .refine((m) => !m.endsOn || m.endsOn >= m.startsOn, { message: "Ends before it starts", path: ["endsOn"] });
export type MeetingInput = z.infer<typeof MeetingInput>;

/**
 * A delegate: invited, then registered (in person or online), then present or not. A Party's or
 * an observer State's delegate names its country; an international organisation's its name.
 */
export const RegistrationInput = z
  .object({
    name: text(200),
    email: Email.optional(),
    kind: ParticipantKind,
    country: CountryCode.optional(),
    organisation: optionalText(200),
    mode: AttendanceMode.default("in_person"),
    status: RegistrationStatus.default("invited"),
    attended: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    if (r.kind !== "organisation" && !r.country)
      ctx.addIssue({ code: "custom", path: ["country"], message: "A Party's or observer's delegate needs a country" });
    if (r.kind === "organisation" && !r.organisation)
      ctx.addIssue({ code: "custom", path: ["organisation"], message: "Name the international organisation" });
    if (r.attended && r.status !== "registered")
      ctx.addIssue({ code: "custom", path: ["attended"], message: "Only a registered delegate can attend" });
  });
export type RegistrationInput = z.infer<typeof RegistrationInput>;

export const AttendanceInput = z.object({
  status: RegistrationStatus.optional(),
  mode: AttendanceMode.optional(),
  attended: z.boolean().optional(),
});
export type AttendanceInput = z.infer<typeof AttendanceInput>;

export const Registration = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  kind: ParticipantKind,
  country: z.string().nullable(),
  organisation: z.string().nullable(),
  mode: AttendanceMode,
  status: RegistrationStatus,
  attended: z.boolean(),
});
export type Registration = z.infer<typeof Registration>;

/** "94 delegates (81 in person and 13 online), representing 59 countries (48 Parties and 11 Observers) and 4 international organisations". */
export const Participation = z.object({
  delegates: z.number().int(),
  inPerson: z.number().int(),
  online: z.number().int(),
  countries: z.number().int(),
  parties: z.number().int(),
  observers: z.number().int(),
  organisations: z.number().int(),
  invited: z.number().int(),
  registered: z.number().int(),
});
export type Participation = z.infer<typeof Participation>;

export const Meeting = z.object({
  id: z.uuid(),
  title: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  place: z.string(),
  notes: z.string().nullable(),
  participation: Participation,
});
export type Meeting = z.infer<typeof Meeting>;
export const MeetingList = z.object({ items: z.array(Meeting) });
export type MeetingList = z.infer<typeof MeetingList>;
export const MeetingDetail = Meeting.extend({ registrations: z.array(Registration) });
export type MeetingDetail = z.infer<typeof MeetingDetail>;

// Capacity building --------------------------------------------------------------------------

export const ACTIVITY_KINDS = [
  "contact_point_setup",
  "workshop",
  "study_visit",
  "regional_meeting",
  "training",
  "other",
] as const;
export const ActivityKind = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const ActivityInput = z
  .object({
    title: text(300),
    kind: ActivityKind,
    countries: z.array(CountryCode).max(60).default([]),
    startsOn: IsoDate,
    endsOn: IsoDate.optional(),
    project: optionalText(120),
    notes: optionalText(2000),
  })
  .refine((a) => !a.endsOn || a.endsOn >= a.startsOn, { message: "Ends before it starts", path: ["endsOn"] });
export type ActivityInput = z.infer<typeof ActivityInput>;

export const Activity = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: ActivityKind,
  countries: z.array(z.string()),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  project: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Activity = z.infer<typeof Activity>;
export const ActivityList = z.object({ items: z.array(Activity) });
export type ActivityList = z.infer<typeof ActivityList>;

// The plenary report --------------------------------------------------------------------------

export const PLENARY_FORMATS = ["pdf", "docx"] as const;
export const PlenaryReportInput = z
  .object({
    from: IsoDate,
    to: IsoDate,
    format: z.enum(PLENARY_FORMATS).default("pdf"),
    lang: Locale.default("en"),
    conclusions: z.string().max(8000).default(""),
  })
  .refine((p) => p.from <= p.to, { message: "The period must end on or after its start", path: ["to"] });
export type PlenaryReportInput = z.infer<typeof PlenaryReportInput>;

const PartyName = z.object({ iso2: z.string(), nameEn: z.string(), nameFr: z.string() });

/** Everything the report prints, computed from the data; the renderers add words only. */
export const PlenaryReport = z.object({
  from: IsoDate,
  to: IsoDate,
  contactPoints: z.object({
    /** The release the figures are read from, or null for the directory as it is now. */
    asOf: z.string().nullable(),
    parties: z.number().int(),
    moreThanOne: z.number().int(),
    total: z.number().int(),
    byType: z.array(z.object({ type: ContactPointType, count: z.number().int() })),
  }),
  developments: z.array(z.object({ iso2: z.string(), en: z.string(), fr: z.string() })),
  versions: z.object({
    count: z.number().int(),
    items: z.array(z.object({ version: z.string(), publishedAt: z.string(), parties: z.array(PartyName) })),
    parties: z.array(PartyName),
  }),
  pings: z
    .object({
      title: z.string(),
      firedAt: z.string(),
      parties: z.number().int(),
      rows: z.array(PingReportRow),
      unanswered: z.number().int(),
    })
    .nullable(),
  mlaProgress: z.object({ provided: z.number().int(), total: z.number().int() }).nullable(),
  meeting: z
    .object({ title: z.string(), place: z.string(), startsOn: IsoDate, participation: Participation })
    .nullable(),
  capacityBuilding: z.array(Activity),
  conclusions: z.string(),
});
export type PlenaryReport = z.infer<typeof PlenaryReport>;

// Statistics ---------------------------------------------------------------------------------

export const StatisticsQuery = z
  .object({ from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, {
    message: "The period must end on or after its start",
    path: ["to"],
  });

export const RequestTypeName = z.enum(REQUEST_TYPES);

/** Sent and received per Party and type: what "we now send more than we receive" is read from. */
export const RequestFlows = z.object({
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  /** "network": every Party (the Secretariat); "party": the caller's own Party's rows only. */
  scope: z.enum(["network", "party"]),
  network: z.object({
    sent: z.number().int(),
    medianMinutesToAcknowledge: z.number().nullable(),
    medianMinutesToAnswer: z.number().nullable(),
    byType: z.array(z.object({ type: RequestTypeName, count: z.number().int() })),
  }),
  rows: z.array(
    z.object({
      party: PartyName,
      type: RequestTypeName,
      sent: z.number().int(),
      received: z.number().int(),
    }),
  ),
  parties: z.array(
    z.object({
      party: PartyName,
      sent: z.number().int(),
      received: z.number().int(),
      medianMinutesToAcknowledge: z.number().nullable(),
      medianMinutesToAnswer: z.number().nullable(),
    }),
  ),
});
export type RequestFlows = z.infer<typeof RequestFlows>;

export const DirectoryFigures = z.object({
  parties: z.number().int(),
  partiesWithContactPoints: z.number().int(),
  moreThanOne: z.number().int(),
  contactPoints: z.number().int(),
  byType: z.array(z.object({ type: ContactPointType, count: z.number().int() })),
});
export type DirectoryFigures = z.infer<typeof DirectoryFigures>;

export const PingFigures = z.object({
  scope: z.enum(["network", "party"]),
  items: z.array(
    z.object({
      title: z.string(),
      firedAt: z.string(),
      parties: z.number().int(),
      answered: z.number().int(),
      rows: z.array(PingReportRow),
    }),
  ),
});
export type PingFigures = z.infer<typeof PingFigures>;

export const STATISTICS_FIGURES = ["directory", "requests", "parties", "pings"] as const;
export const StatisticsExportQuery = z
  .object({
    figure: z.enum(STATISTICS_FIGURES),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    lang: Locale.default("en"),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, {
    message: "The period must end on or after its start",
    path: ["to"],
  });

import type { TFunction } from "i18next";
import type {
  ActivityKind,
  AttendanceMode,
  ParticipantKind,
  Participation,
  RegistrationStatus,
} from "../../../shared/plenary";
import type { TranslationKey } from "../../i18n/keys";
import type { KnownMessages } from "../directory/issues";
import { formatIsoDate } from "../directory/time";

export const KIND_KEYS: Record<ParticipantKind, TranslationKey> = {
  party: "meetings.kind.party",
  observer: "meetings.kind.observer",
  organisation: "meetings.kind.organisation",
};

export const MODE_KEYS: Record<AttendanceMode, TranslationKey> = {
  in_person: "meetings.mode.in_person",
  online: "meetings.mode.online",
};

export const STATUS_KEYS: Record<RegistrationStatus, TranslationKey> = {
  invited: "meetings.status.invited",
  registered: "meetings.status.registered",
  declined: "meetings.status.declined",
};

export const ACTIVITY_KIND_KEYS: Record<ActivityKind, TranslationKey> = {
  contact_point_setup: "capacity.kind.contact_point_setup",
  workshop: "capacity.kind.workshop",
  study_visit: "capacity.kind.study_visit",
  regional_meeting: "capacity.kind.regional_meeting",
  training: "capacity.kind.training",
  other: "capacity.kind.other",
};

/**
 * "94 delegates (81 in person and 13 online), representing 59 countries (48 Parties and 11
 * Observers) and 4 international organisations": the plenary report's sentence, from the
 * server's counts, each part in its own plural.
 */
export function participationLine(t: TFunction, p: Participation): string {
  const part = (key: string, count: number) => t(`meetings.participation.${key}`, { count });
  return t("meetings.participation.line", {
    delegates: part("delegates", p.delegates),
    inPerson: part("inPerson", p.inPerson),
    online: part("online", p.online),
    countries: part("countries", p.countries),
    parties: part("parties", p.parties),
    observers: part("observers", p.observers),
    organisations: part("organisations", p.organisations),
  });
}

/** "18 October 2024" or "18 – 19 October 2024" as calendar days (no time zone shifts a day). */
export function daysLabel(startsOn: string, endsOn: string | null, locale: string): string {
  if (!endsOn || endsOn === startsOn) return formatIsoDate(startsOn, locale);
  const [y1, m1, d1] = startsOn.split("-").map(Number);
  const [y2, m2, d2] = endsOn.split("-").map(Number);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  return format.formatRange(
    new Date(Date.UTC(y1 ?? 1970, (m1 ?? 1) - 1, d1 ?? 1)),
    new Date(Date.UTC(y2 ?? 1970, (m2 ?? 1) - 1, d2 ?? 1)),
  );
}

/**
 * The English messages of the plenary schemas (src/shared/plenary.ts) and of the server's own
 * checks on a delegate's country, with their wording in the UI language.
 */
export const PLENARY_MESSAGES: KnownMessages = {
  "Ends before it starts": "meetings.validation.endsBefore",
  "A Party's or observer's delegate needs a country": "meetings.validation.country",
  "Name the international organisation": "meetings.validation.organisation",
  "Only a registered delegate can attend": "meetings.validation.attended",
  "Register the delegate first": "meetings.validation.attended",
  "Country must be a two-letter ISO 3166 code": "meetings.validation.countryCode",
  "Not a Party": "meetings.validation.notAParty",
  "This State is a Party": "meetings.validation.isAParty",
  "Unknown country": "meetings.validation.unknownCountry",
};

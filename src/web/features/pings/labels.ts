import type { TFunction } from "i18next";
import { bucketUnit, type CampaignStatus, type PingReportRow } from "../../../shared/pings";
import type { Region } from "../../../shared/regions";
import type { TranslationKey } from "../../i18n/keys";
import type { KnownMessages } from "../directory/issues";

export const STATUS_KEYS: Record<CampaignStatus, TranslationKey> = {
  scheduled: "pingTests.status.scheduled",
  running: "pingTests.status.running",
  closed: "pingTests.status.closed",
};
export const STATUS_COLORS: Record<CampaignStatus, string> = { scheduled: "blue", running: "green", closed: "gray" };

export const REGION_KEYS: Record<Region, TranslationKey> = {
  africa: "pingTests.regions.africa",
  americas: "pingTests.regions.americas",
  asia_pacific: "pingTests.regions.asia_pacific",
  europe: "pingTests.regions.europe",
  other: "pingTests.regions.other",
};

/** "Less than 30 minutes", "Moins de 12 heures". */
export function rowLabel(t: TFunction, minutes: number): string {
  const { value, unit } = bucketUnit(minutes);
  return t(`pingTests.lessThan.${unit}`, { count: value });
}

/** "Less than 30 minutes: +11 = 35 Parties": the source document's form. */
export function rowLine(t: TFunction, row: PingReportRow, index: number, noun: string): string {
  const label = rowLabel(t, row.minutes);
  return index === 0
    ? t("pingTests.report.first", { label, count: row.count, noun })
    : t("pingTests.report.next", { label, added: row.added, count: row.count, noun });
}

/** The shared schema's messages (src/shared/pings.ts) in the UI language. */
export const PING_MESSAGES: KnownMessages = {
  "Give the ping test a title": "pingTests.validation.title",
  "Give your name": "pingTests.validation.name",
  "Give the name of the person who answered": "pingTests.validation.phoneName",
  "Say how the answer came (a note)": "pingTests.validation.note",
  "Give a date and time": "pingTests.validation.when",
  "The window must end at least a minute after it starts": "pingTests.validation.window",
  "List the reminders from the earliest, each once": "pingTests.validation.reminders",
  "List the times from the shortest, each once": "pingTests.validation.buckets",
};

import { z } from "zod";
import { type RequestType, RequestType as RequestTypeSchema } from "./requests";

/**
 * How long a request's content is kept (Art. 14(5) of the Second Additional Protocol: no longer
 * than necessary). Two periods per request type, in days:
 * - `daysAfterFinal`: from the moment the request reached its end (closed, or answered — executed,
 *   partially executed or refused), and never before a preservation it carried has run out;
 * - `daysIfOpen`: for a request left open (never answered) or a draft never sent, from its last
 *   activity: a longer horizon, so that a slow case is not cut short.
 * After it, the scheduled purge removes the content and keeps the skeleton the statistics need.
 */

export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 3650;

const Days = z.coerce
  .number({ message: "Give a number of days" })
  .int("Give a whole number of days")
  .min(RETENTION_MIN_DAYS, `At least ${RETENTION_MIN_DAYS} days`)
  .max(RETENTION_MAX_DAYS, `At most ${RETENTION_MAX_DAYS} days (10 years)`);

export const RetentionRule = z.object({ daysAfterFinal: Days, daysIfOpen: Days });
export type RetentionRule = z.infer<typeof RetentionRule>;

/**
 * The defaults (reasons in docs/data-protection.md): two years after the end for requests that
 * carry identifiers or lead to evidence (time enough for the mutual assistance request that follows
 * a preservation, and for questions about what was disclosed); one year for advice and legal
 * information; three years of inactivity for anything left open.
 */
const TWO_YEARS = 730;
const ONE_YEAR = 365;
const THREE_YEARS = 1095;
export const DEFAULT_RETENTION: Record<RequestType, RetentionRule> = {
  preservation: { daysAfterFinal: TWO_YEARS, daysIfOpen: THREE_YEARS },
  traffic_disclosure: { daysAfterFinal: TWO_YEARS, daysIfOpen: THREE_YEARS },
  subscriber_information: { daysAfterFinal: TWO_YEARS, daysIfOpen: THREE_YEARS },
  emergency_disclosure: { daysAfterFinal: TWO_YEARS, daysIfOpen: THREE_YEARS },
  emergency_mutual_assistance: { daysAfterFinal: TWO_YEARS, daysIfOpen: THREE_YEARS },
  technical_advice: { daysAfterFinal: ONE_YEAR, daysIfOpen: THREE_YEARS },
  legal_information: { daysAfterFinal: ONE_YEAR, daysIfOpen: THREE_YEARS },
  locating_suspects: { daysAfterFinal: TWO_YEARS, daysIfOpen: THREE_YEARS },
  collection_of_evidence: { daysAfterFinal: TWO_YEARS, daysIfOpen: THREE_YEARS },
  other: { daysAfterFinal: ONE_YEAR, daysIfOpen: THREE_YEARS },
};

export const RetentionPeriod = RetentionRule.extend({
  type: RequestTypeSchema,
  /** The default for this type, to show what a change departs from. */
  defaults: RetentionRule,
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.string().nullable(),
});
export type RetentionPeriod = z.infer<typeof RetentionPeriod>;

export const RetentionPeriods = z.object({
  periods: z.array(RetentionPeriod),
  /** The last purge run, if any: when, and how many requests it purged. */
  lastRun: z.object({ at: z.iso.datetime(), purged: z.number().int(), draftsDeleted: z.number().int() }).nullable(),
});
export type RetentionPeriods = z.infer<typeof RetentionPeriods>;

export const RetentionTypeParam = z.object({ type: RequestTypeSchema });

import type { AnswerVia, PingReportParty, PingReportRow, PingReportView } from "../../shared/pings";

/*
 * The ping test report, as a pure function of the facts stored: when each contact point was
 * reached and when it first answered. No database, no clock: the tests feed it times directly,
 * and the demo campaign's table of 7 June 2023 is computed by it like any other.
 */

export type ReportTarget = {
  targetId: string;
  party: string;
  partyNameEn: string;
  partyNameFr: string;
  /** When the first message to this contact point was handed to the mail server; null if none was. */
  handedOverAt: Date | null;
  acknowledgedAt: Date | null;
  via: AnswerVia | null;
};

/**
 * Seconds from the moment the contact point was reached to its first answer. The clock starts at
 * the first hand-off to the mail server; a contact point answered before any message reached the
 * mail server (in Vigil, or by phone) or with no e-mail address at all is timed from the moment
 * the ping went out, which is never later.
 */
export function responseSeconds(
  t: Pick<ReportTarget, "handedOverAt" | "acknowledgedAt">,
  firedAt: Date,
): number | null {
  if (!t.acknowledgedAt) return null;
  const start = t.handedOverAt && t.handedOverAt <= t.acknowledgedAt ? t.handedOverAt : firedAt;
  return Math.max(0, Math.floor((t.acknowledgedAt.getTime() - start.getTime()) / 1000));
}

/** The cumulative table: how many of `times` (seconds, null = no answer) are under each bucket. */
export function cumulativeView(times: readonly (number | null)[], bucketsMinutes: readonly number[]): PingReportView {
  const answered = times.filter((t): t is number => t !== null);
  let previous = 0;
  const rows: PingReportRow[] = bucketsMinutes.map((minutes) => {
    // "Less than 15 minutes": an answer at exactly 15:00 belongs to the next row.
    const count = answered.filter((s) => s < minutes * 60).length;
    const row = { minutes, count, added: count - previous };
    previous = count;
    return row;
  });
  return {
    total: times.length,
    rows,
    answered: answered.length,
    later: answered.length - previous,
    unanswered: times.length - answered.length,
  };
}

export type Report = {
  parties: PingReportView;
  contactPoints: PingReportView;
  /** Every Party, fastest first, those that did not answer last (by ISO code). */
  partyResults: PingReportParty[];
  nonResponders: PingReportParty[];
  /** Seconds per contact point, by target id. */
  seconds: Map<string, number | null>;
};

/** Parties count at their fastest contact point; contact points count each on its own. */
export function computeReport(
  targets: readonly ReportTarget[],
  firedAt: Date,
  bucketsMinutes: readonly number[],
): Report {
  const seconds = new Map<string, number | null>();
  const byParty = new Map<string, PingReportParty>();
  for (const t of targets) {
    const s = responseSeconds(t, firedAt);
    seconds.set(t.targetId, s);
    const party = byParty.get(t.party) ?? {
      party: t.party,
      nameEn: t.partyNameEn,
      nameFr: t.partyNameFr,
      responseSeconds: null,
    };
    if (s !== null && (party.responseSeconds === null || s < party.responseSeconds)) party.responseSeconds = s;
    byParty.set(t.party, party);
  }
  const partyResults = [...byParty.values()].sort(
    (a, b) =>
      (a.responseSeconds ?? Number.POSITIVE_INFINITY) - (b.responseSeconds ?? Number.POSITIVE_INFINITY) ||
      a.party.localeCompare(b.party),
  );
  return {
    parties: cumulativeView(
      partyResults.map((p) => p.responseSeconds),
      bucketsMinutes,
    ),
    contactPoints: cumulativeView([...seconds.values()], bucketsMinutes),
    partyResults,
    nonResponders: partyResults.filter((p) => p.responseSeconds === null),
    seconds,
  };
}

/** "2023-06-07 03:14" at the contact point: the wall-clock time its staff saw the ping arrive. */
export function localTime(at: Date, timeZone: string): string | null {
  try {
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).formatToParts(at);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
  } catch {
    return null;
  }
}

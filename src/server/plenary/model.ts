import type { DirectoryDocument, PartyDiff } from "../../shared/directory";
import type { PingReportRow } from "../../shared/pings";
import type { Activity, Meeting, PlenaryReport } from "../../shared/plenary";
import { compareDocuments, developments } from "../directory/diff";
import { contactPointFigures } from "../statistics/directory";

/*
 * The plenary report as a pure function of the data of a period (issue 9, journey 6): the
 * renderers (pdf.ts, docx.ts) add words, never figures. No database and no clock here, so the
 * tests feed it documents and times directly.
 */

export type PlenaryRelease = { version: string; publishedAt: Date; document: DirectoryDocument };

export type PlenaryData = {
  from: string;
  to: string;
  /** When the report is made: a period that has not ended reads the directory as it is now. */
  now: Date;
  /** Every release published before the period's end, oldest first. */
  releases: readonly PlenaryRelease[];
  current: DirectoryDocument;
  /** The latest ping test sent before the period's end, if any. */
  ping: { title: string; firedAt: Date; parties: number; rows: PingReportRow[]; unanswered: number } | null;
  /** The annual meetings held in the period (the latest is reported). */
  meetings: readonly Meeting[];
  activities: readonly Activity[];
  /** The MLA / extradition directory's progress, or null while that directory gives no figure. */
  mlaProgress: { provided: number; total: number } | null;
  conclusions: string;
};

const DAY_MS = 86_400_000;

/** The first instant after the period: its last day is included. */
export function periodEnd(to: string): Date {
  return new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS);
}

/** The plenary's "contact points established", from the statistics' own count. */
export function contactPointCounts(doc: DirectoryDocument) {
  const f = contactPointFigures(doc);
  return { parties: f.partiesWithContactPoints, moreThanOne: f.moreThanOne, total: f.contactPoints, byType: f.byType };
}

/**
 * What the plenary calls "latest developments": a Party joining or leaving, a contact point
 * notified or withdrawn. A new phone number is an update of the directory (see the versions
 * shared), not a development of the Network.
 */
export function notableChanges(diffs: readonly PartyDiff[]): PartyDiff[] {
  return diffs
    .map((d) => ({
      ...d,
      partyChanges: [],
      legalProfileChanges: [],
      contactPoints: d.contactPoints.filter((cp) => cp.change !== "changed"),
    }))
    .filter((d) => d.change !== "changed" || d.contactPoints.length > 0);
}

const byName = (a: { nameEn: string }, b: { nameEn: string }) => a.nameEn.localeCompare(b.nameEn, "en");

export function assemblePlenaryReport(data: PlenaryData): PlenaryReport {
  const start = Date.parse(`${data.from}T00:00:00Z`);
  const end = periodEnd(data.to);
  const releases = data.releases.filter((r) => r.publishedAt < end);
  const before = releases.filter((r) => r.publishedAt.getTime() < start);
  const inPeriod = releases.filter((r) => r.publishedAt.getTime() >= start);
  const baseline = before.at(-1) ?? null;
  const last = releases.at(-1) ?? null;

  // The figures at the period's end: the directory itself while the period runs, else the
  // last version shared before it ended (the directory as the Network had it then).
  const ongoing = data.now < end;
  const asOf = ongoing || !last ? null : last;
  const contactPoints = { asOf: asOf?.version ?? null, ...contactPointCounts(asOf?.document ?? data.current) };

  const lastInPeriod = inPeriod.at(-1) ?? null;
  const latest = lastInPeriod
    ? developments(notableChanges(compareDocuments(baseline?.document ?? null, lastInPeriod.document)))
    : [];

  const items = inPeriod.map((r) => {
    const index = releases.indexOf(r);
    const previous = index > 0 ? (releases[index - 1] ?? null) : null;
    const parties = compareDocuments(previous?.document ?? null, r.document)
      .map((d) => ({ iso2: d.iso2, nameEn: d.nameEn, nameFr: d.nameFr }))
      .sort(byName);
    return { version: r.version, publishedAt: r.publishedAt.toISOString(), parties };
  });
  const updated = new Map(items.flatMap((i) => i.parties).map((p) => [p.iso2, p]));

  const meeting = data.meetings[0] ?? null;
  return {
    from: data.from,
    to: data.to,
    contactPoints,
    developments: latest,
    versions: { count: items.length, items, parties: [...updated.values()].sort(byName) },
    pings: data.ping
      ? {
          title: data.ping.title,
          firedAt: data.ping.firedAt.toISOString(),
          parties: data.ping.parties,
          rows: data.ping.rows,
          unanswered: data.ping.unanswered,
        }
      : null,
    mlaProgress: data.mlaProgress,
    meeting: meeting
      ? { title: meeting.title, place: meeting.place, startsOn: meeting.startsOn, participation: meeting.participation }
      : null,
    capacityBuilding: [...data.activities],
    conclusions: data.conclusions.trim(),
  };
}

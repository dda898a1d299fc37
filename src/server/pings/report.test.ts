import { describe, expect, it } from "vitest";
import { DEFAULT_BUCKETS_MINUTES } from "../../shared/pings";
import { computeReport, cumulativeView, localTime, type ReportTarget, responseSeconds } from "./report";

const fired = new Date("2023-06-07T08:00:00Z");
const at = (minutes: number) => new Date(fired.getTime() + minutes * 60_000);

function target(id: string, party: string, handedOver: number | null, ack: number | null): ReportTarget {
  return {
    targetId: id,
    party,
    partyNameEn: `Party ${party}`,
    partyNameFr: `Partie ${party}`,
    handedOverAt: handedOver === null ? null : at(handedOver),
    acknowledgedAt: ack === null ? null : at(ack),
    via: ack === null ? null : "link",
  };
}

describe("responseSeconds", () => {
  it("starts the clock when the mail server took the message", () => {
    expect(responseSeconds({ handedOverAt: at(2), acknowledgedAt: at(12) }, fired)).toBe(600);
  });
  it("starts it when the ping went out for an answer given before any hand-off, or without e-mail", () => {
    expect(responseSeconds({ handedOverAt: at(5), acknowledgedAt: at(3) }, fired)).toBe(180);
    expect(responseSeconds({ handedOverAt: null, acknowledgedAt: at(7) }, fired)).toBe(420);
  });
  it("is null without an answer", () => {
    expect(responseSeconds({ handedOverAt: at(1), acknowledgedAt: null }, fired)).toBeNull();
  });
});

describe("cumulativeView", () => {
  it("counts strictly less than each time, cumulatively, with what each row adds", () => {
    const view = cumulativeView([0, 899, 900, 1799, 3600, null, 9 * 86_400], [15, 30, 60]);
    expect(view.rows).toEqual([
      { minutes: 15, count: 2, added: 2 },
      { minutes: 30, count: 4, added: 2 },
      { minutes: 60, count: 4, added: 0 },
    ]);
    expect(view).toMatchObject({ total: 7, answered: 6, later: 2, unanswered: 1 });
  });
});

describe("computeReport", () => {
  it("counts a Party at its fastest contact point, and contact points each on their own", () => {
    const targets = [
      target("a1", "AA", 0, 10), // AA: 10 min …
      target("a2", "AA", 0, 200), // … its second contact point is slower
      target("b1", "BB", 1, null), // BB: the primary never answered …
      target("b2", "BB", 1, 41), // … but the secondary did, in 40 min
      target("c1", "CC", 0, null),
    ];
    const r = computeReport(targets, fired, [15, 30, 60, 720]);
    expect(r.parties.rows.map((x) => x.count)).toEqual([1, 1, 2, 2]);
    expect(r.contactPoints.rows.map((x) => x.count)).toEqual([1, 1, 2, 3]);
    expect(r.parties).toMatchObject({ total: 3, answered: 2, unanswered: 1 });
    expect(r.contactPoints).toMatchObject({ total: 5, answered: 3, unanswered: 2 });
    expect(r.partyResults.map((p) => [p.party, p.responseSeconds])).toEqual([
      ["AA", 600],
      ["BB", 2400],
      ["CC", null],
    ]);
    expect(r.nonResponders.map((p) => p.party)).toEqual(["CC"]);
    expect(r.seconds.get("a2")).toBe(12_000);
  });

  it("reproduces the source document's table with the default rows", () => {
    // 24 Parties under 15 min, +11 under 30, +7 under 60, +17 under 12 h, +2, +4, +2, +1; 8 silent.
    const minutesFor = [
      ...Array(24).fill(5),
      ...Array(11).fill(20),
      ...Array(7).fill(45),
      ...Array(17).fill(300),
      ...Array(2).fill(900),
      ...Array(4).fill(2000),
      ...Array(2).fill(3000),
      ...Array(1).fill(6000),
      ...Array(8).fill(null),
    ] as (number | null)[];
    const targets = minutesFor.map((m, i) => target(`t${i}`, `P${i}`, 0, m));
    const r = computeReport(targets, fired, DEFAULT_BUCKETS_MINUTES);
    expect(r.parties.rows.map((x) => x.count)).toEqual([24, 35, 42, 59, 61, 65, 67, 68]);
    expect(r.parties.rows.map((x) => x.added)).toEqual([24, 11, 7, 17, 2, 4, 2, 1]);
    expect(r.nonResponders).toHaveLength(8);
  });

  it("configurable rows change the table, not the facts", () => {
    const targets = [target("x", "XX", 0, 90), target("y", "YY", 0, 2)];
    expect(computeReport(targets, fired, [5]).parties).toMatchObject({
      rows: [{ minutes: 5, count: 1, added: 1 }],
      later: 1,
    });
  });
});

describe("localTime", () => {
  it("gives the wall-clock time in the contact point's zone, daylight saving included", () => {
    expect(localTime(new Date("2023-06-07T08:00:00Z"), "America/Santiago")).toBe("2023-06-07 04:00");
    expect(localTime(new Date("2023-06-07T08:00:00Z"), "Europe/Bucharest")).toBe("2023-06-07 11:00");
    expect(localTime(new Date("2023-12-07T08:00:00Z"), "Europe/Bucharest")).toBe("2023-12-07 10:00");
    expect(localTime(new Date("2023-06-07T23:30:00Z"), "Pacific/Tongatapu")).toBe("2023-06-08 12:30");
  });
  it("is null for a zone the runtime does not know", () => {
    expect(localTime(new Date(), "Mars/Olympus")).toBeNull();
  });
});

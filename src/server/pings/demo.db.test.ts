import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import type { UserRow } from "../auth/users";
import { findUserByEmail } from "../auth/users";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../db/database";
import { loadDemoNetwork } from "../demo/seed";
import { campaignReport, listCampaigns, networkTrend, partyHistory } from "./results";
import { pingCampaigns } from "./tables";

let ctx: AppContext;
let secretariat: UserRow;
beforeAll(async () => {
  ctx = testContext(await testDatabase());
  await loadDemoNetwork(ctx);
  secretariat = (await ctx.db.tx((tx) => findUserByEmail(tx, "secretariat@example.org"), SYSTEM_ACTOR)) as UserRow;
});
afterAll(async () => {
  await ctx.db.close();
});

async function campaignTitled(title: string): Promise<string> {
  const [row] = await ctx.db.tx(
    (tx) => tx.select({ id: pingCampaigns.id }).from(pingCampaigns).where(eq(pingCampaigns.title, title)),
    SYSTEM_ACTOR,
  );
  if (!row) throw new Error(`no campaign ${title}`);
  return row.id;
}

describe("the demo network's ping tests", () => {
  it("the campaign of 7 June 2023 reproduces the Secretariat's table, computed by the report", async () => {
    const report = await campaignReport(ctx, secretariat, await campaignTitled("Ping test of 7 June 2023"));
    expect(report.parties.rows.map((r) => [r.minutes, r.count])).toEqual([
      [15, 24],
      [30, 35],
      [60, 42],
      [720, 59],
      [1440, 61],
      [2880, 65],
      [4320, 67],
      [8640, 68],
    ]);
    expect(report.parties.rows.map((r) => r.added)).toEqual([24, 11, 7, 17, 2, 4, 2, 1]);
    expect(report.parties).toMatchObject({ total: 76, answered: 68, unanswered: 8, later: 0 });
    expect(report.nonResponders).toHaveLength(8);
    expect(report.contactPointResults).toHaveLength(90);
  });

  it("some Parties' second contact point is slower: the Party counts at its fastest", async () => {
    const report = await campaignReport(ctx, secretariat, await campaignTitled("Ping test of 7 June 2023"));
    const byParty = new Map<string, (number | null)[]>();
    for (const c of report.contactPointResults)
      byParty.set(c.party, [...(byParty.get(c.party) ?? []), c.responseSeconds]);
    const slowerSecond = [...byParty.entries()].filter(
      ([, times]) =>
        times.length === 2 && times[0] !== null && (times[1] === null || (times[1] as number) > (times[0] as number)),
    );
    expect(slowerSecond.length).toBeGreaterThanOrEqual(4);
    expect(slowerSecond.some(([, t]) => t[1] !== null)).toBe(true);
    for (const [iso2, times] of slowerSecond) {
      expect(report.partyResults.find((p) => p.party === iso2)?.responseSeconds).toBe(times[0]);
    }
    // Counting contact points instead gives another table: the second view.
    expect(report.contactPoints.total).toBe(90);
    expect(report.contactPoints.rows.map((r) => r.count)).not.toEqual(report.parties.rows.map((r) => r.count));
  });

  it("an older campaign gives each Party a history and the Network a trend", async () => {
    const list = await listCampaigns(ctx, secretariat);
    expect(list.items.map((c) => c.status)).toEqual(["closed", "closed"]);
    const trend = await networkTrend(ctx, secretariat);
    expect(trend.items.map((i) => i.title)).toEqual(["Ping test, December 2022 (night)", "Ping test of 7 June 2023"]);
    expect(trend.items.map((i) => i.answered)).toEqual([61, 68]);
    const history = await partyHistory(ctx, secretariat, "RO");
    expect(history.items).toHaveLength(2);
    expect(history.items[0]?.title).toBe("Ping test of 7 June 2023");
  });
});

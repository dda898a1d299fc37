import { createHash, randomBytes, randomUUID } from "node:crypto";
import { DEFAULT_BUCKETS_MINUTES, DEFAULT_REMINDER_MINUTES } from "../../shared/pings";
import { sha256 } from "../auth/tokens";
import type { Tx } from "../db/database";
import { type PingableContactPoint, pingableContactPoints } from "../directory/entries";
import { LINK_VALIDITY_MS } from "./campaigns";
import { pingCampaigns, pingRecipients, pingTargets } from "./tables";

/*
 * Two past ping tests for the demo network (fictional answers): the one of 7 June 2023, whose
 * answers are chosen so that the report reproduces the table the Secretariat presented
 * (24, 35, 42, 59, 61, 65, 67, 68 Parties; 8 did not answer), and an older, weaker one at night,
 * so that a Party's history and the Network's trend have something to show. The times are given
 * per Party (its fastest contact point); a Party's second contact point answers later or not at
 * all, so "the fastest contact point" matters. The report function computes the table from them
 * like from any other campaign.
 */

type DemoCampaign = {
  title: string;
  firedAt: string;
  mode: "now" | "window";
  window?: { from: string; to: string };
  /** Parties that answered under each default row, in order ("+11" is 11 here); the rest never did. */
  added: readonly number[];
  salt: string;
};

export const DEMO_CAMPAIGNS: readonly DemoCampaign[] = [
  {
    title: "Ping test, December 2022 (night)",
    firedAt: "2022-12-04T01:47:12Z",
    mode: "window",
    window: { from: "2022-12-03T21:00:00Z", to: "2022-12-04T05:00:00Z" },
    added: [18, 9, 6, 15, 3, 5, 3, 2],
    salt: "2022-12",
  },
  {
    title: "Ping test of 7 June 2023",
    firedAt: "2023-06-07T07:30:00Z",
    mode: "now",
    added: [24, 11, 7, 17, 2, 4, 2, 1],
    salt: "2023-06",
  },
];

const NAMES = ["Duty officer A. (fictional)", "Duty officer B. (fictional)", "Night desk (fictional)"];

/** A fixed order of the Parties that looks random (so the fast ones are not alphabetical). */
function shuffled(isoCodes: string[], salt: string): string[] {
  const key = (iso2: string) => createHash("sha256").update(`${salt}:${iso2}`).digest("hex");
  return [...isoCodes].sort((a, b) => key(a).localeCompare(key(b)));
}

/**
 * Seconds to answer for each Party: the k-th of n Parties of a row answers evenly spread within
 * the row's span (never on its boundary), so each lands in exactly the row intended.
 */
export function demoPartySeconds(campaign: DemoCampaign, isoCodes: string[]): Map<string, number | null> {
  const order = shuffled(isoCodes, campaign.salt);
  const out = new Map<string, number | null>();
  let next = 0;
  campaign.added.forEach((n, row) => {
    const lo = row === 0 ? 60 : (DEFAULT_BUCKETS_MINUTES[row - 1] as number) * 60;
    const hi = (DEFAULT_BUCKETS_MINUTES[row] as number) * 60;
    for (let i = 0; i < n; i++) {
      const iso2 = order[next++];
      if (iso2) out.set(iso2, lo + Math.floor(((hi - lo) * (i + 0.5)) / n));
    }
  });
  for (const iso2 of order.slice(next)) out.set(iso2, null);
  return out;
}

/** Writes the demo campaigns (in the demo loader's transaction). */
export async function seedDemoPings(tx: Tx, createdBy: string | null): Promise<void> {
  const points = await pingableContactPoints(tx);
  const byParty = new Map<string, PingableContactPoint[]>();
  for (const p of points) byParty.set(p.iso2, [...(byParty.get(p.iso2) ?? []), p]);
  for (const c of DEMO_CAMPAIGNS) {
    const firedAt = new Date(c.firedAt);
    const seconds = demoPartySeconds(c, [...byParty.keys()]);
    const [campaign] = await tx
      .insert(pingCampaigns)
      .values({
        title: c.title,
        selection: { parties: [], types: [], regions: [] },
        mode: c.mode,
        windowFrom: c.window ? new Date(c.window.from) : null,
        windowTo: c.window ? new Date(c.window.to) : null,
        scheduledAt: firedAt,
        status: "closed",
        firedAt,
        closedAt: new Date(firedAt.getTime() + LINK_VALIDITY_MS),
        reminderMinutes: [...DEFAULT_REMINDER_MINUTES],
        remindersSent: DEFAULT_REMINDER_MINUTES.length,
        bucketsMinutes: [...DEFAULT_BUCKETS_MINUTES],
        createdBy,
        createdAt: new Date(firedAt.getTime() - 86_400_000),
      })
      .returning({ id: pingCampaigns.id });
    if (!campaign) throw new Error("demo campaign not written");
    let k = 0;
    for (const [iso2, cps] of byParty) {
      const party = seconds.get(iso2) ?? null;
      for (const [i, cp] of cps.entries()) {
        k++;
        const handedOverAt = new Date(firedAt.getTime() + (3 + (k % 17)) * 1000);
        // The first contact point answers at the Party's time; a second one two hours later, or
        // (every other Party) not at all.
        const own = party === null ? null : i === 0 ? party : k % 2 === 0 ? party + 7200 : null;
        const acknowledgedAt = own === null ? null : new Date(handedOverAt.getTime() + own * 1000);
        const via = own === null ? null : k % 11 === 0 ? "phone" : k % 5 === 0 ? "app" : "link";
        const [target] = await tx
          .insert(pingTargets)
          .values({
            campaignId: campaign.id,
            partyId: cp.partyId,
            partyIso2: cp.iso2,
            partyNameEn: cp.nameEn,
            partyNameFr: cp.nameFr,
            contactPointId: cp.contactPointId,
            institution: cp.institution,
            type: cp.type,
            timeZone: cp.timeZone,
            handedOverAt,
            acknowledgedAt,
            via,
            answeredBy: via ? (NAMES[k % NAMES.length] as string) : null,
            note: via === "phone" ? "Called the Secretariat's duty phone (fictional)." : null,
          })
          .returning({ id: pingTargets.id });
        if (!target) throw new Error("demo target not written");
        for (const [j, address] of cp.emails.entries()) {
          await tx.insert(pingRecipients).values({
            id: randomUUID(),
            campaignId: campaign.id,
            targetId: target.id,
            address,
            // Past links: nobody holds their token; only a hash of random bytes is kept.
            tokenHash: sha256(randomBytes(32).toString("base64url")),
            expiresAt: new Date(firedAt.getTime() + LINK_VALIDITY_MS),
            deliveredAt: handedOverAt,
            usedAt: via === "link" && j === 0 ? acknowledgedAt : null,
          });
        }
      }
    }
  }
}

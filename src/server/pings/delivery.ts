import { and, eq, isNull, sql } from "drizzle-orm";
import { activeUserIdsOfParty, activeUserIdsWithRole } from "../auth/users";
import { queryRows, type Tx } from "../db/database";
import type { DeliveryHook } from "../notify/delivery-hooks";
import { publishEvent } from "../notify/events";
import { pingRecipients } from "./tables";

/*
 * The moment the clock starts: the outbox worker tells us when the mail server accepted each
 * ping e-mail (notify/delivery-hooks.ts). Only the first message to an address counts (a
 * reminder reuses the link and changes nothing); the contact point's clock starts at the first
 * hand-off to any of its addresses. Imports nothing of the outbox, so there is no cycle.
 */

export const PING_KEY_PREFIX = "ping-";

/** "ping-<recipient id>" for the first message, "ping-<recipient id>-r<n>" for reminder n. */
export function pingMessageKey(recipientId: string, reminder = 0): string {
  return reminder === 0 ? `${PING_KEY_PREFIX}${recipientId}` : `${PING_KEY_PREFIX}${recipientId}-r${reminder}`;
}

const FIRST_MESSAGE = /^ping-([0-9a-f-]{36})$/;

/**
 * Tells the Secretariat's open pages that a campaign moved on (the counters refetch), and, for an
 * answer, the answering Party's pages too (its officers' banner goes away).
 */
export async function publishProgress(tx: Tx, campaignId: string, at: Date, partyId?: string): Promise<void> {
  const party = partyId ? await activeUserIdsOfParty(tx, partyId) : [];
  await publishEvent(tx, [...(await activeUserIdsWithRole(tx, "secretariat")), ...party], {
    type: "ping",
    campaignId,
    at: at.toISOString(),
  });
}

export const pingDeliveryHook: DeliveryHook = {
  keyPrefix: PING_KEY_PREFIX,
  async delivered(tx, messages) {
    const first = messages.flatMap((m) => {
      const id = FIRST_MESSAGE.exec(m.key)?.[1];
      return id ? [{ id, at: m.at.toISOString() }] : [];
    });
    if (first.length === 0) return;
    // One statement for the whole batch (a ping test hands over thousands at once); a contact
    // point's clock starts at the earliest hand-off to any of its addresses.
    const campaigns = await queryRows<{ campaign_id: string }>(
      tx,
      sql`with handed as (
            update ping_recipients r set delivered_at = v.at
              from jsonb_to_recordset(${JSON.stringify(first)}::jsonb) as v(id uuid, at timestamptz)
             where r.id = v.id and r.delivered_at is null
         returning r.target_id, r.campaign_id, v.at),
          earliest as (select target_id, min(at) as at from handed group by target_id),
          started as (
            update ping_targets t set handed_over_at = e.at from earliest e
             where t.id = e.target_id and (t.handed_over_at is null or t.handed_over_at > e.at))
        select distinct campaign_id from handed`,
    );
    const latest = new Date(Math.max(...messages.map((m) => m.at.getTime())));
    for (const { campaign_id } of campaigns) await publishProgress(tx, campaign_id, latest);
  },
  async failed(tx, key, at) {
    const id = FIRST_MESSAGE.exec(key)?.[1];
    if (!id) return;
    const [r] = await tx
      .update(pingRecipients)
      .set({ failedAt: at })
      .where(and(eq(pingRecipients.id, id), isNull(pingRecipients.deliveredAt)))
      .returning({ campaignId: pingRecipients.campaignId });
    if (r) await publishProgress(tx, r.campaignId, at);
  },
};

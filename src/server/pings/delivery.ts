import { and, eq, isNull, or, sql } from "drizzle-orm";
import { activeUserIdsOfParty, activeUserIdsWithRole } from "../auth/users";
import type { Tx } from "../db/database";
import type { DeliveryHook } from "../notify/delivery-hooks";
import { publishEvent } from "../notify/events";
import { pingRecipients, pingTargets } from "./tables";

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
  async delivered(tx, key, at) {
    const id = FIRST_MESSAGE.exec(key)?.[1];
    if (!id) return;
    const [r] = await tx
      .update(pingRecipients)
      .set({ deliveredAt: at })
      .where(and(eq(pingRecipients.id, id), isNull(pingRecipients.deliveredAt)))
      .returning({ targetId: pingRecipients.targetId, campaignId: pingRecipients.campaignId });
    if (!r) return;
    await tx
      .update(pingTargets)
      .set({ handedOverAt: at })
      .where(
        and(
          eq(pingTargets.id, r.targetId),
          or(isNull(pingTargets.handedOverAt), sql`${pingTargets.handedOverAt} > ${at.toISOString()}::timestamptz`),
        ),
      );
    await publishProgress(tx, r.campaignId, at);
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

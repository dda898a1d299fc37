import type { Tx } from "../db/database";
import { pingDeliveryHook } from "../pings/delivery";

/**
 * What a module learns about the e-mails it queued: the outbox worker calls the hook whose prefix
 * starts the row's idempotency key, in the transaction that records the outcome. A hook only
 * records facts on its own module's rows; it must not import the outbox (no cycle).
 */
export type DeliveryHook = {
  keyPrefix: string;
  /** The mail server accepted these messages, each at its `at` (a batch: one call, not one per message). */
  delivered(tx: Tx, messages: readonly { key: string; at: Date }[]): Promise<void>;
  /** The message was given up for good (refused, or too many attempts). */
  failed(tx: Tx, key: string, at: Date): Promise<void>;
};

export const DELIVERY_HOOKS: readonly DeliveryHook[] = [pingDeliveryHook];

import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../db/database";
import { webhookUrlProblem } from "./address-check";
import { signWebhook } from "./signature";
import { findWebhook } from "./webhooks";

/** A delivery that retrying cannot help (the webhook is gone or disabled). */
export class PermanentDeliveryError extends Error {}

const TIMEOUT_MS = 10_000;

/**
 * One POST to a Party's endpoint: JSON body, signed headers, no redirects followed (a redirect
 * could lead to an internal address), 10 s at most. Anything but 2xx is a failure to retry.
 */
export async function deliverWebhook(
  ctx: AppContext,
  delivery: { webhookId: string; deliveryId: string; payload: { event: string; data: unknown; createdAt: string } },
): Promise<void> {
  const hook = await ctx.db.tx((tx) => findWebhook(tx, delivery.webhookId), SYSTEM_ACTOR);
  if (!hook || hook.disabledAt) throw new PermanentDeliveryError("webhook disabled");
  // Again at delivery: a name may resolve to an internal address since it was saved.
  const problem = await webhookUrlProblem(hook.url, { demo: ctx.config.demo });
  if (problem) throw new Error(problem);
  const body = JSON.stringify({
    id: delivery.deliveryId,
    event: delivery.payload.event,
    createdAt: delivery.payload.createdAt,
    data: delivery.payload.data,
  });
  const timestamp = Math.floor(ctx.clock.now().getTime() / 1000);
  const res = await fetch(hook.url, {
    method: "POST",
    redirect: "manual",
    signal: AbortSignal.timeout(TIMEOUT_MS),
    headers: {
      "content-type": "application/json",
      "user-agent": "Vigil-Webhooks/1",
      "x-vigil-event": delivery.payload.event,
      "x-vigil-delivery": delivery.deliveryId,
      "x-vigil-timestamp": String(timestamp),
      "x-vigil-signature": signWebhook(hook.secret, timestamp, body),
    },
    body,
  });
  await res.body?.cancel();
  if (res.status < 200 || res.status > 299) throw new Error(`HTTP ${res.status} from the endpoint`);
}

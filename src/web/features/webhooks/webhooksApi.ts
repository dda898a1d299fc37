import { z } from "zod";
import {
  WebhookCreated,
  WebhookDeliveryList,
  type WebhookInput,
  WebhookList,
  type Webhook as WebhookRow,
} from "../../../shared/webhooks";
import { api, apiRequest } from "../../app/api";

/** The permission that shows the panel: a Party admin manages their own Party's webhooks. */
export const WEBHOOKS_PERMISSION = "webhooks.manage";

const BASE = "/api/webhooks";

/** 202 answer of "send test event": the delivery it queued, to be found in the log. */
const TestQueued = z.object({ deliveryId: z.string() });

function path(id: string, rest = ""): string {
  return `${BASE}/${encodeURIComponent(id)}${rest}`;
}

export const webhooksApi = {
  list: (signal?: AbortSignal) => api.get(BASE, WebhookList, signal),
  /** The answer carries the signing secret, which the server never gives again. */
  create: (input: WebhookInput) => api.post(BASE, input, WebhookCreated),
  /** Disables (the row stays, with its log); 204. */
  disable: (id: string) => apiRequest("DELETE", path(id)),
  sendTest: (id: string) => api.post(path(id, "/test"), undefined, TestQueued),
  deliveries: (id: string, signal?: AbortSignal) => api.get(path(id, "/deliveries"), WebhookDeliveryList, signal),
};

export type Webhook = WebhookRow;

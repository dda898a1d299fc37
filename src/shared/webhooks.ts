import { z } from "zod";

/** Events a Party's national system can receive. "test" is sent by the "send test event" button. */
export const WEBHOOK_EVENTS = [
  "directory.release_published",
  "directory.proposal_reviewed",
  "directory.reminder",
  "authorities.release_published",
  // Requests: ids, numbers and states only; the national system fetches the content with its token.
  "request.received",
  "request.state_changed",
  "request.message",
  "request.corrected",
  "test",
] as const;
export const WebhookEvent = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

export const WebhookInput = z.object({
  url: z.url({ message: "Give the full address, e.g. https://cases.example.org/vigil" }).max(2000),
  events: z
    .array(WebhookEvent.exclude(["test"]))
    .min(1, "Choose at least one event")
    .max(WEBHOOK_EVENTS.length),
});
export type WebhookInput = z.infer<typeof WebhookInput>;

export const Webhook = z.object({
  id: z.uuid(),
  partyIso2: z.string(),
  url: z.string(),
  events: z.array(WebhookEvent),
  createdAt: z.iso.datetime(),
  disabledAt: z.iso.datetime().nullable(),
});
export type Webhook = z.infer<typeof Webhook>;
export const WebhookList = z.object({ webhooks: z.array(Webhook) });

/** The signing secret is shown once, when the webhook is created. */
export const WebhookCreated = z.object({ webhook: Webhook, secret: z.string() });

export const WebhookDelivery = z.object({
  id: z.uuid(),
  event: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
export const WebhookDeliveryList = z.object({ deliveries: z.array(WebhookDelivery) });

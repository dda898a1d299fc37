import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError } from "../../shared/errors";
import { WebhookCreated, WebhookDeliveryList, WebhookInput, WebhookList } from "../../shared/webhooks";
import type { AppContext } from "../context";
import { authOf, guard, requestMeta } from "../http/guard";
import { createWebhook, disableWebhook, listWebhooks, sendTestEvent, webhookDeliveries } from "./webhooks";

const tags = ["webhooks"];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };
const IdParam = z.object({ id: z.uuid() });

export function webhookRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const manage = guard(ctx, { permission: "webhooks.manage" });
  // Registering a webhook sends the Party's events to an outside address: sensitive.
  const sensitive = guard(ctx, { permission: "webhooks.manage", recentAuth: true });
  return async (app) => {
    app.get(
      "/api/webhooks",
      {
        schema: { tags, summary: "My Party's webhooks", response: { 200: WebhookList, ...errors } },
        onRequest: manage,
      },
      async (request) => ({ webhooks: await listWebhooks(ctx, authOf(request).user) }),
    );
    app.post(
      "/api/webhooks",
      {
        schema: {
          tags,
          summary: "Register a webhook; its signing secret is shown once",
          body: WebhookInput,
          response: { 201: WebhookCreated, ...errors },
        },
        onRequest: sensitive,
      },
      async (request, reply) =>
        reply.code(201).send(await createWebhook(ctx, authOf(request).user, request.body, requestMeta(request))),
    );
    app.delete(
      "/api/webhooks/:id",
      {
        schema: { tags, summary: "Disable a webhook", params: IdParam, response: { 204: z.null(), ...errors } },
        onRequest: manage,
      },
      async (request, reply) => {
        await disableWebhook(ctx, authOf(request).user, request.params.id, requestMeta(request));
        return reply.code(204).send(null);
      },
    );
    app.post(
      "/api/webhooks/:id/test",
      {
        schema: {
          tags,
          summary: "Queue a test event",
          params: IdParam,
          response: { 202: z.object({ deliveryId: z.uuid() }), ...errors },
        },
        onRequest: manage,
      },
      async (request, reply) =>
        reply.code(202).send({
          deliveryId: await sendTestEvent(ctx, authOf(request).user, request.params.id, requestMeta(request)),
        }),
    );
    app.get(
      "/api/webhooks/:id/deliveries",
      {
        schema: {
          tags,
          summary: "A webhook's delivery log",
          params: IdParam,
          response: { 200: WebhookDeliveryList, ...errors },
        },
        onRequest: manage,
      },
      async (request) => ({ deliveries: await webhookDeliveries(ctx, authOf(request).user, request.params.id) }),
    );
  };
}

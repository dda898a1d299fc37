import type { ServerResponse } from "node:http";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError } from "../../shared/errors";
import { NotificationPreferences, NotificationPreferencesInput } from "../../shared/notification-kinds";
import { MailboxList, NotificationList } from "../../shared/notify";
import type { AppContext } from "../context";
import { notFound } from "../http/errors";
import { actorOf, authOf, guard, requestMeta } from "../http/guard";
import type { EventHub } from "./events";
import { listMailbox } from "./mailbox";
import { listNotifications, markRead } from "./notifications";
import { myNotificationPreferences, replaceMyNotificationPreferences } from "./preferences";

/** Comment lines keep proxies and browsers from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

export function notifyRoutes(ctx: AppContext, hub: EventHub): FastifyPluginAsyncZod {
  return async (app) => {
    const streams = new Set<ServerResponse>();
    // Open streams never end by themselves: close them so that the server can stop.
    app.addHook("preClose", async () => {
      for (const s of streams) s.end();
    });

    app.get(
      "/api/events",
      {
        schema: {
          tags: ["notifications"],
          summary: "Server-Sent Events: what needs my attention, as it happens",
          response: { 401: ApiError },
        },
        onRequest: guard(ctx),
      },
      async (request, reply) => {
        const { user } = authOf(request);
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          "content-type": "text/event-stream; charset=utf-8",
          "cache-control": "no-store",
          connection: "keep-alive",
          "x-accel-buffering": "no",
        });
        res.write("retry: 3000\n: connected\n\n");
        streams.add(res);
        const unsubscribe = hub.subscribe(user.id, (event) => {
          res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
        });
        const heartbeat = setInterval(() => res.write(": ping\n\n"), HEARTBEAT_MS);
        heartbeat.unref();
        request.raw.on("close", () => {
          clearInterval(heartbeat);
          unsubscribe();
          streams.delete(res);
        });
      },
    );

    app.get(
      "/api/notifications",
      {
        schema: {
          tags: ["notifications"],
          summary: "My notifications, newest first",
          response: { 200: NotificationList, 401: ApiError },
        },
        onRequest: guard(ctx),
      },
      async (request) => {
        const { user } = authOf(request);
        return ctx.db.tx((tx) => listNotifications(tx, user.id), actorOf(user));
      },
    );
    app.post(
      "/api/notifications/:id/read",
      {
        schema: {
          tags: ["notifications"],
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null(), 401: ApiError },
        },
        onRequest: guard(ctx),
      },
      async (request, reply) => {
        const { user } = authOf(request);
        await ctx.db.tx((tx) => markRead(tx, user.id, ctx.clock.now(), request.params.id), actorOf(user));
        return reply.code(204).send(null);
      },
    );
    app.post(
      "/api/notifications/read-all",
      { schema: { tags: ["notifications"], response: { 204: z.null(), 401: ApiError } }, onRequest: guard(ctx) },
      async (request, reply) => {
        const { user } = authOf(request);
        await ctx.db.tx((tx) => markRead(tx, user.id, ctx.clock.now()), actorOf(user));
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/me/notification-preferences",
      {
        schema: {
          tags: ["notifications"],
          summary: "Which notifications reach me through which channel, and my quiet hours",
          response: { 200: NotificationPreferences, 401: ApiError },
        },
        onRequest: guard(ctx),
      },
      async (request) => myNotificationPreferences(ctx, authOf(request).user),
    );
    app.put(
      "/api/me/notification-preferences",
      {
        schema: {
          tags: ["notifications"],
          summary: "Replace my notification preferences (kinds left out return to their defaults)",
          body: NotificationPreferencesInput,
          response: { 200: NotificationPreferences, 400: ApiError, 401: ApiError, 403: ApiError },
        },
        onRequest: guard(ctx),
      },
      async (request) =>
        replaceMyNotificationPreferences(ctx, authOf(request).user, request.body, requestMeta(request)),
    );

    app.get(
      "/api/dev/mailbox",
      {
        schema: {
          tags: ["notifications"],
          summary: "Demo mode only: the e-mails Vigil would have sent (the Secretariat sees all, others their own)",
          response: { 200: MailboxList, 401: ApiError, 404: ApiError },
        },
        onRequest: guard(ctx),
      },
      async (request) => {
        if (ctx.config.mail.kind !== "mailbox")
          throw notFound("The development mailbox exists only in demo mode without SMTP.");
        const { user } = authOf(request);
        return { messages: await ctx.db.tx((tx) => listMailbox(tx, user), actorOf(user)) };
      },
    );
  };
}

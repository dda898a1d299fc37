import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError } from "../../shared/errors";
import { NotificationList } from "../../shared/notify";
import type { AppContext } from "../context";
import { actorOf, authOf, guard } from "../http/guard";
import { listNotifications, markRead } from "./notifications";

export function notifyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/notifications",
      {
        schema: {
          tags: ["notifications"],
          summary: "My notifications, newest first",
          response: { 200: NotificationList, 401: ApiError },
        },
        preHandler: guard(ctx),
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
        preHandler: guard(ctx),
      },
      async (request, reply) => {
        const { user } = authOf(request);
        await ctx.db.tx((tx) => markRead(tx, user.id, ctx.clock.now(), request.params.id), actorOf(user));
        return reply.code(204).send(null);
      },
    );
    app.post(
      "/api/notifications/read-all",
      { schema: { tags: ["notifications"], response: { 204: z.null(), 401: ApiError } }, preHandler: guard(ctx) },
      async (request, reply) => {
        const { user } = authOf(request);
        await ctx.db.tx((tx) => markRead(tx, user.id, ctx.clock.now()), actorOf(user));
        return reply.code(204).send(null);
      },
    );
  };
}

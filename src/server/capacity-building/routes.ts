import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError } from "../../shared/errors";
import { Activity, ActivityInput, ActivityList } from "../../shared/plenary";
import type { AppContext } from "../context";
import { guard, principalOf, requestMeta } from "../http/guard";
import { createActivity, deleteActivity, listActivities } from "./activities";

const tags = ["capacity-building"];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };
const IdParam = z.object({ id: z.uuid("Not an activity id") });

export function capacityBuildingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const manage = guard(ctx, { permission: "plenary.manage" });
  return async (app) => {
    app.get(
      "/api/capacity-building",
      {
        schema: {
          tags,
          summary: "Capacity-building activities, newest first",
          response: { 200: ActivityList, ...errors },
        },
        onRequest: manage,
      },
      async (request) => listActivities(ctx, principalOf(request)),
    );
    app.post(
      "/api/capacity-building",
      {
        schema: {
          tags,
          summary: "Record an activity: workshop, study visit, support to set up a contact point…",
          body: ActivityInput,
          response: { 201: Activity, ...errors },
        },
        onRequest: manage,
      },
      async (request, reply) =>
        reply.code(201).send(await createActivity(ctx, principalOf(request), request.body, requestMeta(request))),
    );
    app.delete(
      "/api/capacity-building/:id",
      {
        schema: {
          tags,
          summary: "Remove an activity recorded by mistake",
          params: IdParam,
          response: { 204: z.null(), ...errors },
        },
        onRequest: manage,
      },
      async (request, reply) => {
        await deleteActivity(ctx, principalOf(request), request.params.id, requestMeta(request));
        return reply.code(204).send(null);
      },
    );
  };
}

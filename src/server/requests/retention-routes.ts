import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../../shared/errors";
import { RetentionPeriod, RetentionPeriods, RetentionRule, RetentionTypeParam } from "../../shared/retention";
import type { AppContext } from "../context";
import { authOf, guard, requestMeta } from "../http/guard";
import { listRetention, updateRetention } from "./retention";

const tags = ["administration"];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError };

/** Retention periods of request content: the Secretariat and Party admins read, the Secretariat sets. */
export function retentionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const read = guard(ctx, { permission: "retention.read" });
  const manage = guard(ctx, { permission: "retention.manage" });
  return async (app) => {
    app.get(
      "/api/admin/retention",
      {
        schema: {
          tags,
          summary: "How long each request type's content is kept, and the last purge run",
          response: { 200: RetentionPeriods, ...errors },
        },
        onRequest: read,
      },
      async (request) => listRetention(ctx, authOf(request).user),
    );
    app.put(
      "/api/admin/retention/:type",
      {
        schema: {
          tags,
          summary: "Change a request type's retention periods (Secretariat; audited)",
          params: RetentionTypeParam,
          body: RetentionRule,
          response: { 200: RetentionPeriod, ...errors },
        },
        onRequest: manage,
      },
      async (request) =>
        updateRetention(ctx, authOf(request).user, request.params.type, request.body, requestMeta(request)),
    );
  };
}

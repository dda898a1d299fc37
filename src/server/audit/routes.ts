import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AccessLog, AccessLogQuery } from "../../shared/access-log";
import { ApiError } from "../../shared/errors";
import type { AppContext } from "../context";
import { authOf, guard } from "../http/guard";
import { partyAccessLog } from "./access-log";

/** The records a Party's administrators read about their own Party's data. */
export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const read = guard(ctx, { permission: "audit.read" });
  return async (app) => {
    app.get(
      "/api/audit/access-log",
      {
        schema: {
          tags: ["data protection"],
          summary:
            "Who read, printed or downloaded the caller's Party's requests, and which releases its users exported (Party admins)",
          querystring: AccessLogQuery,
          response: { 200: AccessLog, 400: ApiError, 401: ApiError, 403: ApiError },
        },
        onRequest: read,
      },
      async (request) => partyAccessLog(ctx, authOf(request).user, request.query),
    );
  };
}

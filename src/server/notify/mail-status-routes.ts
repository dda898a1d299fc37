import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../../shared/errors";
import { MailStatus } from "../../shared/mail-status";
import type { AppContext } from "../context";
import { authOf, guard } from "../http/guard";
import { checkMailNow, type MailMonitor, mailStatus } from "./mail-status";

const errors = { 401: ApiError, 403: ApiError };

export function mailStatusRoutes(ctx: AppContext, monitor: MailMonitor): FastifyPluginAsyncZod {
  const allowed = guard(ctx, { permission: "system.status" });
  return async (app) => {
    app.get(
      "/api/admin/mail-status",
      {
        schema: {
          tags: ["administration"],
          summary: "State of e-mail: SMTP server (last check) and the e-mail outbox",
          response: { 200: MailStatus, ...errors },
        },
        onRequest: allowed,
      },
      async (request) => mailStatus(ctx, monitor, authOf(request).user),
    );
    app.post(
      "/api/admin/mail-status/check",
      {
        schema: {
          tags: ["administration"],
          summary: "Check the SMTP server again now (at most 10 s), then the state of e-mail",
          response: { 200: MailStatus, ...errors },
        },
        onRequest: allowed,
      },
      async (request) => checkMailNow(ctx, monitor, authOf(request).user),
    );
  };
}

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError } from "../../shared/errors";
import {
  LiftInput,
  OnwardCheck,
  OnwardCheckQuery,
  OnwardTransfer,
  OnwardTransferAsk,
  OnwardTransferDecision,
  OnwardTransferList,
  SuspendInput,
  Suspension,
  SuspensionList,
  SuspensionQuery,
} from "../../shared/transfers";
import type { AppContext } from "../context";
import { guard, principalOf, requestMeta, sessionOrToken } from "../http/guard";
import { askOnwardTransfer, checkOnwardTransfer, decideOnwardTransfer, listOnwardTransfers } from "./onward-transfer";
import { liftSuspension, listSuspensions, suspendTransfers } from "./suspension";

/** Art. 14(10) and 14(15) of the Second Additional Protocol: onward transfers and suspensions. */

const tags = ["requests"];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const IdParam = z.object({ id: z.uuid("Not a request id") });

export function transferRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const read = guard(ctx, { permission: "requests.read", scope: "requests:read" });
  const write = guard(ctx, { permission: "requests.write", scope: "requests:write" });
  const readSecurity = sessionOrToken("requests:read");
  const writeSecurity = sessionOrToken("requests:write");
  const seeSuspensions = guard(ctx, { permission: "transfers.read" });
  const suspend = guard(ctx, { permission: "transfers.suspend" });
  return async (app) => {
    app.get(
      "/api/transfer-suspensions",
      {
        schema: {
          tags,
          summary: "Suspensions of transfers made by or against my Party (all, for the Secretariat)",
          querystring: SuspensionQuery,
          response: { 200: SuspensionList, ...errors },
        },
        onRequest: seeSuspensions,
      },
      async (request) => listSuspensions(ctx, principalOf(request), request.query),
    );
    app.post(
      "/api/transfer-suspensions",
      {
        schema: {
          tags,
          summary: "Suspend transfers from a Party to another (Art. 14(15)); both Parties' admins are told",
          body: SuspendInput,
          response: { 201: Suspension, ...errors },
        },
        onRequest: suspend,
      },
      async (request, reply) =>
        reply.code(201).send(await suspendTransfers(ctx, principalOf(request), request.body, requestMeta(request))),
    );
    app.post(
      "/api/transfer-suspensions/:id/lift",
      {
        schema: {
          tags,
          summary: "Lift a suspension: transfers resume",
          params: z.object({ id: z.uuid("Not a suspension id") }),
          body: LiftInput,
          response: { 200: Suspension, ...errors },
        },
        onRequest: suspend,
      },
      async (request) =>
        liftSuspension(ctx, principalOf(request), request.params.id, request.body, requestMeta(request)),
    );
    app.get(
      "/api/requests/:id/onward-transfers",
      {
        schema: {
          tags,
          security: readSecurity,
          summary: "Onward transfers asked for this request's data, and the sender's answers (the read is logged)",
          params: IdParam,
          response: { 200: OnwardTransferList, ...errors },
        },
        onRequest: read,
      },
      async (request) => listOnwardTransfers(ctx, principalOf(request), request.params.id, requestMeta(request)),
    );
    app.get(
      "/api/requests/:id/onward-transfers/check",
      {
        schema: {
          tags,
          security: readSecurity,
          summary: "May this request's data go on to this recipient? Only with a recorded authorisation (Art. 14(10))",
          params: IdParam,
          querystring: OnwardCheckQuery,
          response: { 200: OnwardCheck, ...errors },
        },
        onRequest: read,
      },
      async (request) =>
        checkOnwardTransfer(ctx, principalOf(request), request.params.id, request.query, requestMeta(request)),
    );
    app.post(
      "/api/requests/:id/onward-transfers",
      {
        schema: {
          tags,
          security: writeSecurity,
          summary: "The requested Party asks the sender to authorise an onward transfer",
          params: IdParam,
          body: OnwardTransferAsk,
          response: { 201: OnwardTransfer, ...errors },
        },
        onRequest: write,
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await askOnwardTransfer(ctx, principalOf(request), request.params.id, request.body, requestMeta(request)),
          ),
    );
    app.post(
      "/api/requests/:id/onward-transfers/:onwardId/decision",
      {
        schema: {
          tags,
          security: writeSecurity,
          summary: "The sender authorises or refuses an onward transfer",
          params: IdParam.extend({ onwardId: z.uuid("Not an onward transfer id") }),
          body: OnwardTransferDecision,
          response: { 200: OnwardTransfer, ...errors },
        },
        onRequest: write,
      },
      async (request) =>
        decideOnwardTransfer(
          ctx,
          principalOf(request),
          request.params.id,
          request.params.onwardId,
          request.body,
          requestMeta(request),
        ),
    );
  };
}

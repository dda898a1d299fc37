import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError } from "../../shared/errors";
import {
  AssignBody,
  AttachmentInfo,
  CorrectionBody,
  DraftBody,
  FeedbackBody,
  ListQuery,
  MessageBody,
  OverviewQuery,
  PurposeBody,
  RequestContent,
  RequestDetail,
  RequestList,
  RequestOverview,
  RoutePreview,
  RouteQuery,
  TransitionBody,
} from "../../shared/requests";
import type { AppContext } from "../context";
import { badRequest, notFound } from "../http/errors";
import { actorOf, authOf, guard, principalOf, requestMeta, sessionOrToken } from "../http/guard";
import { rateLimit } from "../http/rate-limit";
import { refusePurged, requireVisible } from "./access";
import { assignHandler, givePurpose, unassignHandler } from "./assignments";
import { addAttachment, downloadAttachment, MAX_ATTACHMENT_BYTES } from "./attachments";
import { calendarFeed, calendarFeedInfo, revokeCalendarFeed, rotateCalendarFeed } from "./calendar";
import { correctRequest } from "./corrections";
import { requestOverview } from "./overview";
import { verifyReceipt } from "./receipts";
import {
  createDraft,
  deleteDraft,
  listRequests,
  previewRoute,
  readRequest,
  requestDocument,
  saveDraft,
  sendRequest,
} from "./requests";
import { addMessage, giveFeedback, transition } from "./steps";
import { receiptOf } from "./timeline";

const tags = ["requests"];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
/** On routes that need a request's content: 410 once the retention purge removed it. */
const withGone = { ...errors, 410: ApiError };
const IdParam = z.object({ id: z.uuid("Not a request id") });
const Created = z.object({ id: z.uuid() });

export function requestRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  // A Party's national system may call these with an API token (requests:read / requests:write).
  const read = guard(ctx, { permission: "requests.read", scope: "requests:read" });
  const write = guard(ctx, { permission: "requests.write", scope: "requests:write" });
  const readSecurity = sessionOrToken("requests:read");
  const writeSecurity = sessionOrToken("requests:write");
  const figures = guard(ctx, { permission: "stats.read" });
  // The calendar feed is a person's: sessions only; it lists the deadlines of those who handle
  // requests (an auditor, who reads only, has none).
  const mine = guard(ctx, { permission: "requests.write" });
  // Sensitive: the request as a document leaves Vigil; a new feed URL is a new standing credential.
  const exportDocument = guard(ctx, { permission: "requests.read", scope: "requests:read", recentAuth: true });
  const mineSensitive = guard(ctx, { permission: "requests.write", recentAuth: true });
  // Need to know is about people: API tokens act for their Party, never give a purpose nor handle.
  const person = guard(ctx, { permission: "requests.read" });
  const handling = guard(ctx, { permission: "requests.write" });
  const overseeing = guard(ctx, { permission: "requests.assign" });
  const linkLimit = rateLimit(ctx, "link", ctx.config.rateLimits.links);
  return async (app) => {
    app.get(
      "/api/requests",
      {
        schema: {
          tags,
          security: readSecurity,
          summary: "Inbox, sent requests or drafts of my Party",
          querystring: ListQuery,
          response: { 200: RequestList, ...errors },
        },
        onRequest: read,
      },
      async (request) => listRequests(ctx, principalOf(request), request.query),
    );
    app.get(
      "/api/requests/overview",
      {
        schema: {
          tags,
          summary: "Counts and timings of requests per Party (no content): the Secretariat's and the Network's view",
          querystring: OverviewQuery,
          response: { 200: RequestOverview, ...errors },
        },
        onRequest: figures,
      },
      async (request) => requestOverview(ctx, principalOf(request), request.query),
    );
    app.get(
      "/api/requests/route",
      {
        schema: {
          tags,
          security: readSecurity,
          summary: "Where a request to a Party would go, and what to know first",
          querystring: RouteQuery,
          response: { 200: RoutePreview, ...errors },
        },
        onRequest: read,
      },
      async (request) => previewRoute(ctx, principalOf(request), request.query),
    );
    app.post(
      "/api/requests",
      {
        schema: {
          tags,
          security: writeSecurity,
          summary: "Start a draft",
          body: DraftBody,
          response: { 201: Created, ...errors },
        },
        onRequest: write,
      },
      async (request, reply) =>
        reply.code(201).send(await createDraft(ctx, principalOf(request), request.body, requestMeta(request))),
    );
    app.put(
      "/api/requests/:id/draft",
      {
        schema: {
          tags,
          security: writeSecurity,
          summary: "Save a draft",
          params: IdParam,
          body: DraftBody,
          response: { 200: Created, ...errors },
        },
        onRequest: write,
      },
      async (request) => saveDraft(ctx, principalOf(request), request.params.id, request.body, requestMeta(request)),
    );
    app.delete(
      "/api/requests/:id",
      {
        schema: {
          tags,
          security: writeSecurity,
          summary: "Delete a draft",
          params: IdParam,
          response: { 204: z.null(), ...errors },
        },
        onRequest: write,
      },
      async (request, reply) => {
        await deleteDraft(ctx, principalOf(request), request.params.id, requestMeta(request));
        return reply.code(204).send(null);
      },
    );
    app.post(
      "/api/requests/:id/send",
      {
        schema: {
          tags,
          security: writeSecurity,
          summary: "Send a draft, with the complete form",
          params: IdParam,
          body: RequestContent,
          response: { 200: RequestDetail, ...errors },
        },
        onRequest: write,
      },
      async (request) => sendRequest(ctx, principalOf(request), request.params.id, request.body, requestMeta(request)),
    );
    app.get(
      "/api/requests/:id",
      {
        schema: {
          tags,
          security: readSecurity,
          summary:
            "A request (the read is logged). A user of its Parties who does not handle it gets 403 purpose_required until they give a purpose; API tokens act for their Party's national system and are never asked",
          params: IdParam,
          response: { 200: RequestDetail, ...errors },
        },
        onRequest: read,
      },
      async (request) => readRequest(ctx, principalOf(request), request.params.id, requestMeta(request)),
    );
    app.post(
      "/api/requests/:id/purpose",
      {
        schema: {
          tags,
          summary:
            "Say why you open a request you do not handle (403 purpose_required asks for it); it then opens for you for 12 hours, each read logged with this purpose",
          params: IdParam,
          body: PurposeBody,
          response: { 200: RequestDetail, ...errors },
        },
        onRequest: person,
      },
      async (request) => givePurpose(ctx, principalOf(request), request.params.id, request.body, requestMeta(request)),
    );
    app.post(
      "/api/requests/:id/assignments",
      {
        schema: {
          tags,
          summary: "Take a request (no userId), or assign an officer of your Party to it (a Party admin)",
          params: IdParam,
          body: AssignBody,
          response: { 200: RequestDetail, ...withGone },
        },
        onRequest: handling,
      },
      async (request) =>
        assignHandler(ctx, principalOf(request), request.params.id, request.body, requestMeta(request)),
    );
    app.delete(
      "/api/requests/:id/assignments/:userId",
      {
        schema: {
          tags,
          summary: "Remove a handler of your Party from a request (a Party admin)",
          params: IdParam.extend({ userId: z.uuid("Not a user id") }),
          response: { 200: RequestDetail, ...withGone },
        },
        onRequest: overseeing,
      },
      async (request) =>
        unassignHandler(ctx, principalOf(request), request.params.id, request.params.userId, requestMeta(request)),
    );
    app.post(
      "/api/requests/:id/transitions",
      {
        schema: {
          tags,
          security: writeSecurity,
          summary: "Acknowledge, start, answer or close a request",
          params: IdParam,
          body: TransitionBody,
          response: { 200: RequestDetail, ...withGone },
        },
        onRequest: write,
      },
      async (request) => transition(ctx, principalOf(request), request.params.id, request.body, requestMeta(request)),
    );
    app.post(
      "/api/requests/:id/messages",
      {
        schema: {
          tags,
          security: writeSecurity,
          summary: "Add a message",
          params: IdParam,
          body: MessageBody,
          response: { 200: RequestDetail, ...withGone },
        },
        onRequest: write,
      },
      async (request) => addMessage(ctx, principalOf(request), request.params.id, request.body, requestMeta(request)),
    );
    app.post(
      "/api/requests/:id/feedback",
      {
        schema: {
          tags,
          security: writeSecurity,
          summary: "The sender's feedback on the outcome",
          params: IdParam,
          body: FeedbackBody,
          response: { 200: RequestDetail, ...withGone },
        },
        onRequest: write,
      },
      async (request) => giveFeedback(ctx, principalOf(request), request.params.id, request.body, requestMeta(request)),
    );
    app.post(
      "/api/requests/:id/corrections",
      {
        schema: {
          tags,
          security: writeSecurity,
          summary: "Correct the form of a sent request (SAP Art. 14(3)); the earlier values are kept",
          params: IdParam,
          body: CorrectionBody,
          response: { 200: RequestDetail, ...withGone },
        },
        onRequest: write,
      },
      async (request) =>
        correctRequest(ctx, principalOf(request), request.params.id, request.body, requestMeta(request)),
    );
    app.get(
      "/api/requests/:id/receipts/:eventId",
      {
        schema: {
          tags,
          security: readSecurity,
          summary: "The signed receipt of one step (compact JWS)",
          params: IdParam.extend({ eventId: z.uuid() }),
          response: { 200: z.unknown().describe("The receipt (compact JWS)"), ...withGone },
        },
        onRequest: read,
      },
      async (request, reply) => {
        const user = principalOf(request);
        const receipt = await ctx.db.tx(async (tx) => {
          const { row } = await requireVisible(tx, user, request.params.id, { at: ctx.clock.now() });
          refusePurged(row);
          return { jws: await receiptOf(tx, row.id, request.params.eventId), number: row.number };
        }, actorOf(user));
        if (!receipt.jws) throw notFound("No receipt for this step.");
        return reply
          .type("application/jose")
          .header(
            "content-disposition",
            `attachment; filename="receipt-${receipt.number}-${request.params.eventId.slice(0, 8)}.jws"`,
          )
          .send(receipt.jws);
      },
    );
    app.get(
      "/api/requests/:id/document",
      {
        schema: {
          tags,
          security: readSecurity,
          summary: "The request as a PDF or DOCX laid out like the T-CY template (the download is logged)",
          params: IdParam,
          querystring: z.object({
            format: z.enum(["pdf", "docx"]).default("pdf"),
            lang: z.enum(["en", "fr"]).default("en"),
          }),
          response: { 200: z.unknown().describe("The document"), ...withGone },
        },
        onRequest: exportDocument,
      },
      async (request, reply) => {
        const { format, lang } = request.query;
        const doc = await requestDocument(
          ctx,
          principalOf(request),
          request.params.id,
          format,
          lang,
          requestMeta(request),
        );
        return reply
          .type(
            format === "pdf"
              ? "application/pdf"
              : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          )
          .header("content-disposition", `attachment; filename="${doc.filename}"`)
          .header("cache-control", "private, no-store")
          .send(doc.body);
      },
    );
    // --- Attachments: the raw file as the body (no multipart), its name in the query -------------
    await app.register(async (scope) => {
      const files = scope.withTypeProvider<ZodTypeProvider>();
      files.addContentTypeParser(
        "application/octet-stream",
        { parseAs: "buffer", bodyLimit: MAX_ATTACHMENT_BYTES + 1 },
        (_req, body, done) => done(null, body),
      );
      files.post(
        "/api/requests/:id/attachments",
        {
          bodyLimit: MAX_ATTACHMENT_BYTES + 1,
          schema: {
            tags,
            security: writeSecurity,
            summary: "Attach a file (PDF, image, text, CSV, Office document; 20 MB at most), encrypted at rest",
            params: IdParam,
            querystring: z.object({ filename: z.string().trim().min(1, "Give the file's name").max(255) }),
            response: { 201: AttachmentInfo, 413: ApiError, ...withGone },
          },
          onRequest: write,
        },
        async (request, reply) => {
          if (!Buffer.isBuffer(request.body)) {
            throw badRequest(
              "file_expected",
              "Send the file itself as the body, with Content-Type application/octet-stream.",
            );
          }
          const file = { filename: request.query.filename, body: request.body };
          return reply
            .code(201)
            .send(await addAttachment(ctx, principalOf(request), request.params.id, file, requestMeta(request)));
        },
      );
    });
    app.get(
      "/api/requests/:id/attachments/:attachmentId",
      {
        schema: {
          tags,
          security: readSecurity,
          summary: "Download an attachment (the download is logged)",
          params: IdParam.extend({ attachmentId: z.uuid() }),
          response: { 200: z.unknown().describe("The file"), ...withGone },
        },
        onRequest: read,
      },
      async (request, reply) => {
        const file = await downloadAttachment(
          ctx,
          principalOf(request),
          request.params.id,
          request.params.attachmentId,
          requestMeta(request),
        );
        return reply
          .type(file.mediaType)
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
          .header("cache-control", "private, no-store")
          .header("x-content-type-options", "nosniff")
          .send(file.body);
      },
    );

    // --- The personal deadline calendar ---------------------------------------------------------
    const CalendarInfo = z.object({
      url: z.string().nullable(),
      active: z.boolean(),
      createdAt: z.string().nullable(),
    });
    app.get(
      "/api/me/calendar",
      {
        schema: {
          tags,
          summary: "My deadline calendar feed (its URL is shown only when made)",
          response: { 200: CalendarInfo, ...errors },
        },
        onRequest: mine,
      },
      async (request) => calendarFeedInfo(ctx, authOf(request).user),
    );
    app.post(
      "/api/me/calendar/rotate",
      {
        schema: {
          tags,
          summary: "Make a new feed URL (the old one stops working)",
          response: { 200: CalendarInfo, ...errors },
        },
        onRequest: mineSensitive,
      },
      async (request) => rotateCalendarFeed(ctx, authOf(request).user, requestMeta(request)),
    );
    app.delete(
      "/api/me/calendar",
      {
        schema: { tags, summary: "Turn my feed off", response: { 204: z.null(), ...errors } },
        onRequest: mine,
      },
      async (request, reply) => {
        await revokeCalendarFeed(ctx, authOf(request).user, requestMeta(request));
        return reply.code(204).send(null);
      },
    );
    app.get(
      "/calendar/:file",
      {
        schema: {
          tags,
          summary: "A deadline feed for calendar apps (the secret URL is the credential)",
          params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, "Not a calendar feed address") }),
          response: { 200: z.unknown().describe("text/calendar"), 429: ApiError, ...errors },
        },
        // The secret URL is the credential: guessing is slowed per client address.
        onRequest: linkLimit,
      },
      async (request, reply) => {
        const ics = await calendarFeed(ctx, request.params.file.slice(0, -4));
        if (!ics) throw notFound("No calendar feed at this address (it may have been replaced).");
        return reply.type("text/calendar; charset=utf-8").header("cache-control", "private, no-store").send(ics);
      },
    );
    app.post(
      "/api/receipts/verify",
      {
        schema: {
          tags,
          security: readSecurity,
          summary: "Check a receipt's signature",
          body: z.object({ receipt: z.string().trim().min(1, "Paste the receipt").max(20_000) }),
          response: {
            200: z.object({
              valid: z.boolean(),
              reason: z.string().optional(),
              payload: z.record(z.string(), z.unknown()).optional(),
            }),
            ...errors,
          },
        },
        onRequest: read,
      },
      async (request) => {
        const r = await ctx.db.tx((tx) => verifyReceipt(tx, request.body.receipt), actorOf(principalOf(request)));
        return r.valid
          ? { valid: true, payload: r.payload as unknown as Record<string, unknown> }
          : { valid: false, reason: r.reason };
      },
    );
  };
}

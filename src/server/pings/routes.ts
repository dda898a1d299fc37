import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Locale } from "../../shared/auth";
import { Iso2 } from "../../shared/directory";
import { ApiError } from "../../shared/errors";
import {
  OpenPingList,
  PingAcknowledged,
  PingAcknowledgeInput,
  PingCampaign,
  PingCampaignInput,
  PingCampaignList,
  PingLinkStatus,
  PingPartyHistory,
  PingPhoneAnswerInput,
  PingPreview,
  PingReport,
  PingSelection,
  PingTrend,
} from "../../shared/pings";
import type { AppContext } from "../context";
import { guard, principalOf, requestMeta } from "../http/guard";
import { rateLimit } from "../http/rate-limit";
import { acknowledgeByLink, acknowledgeInApp, linkStatus, openPings, recordPhoneAnswer } from "./answers";
import { closeCampaign, createCampaign, previewSelection } from "./campaigns";
import { reportCsv, reportPdf } from "./export";
import { campaignReport, listCampaigns, networkTrend, partyHistory, readCampaign } from "./results";

const tags = ["pings"];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 410: ApiError };
const IdParam = z.object({ id: z.uuid("Not a ping test id") });
/** Any text up to a sane length: a truncated or forged link is answered "unknown", not 400. */
const TokenParam = z.object({ token: z.string().max(200) });

export function pingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const manage = guard(ctx, { permission: "pings.manage" });
  const answer = guard(ctx, { permission: "pings.answer" });
  // The acknowledgement link needs no sign-in: limited per client address like calendar feeds.
  const linkLimit = rateLimit(ctx, "link", ctx.config.rateLimits.links);
  return async (app) => {
    app.get(
      "/api/pings",
      {
        schema: {
          tags,
          summary: "Ping tests, newest first, with their counters",
          response: { 200: PingCampaignList, ...errors },
        },
        onRequest: manage,
      },
      async (request) => listCampaigns(ctx, principalOf(request)),
    );
    app.post(
      "/api/pings/preview",
      {
        schema: {
          tags,
          summary: "How many Parties, contact points and addresses a selection reaches now",
          body: PingSelection,
          response: { 200: PingPreview, ...errors },
        },
        onRequest: manage,
      },
      async (request) => previewSelection(ctx, principalOf(request), request.body),
    );
    app.post(
      "/api/pings",
      {
        schema: {
          tags,
          summary: "Create a ping test: now, at a time, or at a random moment of a window (refused without recipients)",
          body: PingCampaignInput,
          response: { 201: PingCampaign, ...errors },
        },
        onRequest: manage,
      },
      async (request, reply) => {
        const user = principalOf(request);
        const id = await createCampaign(ctx, user, request.body, requestMeta(request));
        return reply.code(201).send(await readCampaign(ctx, user, id));
      },
    );
    app.get(
      "/api/pings/trend",
      {
        schema: { tags, summary: "The Network's results across ping tests", response: { 200: PingTrend, ...errors } },
        onRequest: manage,
      },
      async (request) => networkTrend(ctx, principalOf(request)),
    );
    app.get(
      "/api/pings/parties/:iso2/history",
      {
        schema: {
          tags,
          summary: "A Party's results across ping tests",
          params: z.object({ iso2: Iso2 }),
          response: { 200: PingPartyHistory, ...errors },
        },
        onRequest: manage,
      },
      async (request) => partyHistory(ctx, principalOf(request), request.params.iso2),
    );
    app.get(
      "/api/pings/:id",
      {
        schema: {
          tags,
          summary: "A ping test and its live counters",
          params: IdParam,
          response: { 200: PingCampaign, ...errors },
        },
        onRequest: manage,
      },
      async (request) => readCampaign(ctx, principalOf(request), request.params.id),
    );
    app.post(
      "/api/pings/:id/close",
      {
        schema: {
          tags,
          summary: "Close a ping test: its links stop recording answers",
          params: IdParam,
          response: { 200: PingCampaign, ...errors },
        },
        onRequest: manage,
      },
      async (request) => {
        const user = principalOf(request);
        await closeCampaign(ctx, user, request.params.id, requestMeta(request));
        return readCampaign(ctx, user, request.params.id);
      },
    );
    app.get(
      "/api/pings/:id/report",
      {
        schema: {
          tags,
          summary: "The report: Parties (at their fastest contact point) and contact points answering within each time",
          params: IdParam,
          response: { 200: PingReport, ...errors },
        },
        onRequest: manage,
      },
      async (request) => campaignReport(ctx, principalOf(request), request.params.id),
    );
    app.get(
      "/api/pings/:id/report/export",
      {
        schema: {
          tags,
          summary: "The report as CSV or PDF (for the plenary report)",
          params: IdParam,
          querystring: z.object({ format: z.enum(["csv", "pdf"]), lang: Locale.default("en") }),
          response: { 200: z.unknown().describe("text/csv or application/pdf"), ...errors },
        },
        onRequest: manage,
      },
      async (request, reply) => {
        const report = await campaignReport(ctx, principalOf(request), request.params.id);
        const { format, lang } = request.query;
        const name = `ping-test-${report.campaign.firedAt?.slice(0, 10) ?? "draft"}.${format}`;
        reply.header("content-disposition", `attachment; filename="${name}"`);
        if (format === "csv") return reply.type("text/csv; charset=utf-8").send(reportCsv(report, lang));
        return reply.type("application/pdf").send(await reportPdf(report, lang));
      },
    );
    app.post(
      "/api/pings/:id/answers",
      {
        schema: {
          tags,
          summary: "Record an answer received by phone, with a note",
          params: IdParam,
          body: PingPhoneAnswerInput,
          response: { 200: PingAcknowledged, ...errors },
        },
        onRequest: manage,
      },
      async (request) =>
        recordPhoneAnswer(ctx, principalOf(request), request.params.id, request.body, requestMeta(request)),
    );

    // --- Officers answering in Vigil ------------------------------------------------------------
    app.get(
      "/api/pings/open",
      {
        schema: {
          tags,
          summary: "Ping tests waiting for my Party's answer",
          response: { 200: OpenPingList, ...errors },
        },
        onRequest: answer,
      },
      async (request) => openPings(ctx, principalOf(request)),
    );
    app.post(
      "/api/pings/targets/:id/acknowledge",
      {
        schema: {
          tags,
          summary: "Answer a ping test in Vigil for one of my Party's contact points",
          params: z.object({ id: z.uuid("Not a contact point of a ping test") }),
          response: { 200: PingAcknowledged, ...errors },
        },
        onRequest: answer,
      },
      async (request) => acknowledgeInApp(ctx, principalOf(request), request.params.id, requestMeta(request)),
    );

    // --- The e-mail's one-time link (no sign-in) -------------------------------------------------
    app.get(
      "/api/pings/ack/:token",
      {
        schema: {
          tags,
          summary: "What an acknowledgement link is (valid, answered, expired, closed, unknown); records nothing",
          params: TokenParam,
          response: { 200: PingLinkStatus, 429: ApiError, ...errors },
        },
        onRequest: linkLimit,
      },
      async (request) => linkStatus(ctx, request.params.token),
    );
    app.post(
      "/api/pings/ack/:token",
      {
        schema: {
          tags,
          summary: "Acknowledge a ping test with one's name (the link is the credential)",
          params: TokenParam,
          body: PingAcknowledgeInput,
          response: { 200: PingAcknowledged, 429: ApiError, ...errors },
        },
        onRequest: linkLimit,
      },
      async (request) => acknowledgeByLink(ctx, request.params.token, request.body.name, requestMeta(request)),
    );
  };
}

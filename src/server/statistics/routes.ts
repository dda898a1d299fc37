import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError } from "../../shared/errors";
import {
  DirectoryFigures,
  PingFigures,
  RequestFlows,
  StatisticsExportQuery,
  StatisticsQuery,
} from "../../shared/plenary";
import type { AppContext } from "../context";
import { guard, principalOf } from "../http/guard";
import { directoryFigures, pingFigures, requestFlows, statisticsCsv } from "./statistics";

const tags = ["statistics"];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError };

export function statisticsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const read = guard(ctx, { permission: "stats.read" });
  return async (app) => {
    app.get(
      "/api/statistics/directory",
      {
        schema: {
          tags,
          summary: "Parties with contact points, with more than one, and contact points by type",
          response: { 200: DirectoryFigures, ...errors },
        },
        onRequest: read,
      },
      async (request) => directoryFigures(ctx, principalOf(request)),
    );
    app.get(
      "/api/statistics/requests",
      {
        schema: {
          tags,
          summary: "Requests sent and received per Party and type, and median times (exercises left out)",
          querystring: StatisticsQuery,
          response: { 200: RequestFlows, ...errors },
        },
        onRequest: read,
      },
      async (request) => requestFlows(ctx, principalOf(request), request.query),
    );
    app.get(
      "/api/statistics/pings",
      {
        schema: {
          tags,
          summary: "Ping test results over time (the Network's for the Secretariat, one's own Party's for its members)",
          response: { 200: PingFigures, ...errors },
        },
        onRequest: read,
      },
      async (request) => pingFigures(ctx, principalOf(request)),
    );
    app.get(
      "/api/statistics/export",
      {
        schema: {
          tags,
          summary: "One figure of the statistics page as CSV",
          querystring: StatisticsExportQuery,
          response: { 200: z.unknown().describe("text/csv"), ...errors },
        },
        onRequest: read,
      },
      async (request, reply) => {
        const { figure, from, to, lang } = request.query;
        const csv = await statisticsCsv(ctx, principalOf(request), figure, { from, to }, lang);
        reply.header("content-disposition", `attachment; filename="vigil-statistics-${figure}.csv"`);
        return reply.type("text/csv; charset=utf-8").send(csv);
      },
    );
  };
}

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Locale } from "../../shared/auth";
import { IsoDate } from "../../shared/directory";
import { ApiError } from "../../shared/errors";
import { PlenaryReport, PlenaryReportInput } from "../../shared/plenary";
import type { AppContext } from "../context";
import { guard, principalOf, requestMeta } from "../http/guard";
import { plenaryDocx } from "./docx";
import { plenaryPdf } from "./pdf";
import { plenaryReport } from "./report";

const tags = ["plenary"];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError };

const PreviewQuery = z
  .object({ from: IsoDate, to: IsoDate, conclusions: z.string().max(8000).default("") })
  .refine((p) => p.from <= p.to, { message: "The period must end on or after its start", path: ["to"] });

export function plenaryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const manage = guard(ctx, { permission: "plenary.manage" });
  return async (app) => {
    app.get(
      "/api/plenary/report",
      {
        schema: {
          tags,
          summary: "The plenary report's figures for a period, from the data (the Secretariat)",
          querystring: PreviewQuery,
          response: { 200: PlenaryReport, ...errors },
        },
        onRequest: manage,
      },
      async (request) => plenaryReport(ctx, principalOf(request), request.query, requestMeta(request)),
    );
    app.get(
      "/api/plenary/report/export",
      {
        schema: {
          tags,
          summary: "The plenary report for a period as PDF or DOCX, in English or French",
          querystring: PlenaryReportInput,
          response: { 200: z.unknown().describe("application/pdf or a Word document"), ...errors },
        },
        onRequest: manage,
      },
      async (request, reply) => {
        const q = request.query;
        const lang: Locale = q.lang;
        const report = await plenaryReport(ctx, principalOf(request), q, requestMeta(request));
        const name = `vigil-plenary-${q.from}-${q.to}-${lang}.${q.format}`;
        reply.header("content-disposition", `attachment; filename="${name}"`);
        reply.header("cache-control", "no-store");
        if (q.format === "docx") {
          return reply
            .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .send(await plenaryDocx(report, lang));
        }
        return reply.type("application/pdf").send(await plenaryPdf(report, lang));
      },
    );
  };
}

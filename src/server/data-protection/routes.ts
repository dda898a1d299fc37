import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CopyQuery,
  DataProtectionReport,
  PersonCopies,
  PersonCopyQuery,
  ReportExportQuery,
  ReportQuery,
  RequestCopy,
} from "../../shared/data-protection";
import { ApiError } from "../../shared/errors";
import type { AppContext } from "../context";
import { authOf, guard, requestMeta } from "../http/guard";
import { personCopiesLayout, requestCopyLayout } from "../requests/documents/copy-layout";
import { renderPdf } from "../requests/documents/pdf";
import { personCopies, requestCopy } from "../requests/dp-copy";
import { partyReport } from "./report";
import { reportCsv, reportPdf } from "./report-files";

const tags = ["data protection"];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };
const IdParam = z.object({ id: z.uuid("Not a request id") });
const file = z.unknown().describe("JSON or PDF");

/**
 * Copies per case and per person (SAP Art. 14(11–12)) and the Party's report: for a Party's
 * admin and its auditor. Copies leave Vigil with personal data: a recent sign-in is needed, and
 * each one is audited. Sessions only: a national system's token never produces them.
 */
export function dataProtectionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const copies = guard(ctx, { permission: "dataProtection.copies", recentAuth: true });
  const report = guard(ctx, { permission: "dataProtection.report" });
  return async (app) => {
    app.get(
      "/api/data-protection/requests/:id/copy",
      {
        schema: {
          tags,
          summary:
            "A request's data-protection copy: legal basis, purpose, data, retention, recipients, accesses, refusal (audited)",
          params: IdParam,
          querystring: CopyQuery,
          response: { 200: file, ...errors },
        },
        onRequest: copies,
      },
      async (request, reply) => {
        const { format, lang } = request.query;
        const copy = await requestCopy(
          ctx,
          authOf(request).user,
          request.params.id,
          { format, locale: lang },
          requestMeta(request),
        );
        // Parsed by the schema before it leaves, as every other answer is.
        const body = RequestCopy.parse(copy);
        const name = `data-protection-copy-${body.copy.request.number}-${lang}.${format}`;
        reply
          .header("content-disposition", `attachment; filename="${name}"`)
          .header("cache-control", "private, no-store");
        if (format === "json") return reply.type("application/json").send(JSON.stringify(body, null, 2));
        return reply.type("application/pdf").send(await renderPdf(requestCopyLayout(body, lang)));
      },
    );
    app.get(
      "/api/data-protection/person-copies",
      {
        schema: {
          tags,
          summary:
            "Data-protection copies of every request of the Party that names a person (identifier or name; audited)",
          querystring: PersonCopyQuery,
          response: { 200: file, ...errors },
        },
        onRequest: copies,
      },
      async (request, reply) => {
        const { format, lang, q } = request.query;
        const found = PersonCopies.parse(
          await personCopies(ctx, authOf(request).user, q, { format, locale: lang }, requestMeta(request)),
        );
        const day = found.producedAt.slice(0, 10);
        reply
          .header("content-disposition", `attachment; filename="data-protection-copy-person-${day}-${lang}.${format}"`)
          .header("cache-control", "private, no-store");
        if (format === "json") return reply.type("application/json").send(JSON.stringify(found, null, 2));
        return reply.type("application/pdf").send(await renderPdf(personCopiesLayout(found, lang)));
      },
    );
    app.get(
      "/api/data-protection/report",
      {
        schema: {
          tags,
          summary: "The caller's Party's data-protection report for a period (counts only)",
          querystring: ReportQuery,
          response: { 200: DataProtectionReport, ...errors },
        },
        onRequest: report,
      },
      async (request) => partyReport(ctx, authOf(request).user, request.query),
    );
    app.get(
      "/api/data-protection/report/export",
      {
        schema: {
          tags,
          summary: "The same report as CSV or PDF",
          querystring: ReportExportQuery,
          response: { 200: z.unknown().describe("CSV or PDF"), ...errors },
        },
        onRequest: report,
      },
      async (request, reply) => {
        const { format, lang, from, to } = request.query;
        const r = await partyReport(ctx, authOf(request).user, { from, to });
        const name = `data-protection-report-${r.party.iso2}-${from ?? "start"}-${to ?? r.producedAt.slice(0, 10)}-${lang}.${format}`;
        reply
          .header("content-disposition", `attachment; filename="${name}"`)
          .header("cache-control", "private, no-store");
        if (format === "csv") return reply.type("text/csv; charset=utf-8").send(reportCsv(r, lang));
        return reply.type("application/pdf").send(await reportPdf(r, lang));
      },
    );
  };
}

import type { PlenaryReport, PlenaryReportInput } from "../../shared/plenary";
import { appendAudit } from "../audit/log";
import { can } from "../auth/policy";
import type { Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import { activitiesIn } from "../capacity-building/activities";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { readDirectoryDocument } from "../directory/entries";
import { releasesBefore } from "../directory/history";
import { forbidden } from "../http/errors";
import { actorOf } from "../http/guard";
import { meetingsIn } from "../meetings/meetings";
import { latestPingTable } from "../pings/figures";
import { loadMlaProgress } from "./mla-progress";
import { assemblePlenaryReport, type PlenaryData, periodEnd } from "./model";

/** Gathers a period's data from each module's own read functions; the figures are made by the model. */
export async function loadPlenaryData(
  tx: Tx,
  period: { from: string; to: string; conclusions?: string },
  now: Date,
): Promise<PlenaryData> {
  const end = periodEnd(period.to);
  const ping = await latestPingTable(tx, end);
  return {
    from: period.from,
    to: period.to,
    now,
    releases: await releasesBefore(tx, end),
    current: await readDirectoryDocument(tx),
    ping,
    meetings: await meetingsIn(tx, period.from, period.to),
    activities: await activitiesIn(tx, period.from, period.to),
    mlaProgress: await loadMlaProgress(tx),
    conclusions: period.conclusions ?? "",
  };
}

/** The report of a period for the Secretariat; who made it, for which period, is audited. */
export async function plenaryReport(
  ctx: AppContext,
  user: Principal,
  input: Pick<PlenaryReportInput, "from" | "to" | "conclusions"> & { format?: string },
  meta: RequestMeta,
): Promise<PlenaryReport> {
  if (!can(user, "plenary.manage")) throw forbidden("The plenary report is the Secretariat's.");
  const now = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const report = assemblePlenaryReport(await loadPlenaryData(tx, input, now));
    await appendAudit(tx, now, auditWho(user, meta), {
      action: "plenary.report",
      targetType: "plenary_report",
      details: { from: input.from, to: input.to, format: input.format ?? "json" },
    });
    return report;
  }, actorOf(user));
}

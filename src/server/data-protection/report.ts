import type { DataProtectionReport, ReportQuery } from "../../shared/data-protection";
import { copiesProduced, partyAccessLog } from "../audit/access-log";
import { can } from "../auth/policy";
import type { Principal } from "../auth/principal";
import type { AppContext } from "../context";
import { findPartyById } from "../directory/entries";
import { forbidden } from "../http/errors";
import { actorOf } from "../http/guard";
import { incidentFigures } from "../incidents/incidents";
import { onwardFigures, requestFigures, suspensionFigures } from "../requests/dp-figures";

/**
 * A Party's data-protection report for a period (issue 6, point 3): the access log's counts
 * (Art. 14(8)), requests sent, received and purged (14(5)), onward transfers (14(10)),
 * suspensions (14(15)), incidents naming the Party (14(7)) and the copies its users produced
 * (14(11–12)). Each module counts its own rows; this only puts the figures side by side.
 * Counts only: no request number, name or identifier can come out of it.
 */
export async function partyReport(ctx: AppContext, user: Principal, q: ReportQuery): Promise<DataProtectionReport> {
  if (!can(user, "dataProtection.report")) throw forbidden();
  const partyId = user.partyId;
  if (!partyId) throw forbidden("The data-protection report is kept per Party.");
  const period = { from: q.from, to: q.to };
  const access = await partyAccessLog(ctx, user, { ...period, by: "all", limit: 1, offset: 0 });
  return ctx.db.tx(async (tx) => {
    const party = await findPartyById(tx, partyId);
    return {
      party: { iso2: party?.iso2 ?? "", nameEn: party?.nameEn ?? "", nameFr: party?.nameFr ?? "" },
      from: q.from ?? null,
      to: q.to ?? null,
      producedAt: ctx.clock.now().toISOString(),
      access: access.summary,
      requests: await requestFigures(tx, partyId, period),
      onwardTransfers: await onwardFigures(tx, partyId, period),
      suspensions: await suspensionFigures(tx, partyId, period),
      incidents: await incidentFigures(tx, partyId, period),
      copies: await copiesProduced(tx, partyId, period),
    };
  }, actorOf(user));
}

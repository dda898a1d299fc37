import { and, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { INCIDENT_RETENTION_DAYS } from "../../shared/incidents";
import { type AuditContext, appendAudit } from "../audit/log";
import type { AppContext } from "../context";
import { queryRows, SYSTEM_ACTOR } from "../db/database";
import { securityIncidents } from "./tables";

/*
 * Retention of the incident register (Art. 14(5)). The register is the record that incidents were
 * assessed, mitigated and notified (Art. 14(7)), so an incident is never deleted; but its words
 * may name persons (an officer whose mailbox was read, a suspect named in a leaked request), so
 * INCIDENT_RETENTION_DAYS after it was closed they go: title, description, measures, the updates'
 * notes and who recorded or wrote them. Dates, categories of data, status, the Parties told and
 * when, and the request numbers (not personal) stay. An open incident is never purged.
 */

const DAY_MS = 86_400_000;

const SYSTEM_WHO: AuditContext = { userId: null, label: "system (retention purge)", partyId: null };

export type IncidentPurgeReport = { purged: number; updates: number };

/** Runs as the system actor, in one transaction with its audit entry; a second run changes nothing. */
export async function purgeClosedIncidents(ctx: AppContext): Promise<IncidentPurgeReport> {
  const at = ctx.clock.now();
  const cutoff = new Date(at.getTime() - INCIDENT_RETENTION_DAYS * DAY_MS);
  return ctx.db.tx(async (tx) => {
    // SKIP LOCKED: two instances running the job at once never purge the same incident twice.
    const due = await tx
      .select({ id: securityIncidents.id })
      .from(securityIncidents)
      .where(
        and(
          isNull(securityIncidents.purgedAt),
          isNotNull(securityIncidents.closedAt),
          lte(securityIncidents.closedAt, cutoff),
          sql`${securityIncidents.status} = 'closed'`,
        ),
      )
      .for("update", { skipLocked: true });
    const ids = due.map((d) => d.id);
    let updates = 0;
    if (ids.length > 0) {
      await tx
        .update(securityIncidents)
        .set({ title: "", description: "", measures: "", recordedBy: null, purgedAt: at })
        .where(inArray(securityIncidents.id, ids));
      for (const id of ids) {
        // Updates are append-only for the application role: an owner function blanks them, and
        // only for an incident already marked purged (migration 0016).
        const [n] = await queryRows<{ n: number }>(tx, sql`select scrub_purged_incident_updates(${id}::uuid) as n`);
        updates += Number(n?.n ?? 0);
      }
    }
    const report = { purged: ids.length, updates };
    await appendAudit(tx, at, SYSTEM_WHO, {
      action: "incidents.purged",
      targetType: "retention",
      targetId: "incidents",
      details: { ...report, incidents: ids, days: INCIDENT_RETENTION_DAYS },
    });
    return report;
  }, SYSTEM_ACTOR);
}

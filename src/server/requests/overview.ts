import { sql } from "drizzle-orm";
import type { RequestOverview } from "../../shared/requests";
import { statisticsScope } from "../auth/policy";
import type { Principal } from "../auth/principal";
import type { AppContext } from "../context";
import { queryRows } from "../db/database";
import { forbidden } from "../http/errors";
import { actorOf } from "../http/guard";

/**
 * Counts and timings of requests per Party, for the Secretariat and the Parties (the Network's
 * figures): computed in the database from the request rows' states and times only; no content,
 * no reference, no identifier leaves the database, and the caller never reads a request row.
 */
export async function requestOverview(
  ctx: AppContext,
  user: Principal,
  q: { from?: string; to?: string },
): Promise<RequestOverview> {
  const scope = statisticsScope(user);
  if (!scope) throw forbidden();
  const from = q.from ?? null;
  const to = q.to ?? null;
  return ctx.db.tx(async (tx) => {
    // The acting user sees only its own Party's requests (row-level security); the Network's
    // figures come from functions that count over every request with the owner's rights and
    // return numbers only (migrations: vigil_request_overview, vigil_request_counts_by_type).
    const perParty = await queryRows<{
      id: string;
      iso2: string;
      name_en: string;
      name_fr: string;
      sent: number;
      received: number;
      open: number;
      emergencies: number;
      ack: number | null;
      answer: number | null;
    }>(
      tx,
      sql`select p.id, p.iso2, p.name_en, p.name_fr, o.sent, o.received, o.open, o.emergencies,
            o.ack_minutes as ack, o.answer_minutes as answer
          from vigil_request_overview(${from}::date, ${to}::date) o
          join parties p on p.id = o.party_id
          order by p.name_en`,
    );
    const byType = await queryRows<{ type: RequestOverview["byType"][number]["type"]; count: number }>(
      tx,
      sql`select t.type, t.count from vigil_request_counts_by_type(${from}::date, ${to}::date) t
          order by t.count desc, t.type`,
    );
    const round = (n: number | null) => (n === null ? null : Math.round(Number(n) * 10) / 10);
    const active = perParty.filter((p) => p.sent > 0 || p.received > 0);
    const parties = active
      // A Party's members see their own Party's row; the totals stay the Network's.
      .filter((p) => scope === "network" || p.id === user.partyId)
      .map((p) => ({
        party: { iso2: p.iso2, nameEn: p.name_en, nameFr: p.name_fr },
        sent: p.sent,
        received: p.received,
        open: p.open,
        emergencies: p.emergencies,
        medianMinutesToAcknowledge: round(p.ack),
        medianMinutesToAnswer: round(p.answer),
      }));
    return {
      from,
      to,
      totals: {
        sent: active.reduce((n, p) => n + p.sent, 0),
        open: active.reduce((n, p) => n + p.open, 0),
        emergencies: active.reduce((n, p) => n + p.emergencies, 0),
      },
      byType,
      parties,
    };
  }, actorOf(user));
}

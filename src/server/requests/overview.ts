import { sql } from "drizzle-orm";
import type { RequestOverview } from "../../shared/requests";
import { can } from "../auth/policy";
import type { Principal } from "../auth/principal";
import type { AppContext } from "../context";
import { queryRows } from "../db/database";
import { forbidden } from "../http/errors";
import { actorOf } from "../http/guard";

/**
 * Counts and timings of requests per Party, for the Secretariat and the Parties (the Network's
 * figures): computed in the database from the request rows' states and times only; no content,
 * no reference, no identifier leaves this function.
 */
export async function requestOverview(
  ctx: AppContext,
  user: Principal,
  q: { from?: string; to?: string },
): Promise<RequestOverview> {
  if (!can(user, "stats.read")) throw forbidden();
  const from = q.from ?? null;
  const to = q.to ?? null;
  return ctx.db.tx(async (tx) => {
    const window = sql`r.sent_at is not null
      and (${from}::date is null or r.sent_at >= ${from}::date)
      and (${to}::date is null or r.sent_at < ${to}::date + 1)`;
    const perParty = await queryRows<{
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
      sql`with r as (select * from requests r where ${window})
          select p.iso2, p.name_en, p.name_fr,
            (select count(*)::int from r where r.sender_party_id = p.id) as sent,
            (select count(*)::int from r where r.requested_party_id = p.id) as received,
            (select count(*)::int from r where r.requested_party_id = p.id
               and r.state in ('sent', 'acknowledged', 'in_progress')) as open,
            (select count(*)::int from r where r.requested_party_id = p.id and r.emergency) as emergencies,
            (select percentile_cont(0.5) within group (order by extract(epoch from r.acknowledged_at - r.sent_at) / 60)
               from r where r.requested_party_id = p.id and r.acknowledged_at is not null) as ack,
            (select percentile_cont(0.5) within group (order by extract(epoch from r.answered_at - r.sent_at) / 60)
               from r where r.requested_party_id = p.id and r.answered_at is not null) as answer
          from parties p
          order by p.name_en`,
    );
    const byType = await queryRows<{ type: RequestOverview["byType"][number]["type"]; count: number }>(
      tx,
      sql`select r.type, count(*)::int as count from requests r where ${window} group by r.type order by count desc, r.type`,
    );
    const round = (n: number | null) => (n === null ? null : Math.round(Number(n) * 10) / 10);
    const parties = perParty
      .filter((p) => p.sent > 0 || p.received > 0)
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
        sent: parties.reduce((n, p) => n + p.sent, 0),
        open: parties.reduce((n, p) => n + p.open, 0),
        emergencies: parties.reduce((n, p) => n + p.emergencies, 0),
      },
      byType,
      parties,
    };
  }, actorOf(user));
}

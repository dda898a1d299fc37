import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../db/database";

/**
 * The requests module's figures for a Party's data-protection report (data-protection/report.ts):
 * counts only, over the Party's own requests (row-level security runs as the caller too).
 * A period is two days, both included; either may be open.
 */
export type Period = { from?: string | undefined; to?: string | undefined };

const within = (column: string, q: Period) => {
  const c = sql.raw(column);
  return sql`(${q.from ?? null}::date is null or ${c} >= ${q.from ?? null}::date)
    and (${q.to ?? null}::date is null or ${c} < ${q.to ?? null}::date + 1)`;
};

/** Requests the Party sent and received (by the day sent), and those of either side purged in the period. */
export async function requestFigures(
  tx: Tx,
  partyId: string,
  q: Period,
): Promise<{ sent: number; received: number; purged: number }> {
  const [row] = await queryRows<{ sent: number; received: number; purged: number }>(
    tx,
    sql`select
          count(*) filter (where r.sender_party_id = ${partyId}::uuid and r.sent_at is not null and ${within("r.sent_at", q)})::int as sent,
          count(*) filter (where r.requested_party_id = ${partyId}::uuid and r.sent_at is not null and ${within("r.sent_at", q)})::int as received,
          count(*) filter (where r.purged_at is not null and ${within("r.purged_at", q)})::int as purged
        from requests r
        where r.sender_party_id = ${partyId}::uuid or (r.requested_party_id = ${partyId}::uuid and r.state <> 'draft')`,
  );
  return { sent: row?.sent ?? 0, received: row?.received ?? 0, purged: row?.purged ?? 0 };
}

/** Onward transfers of the Party's requests: asked in the period, and authorised or refused in it. */
export async function onwardFigures(
  tx: Tx,
  partyId: string,
  q: Period,
): Promise<{ asked: number; authorised: number; refused: number }> {
  const [row] = await queryRows<{ asked: number; authorised: number; refused: number }>(
    tx,
    sql`select
          count(*) filter (where ${within("o.asked_at", q)})::int as asked,
          count(*) filter (where o.status = 'authorised' and ${within("o.decided_at", q)})::int as authorised,
          count(*) filter (where o.status = 'refused' and ${within("o.decided_at", q)})::int as refused
        from onward_transfers o join requests r on r.id = o.request_id
        where r.sender_party_id = ${partyId}::uuid or r.requested_party_id = ${partyId}::uuid`,
  );
  return { asked: row?.asked ?? 0, authorised: row?.authorised ?? 0, refused: row?.refused ?? 0 };
}

/** Suspensions of transfers made by the Party, made against it, and (either) lifted, in the period. */
export async function suspensionFigures(
  tx: Tx,
  partyId: string,
  q: Period,
): Promise<{ byParty: number; ofParty: number; lifted: number }> {
  const [row] = await queryRows<{ by_party: number; of_party: number; lifted: number }>(
    tx,
    sql`select
          count(*) filter (where s.from_party_id = ${partyId}::uuid and ${within("s.suspended_at", q)})::int as by_party,
          count(*) filter (where s.to_party_id = ${partyId}::uuid and ${within("s.suspended_at", q)})::int as of_party,
          count(*) filter (where s.lifted_at is not null and ${within("s.lifted_at", q)})::int as lifted
        from transfer_suspensions s
        where s.from_party_id = ${partyId}::uuid or s.to_party_id = ${partyId}::uuid`,
  );
  return { byParty: row?.by_party ?? 0, ofParty: row?.of_party ?? 0, lifted: row?.lifted ?? 0 };
}

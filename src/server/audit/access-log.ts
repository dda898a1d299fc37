import { type SQL, sql } from "drizzle-orm";
import type { AccessKind, AccessLog, AccessLogEntry, AccessLogQuery } from "../../shared/access-log";
import { AccessReason } from "../../shared/requests";
import { can } from "../auth/policy";
import type { Principal } from "../auth/principal";
import type { AppContext } from "../context";
import { queryRows, type Tx } from "../db/database";
import { forbidden } from "../http/errors";
import { actorOf } from "../http/guard";

/** The audit actions that are a consultation or a disclosure, and what the log calls them. */
const ACTIONS: Record<string, AccessKind> = {
  "request.read": "read",
  "request.exported": "exported",
  "request.attachment_downloaded": "attachment_downloaded",
  "request.onward_transfers_read": "onward_transfers_read",
  "request.purpose_given": "purpose_given",
  "directory.release.exported": "release_exported",
  "request.dp_copy": "copy_produced",
};

const reasonOf = (v: unknown): AccessReason | null => {
  const parsed = AccessReason.safeParse(v);
  return parsed.success ? parsed.data : null;
};

/** The audit action of a data-protection copy of one request (requests/dp-copy.ts writes it). */
export const COPY_ACTION = "request.dp_copy";
/** The audit action of a search of a Party's requests for a person (no term is recorded). */
export const PERSON_SEARCH_ACTION = "request.person_searched";

const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);

type AuditRow = {
  id: number | string;
  at: Date | string;
  action: string;
  actor_label: string | null;
  iso2: string | null;
  details: Record<string, unknown> | null;
};

/** One audit row as an entry of an access log: the Party's own, or a request's in its copy. */
function toEntry(r: AuditRow, target: string | null, ip: string | null): AccessLogEntry {
  return {
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    kind: ACTIONS[r.action] as AccessKind,
    who: r.actor_label,
    party: r.iso2,
    target,
    purpose: text(r.details?.purpose),
    reason: reasonOf(r.details?.reason),
    format: text(r.details?.format),
    ip,
  };
}

type Window = { from?: string | undefined; to?: string | undefined };
const inWindow = (q: Window): SQL => sql`(${q.from ?? null}::date is null or a.at >= ${q.from ?? null}::date)
      and (${q.to ?? null}::date is null or a.at < ${q.to ?? null}::date + 1)`;

/**
 * Who opened, printed, downloaded or copied one request, oldest first, without the addresses they
 * came from: for its data-protection copy. The caller has already checked that the viewer may see the request (requests/access.ts).
 */
export async function accessesOfRequest(tx: Tx, requestId: string): Promise<AccessLogEntry[]> {
  const actions = Object.keys(ACTIONS).filter((a) => a.startsWith("request."));
  const rows = await queryRows<{
    id: number | string;
    at: Date | string;
    action: string;
    actor_label: string | null;
    iso2: string | null;
    details: Record<string, unknown> | null;
    number: string | null;
  }>(
    tx,
    sql`select a.id, a.at, a.action, a.actor_label, p.iso2, a.details, a.details->>'number' as number
        from audit_log a left join parties p on p.id = a.actor_party_id
        where a.target_type = 'request' and a.target_id = ${requestId}
          and a.action in (${sql.join(
            actions.map((x) => sql`${x}`),
            sql`, `,
          )})
        order by a.at, a.id`,
  );
  // The copy goes to a person outside the Network: who and when, not the officials' addresses
  // (the Party's own access log keeps them).
  return rows.map((r) => toEntry(r, r.number, null));
}

/** The data-protection copies a Party's users produced in the period, and their searches for a person. */
export async function copiesProduced(
  tx: Tx,
  partyId: string,
  q: Window,
): Promise<{ copies: number; personSearches: number }> {
  const [row] = await queryRows<{ copies: number; searches: number }>(
    tx,
    sql`select count(*) filter (where a.action = ${COPY_ACTION})::int as copies,
               count(*) filter (where a.action = ${PERSON_SEARCH_ACTION})::int as searches
        from audit_log a
        where a.actor_party_id = ${partyId}::uuid and a.action in (${COPY_ACTION}, ${PERSON_SEARCH_ACTION})
          and ${inWindow(q)}`,
  );
  return { copies: row?.copies ?? 0, personSearches: row?.searches ?? 0 };
}

/**
 * A Party's record of consultation and disclosure (SAP Art. 14(8)): who opened, printed or
 * downloaded its requests (its own users and the other Party's), and which directory releases its
 * users exported; when, from where, and why when a reason was given. Read from the audit chain;
 * the join with `requests` runs under row-level security as the Party's admin, so it can only
 * ever name requests that Party is a party to.
 */
export async function partyAccessLog(ctx: AppContext, user: Principal, q: AccessLogQuery): Promise<AccessLog> {
  if (!can(user, "audit.read")) throw forbidden();
  const partyId = user.partyId;
  if (!partyId) {
    throw forbidden("The access log is kept per Party: each Party's administrators read their own.");
  }
  return ctx.db.tx(async (tx) => {
    const requestActions = Object.keys(ACTIONS).filter((a) => a.startsWith("request."));
    const inList = (xs: string[]) =>
      sql.join(
        xs.map((x) => sql`${x}`),
        sql`, `,
      );
    const window: SQL = inWindow(q);
    const by: SQL =
      q.by === "own"
        ? sql`a.actor_party_id = ${partyId}::uuid`
        : q.by === "other"
          ? sql`a.actor_party_id is distinct from ${partyId}::uuid`
          : sql`true`;
    const base = sql`
      select a.id, a.at, a.action, a.actor_label, a.actor_party_id, a.ip, a.details,
             coalesce(r.number, a.details->>'version', a.target_id) as target
      from audit_log a
      left join requests r on a.target_type = 'request' and r.id::text = a.target_id
      where ${window} and ${by} and (
        (a.action in (${inList(requestActions)}) and r.id is not null
           and (r.sender_party_id = ${partyId}::uuid or r.requested_party_id = ${partyId}::uuid))
        or (a.action = 'directory.release.exported' and a.actor_party_id = ${partyId}::uuid)
      )`;
    const rows = await queryRows<{
      id: number | string;
      at: Date | string;
      action: string;
      actor_label: string | null;
      iso2: string | null;
      ip: string | null;
      details: Record<string, unknown> | null;
      target: string | null;
    }>(
      tx,
      sql`with log as (${base})
          select log.id, log.at, log.action, log.actor_label, p.iso2, log.ip, log.details, log.target
          from log left join parties p on p.id = log.actor_party_id
          order by log.at desc, log.id desc
          limit ${q.limit} offset ${q.offset}`,
    );
    const [counts] = await queryRows<{
      total: number;
      reads: number;
      exports: number;
      downloads: number;
      by_other: number;
      people: number;
    }>(
      tx,
      sql`with log as (${base})
          select count(*)::int as total,
            count(*) filter (where action = 'request.read')::int as reads,
            count(*) filter (where action in ('request.exported', 'directory.release.exported'))::int as exports,
            count(*) filter (where action = 'request.attachment_downloaded')::int as downloads,
            count(*) filter (where actor_party_id is distinct from ${partyId}::uuid)::int as by_other,
            count(distinct actor_label)::int as people
          from log`,
    );
    const [party] = await queryRows<{ iso2: string }>(tx, sql`select iso2 from parties where id = ${partyId}::uuid`);
    return {
      party: party?.iso2 ?? "",
      entries: rows.map((r) => toEntry(r, r.target, r.ip)),
      total: counts?.total ?? 0,
      summary: {
        reads: counts?.reads ?? 0,
        exports: counts?.exports ?? 0,
        downloads: counts?.downloads ?? 0,
        byOtherParty: counts?.by_other ?? 0,
        people: counts?.people ?? 0,
      },
    };
  }, actorOf(user));
}

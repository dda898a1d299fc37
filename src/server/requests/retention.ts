import { and, eq, inArray, sql } from "drizzle-orm";
import { REQUEST_TYPES, type RequestType } from "../../shared/requests";
import {
  DEFAULT_RETENTION,
  type RetentionPeriod,
  type RetentionPeriods,
  type RetentionRule,
} from "../../shared/retention";
import { type AuditContext, appendAudit } from "../audit/log";
import { auditLog } from "../audit/tables";
import { can } from "../auth/policy";
import type { Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import { users } from "../auth/tables";
import type { AppContext, RequestMeta } from "../context";
import { queryRows, SYSTEM_ACTOR, type Tx } from "../db/database";
import { forbidden } from "../http/errors";
import { actorOf } from "../http/guard";
import {
  requestAccessPurposes,
  requestAssignments,
  requestAttachments,
  requestCorrections,
  requestMessages,
  requests,
  retentionPeriods,
} from "./tables";
import { onwardTransfers } from "./transfer-tables";

/**
 * Retention (Art. 14(5) of the Second Additional Protocol): each request type's content is kept
 * for a period the Secretariat sets (shared/retention.ts), then a daily job removes it. What stays
 * is the skeleton the Network's statistics are made of: number, type, Parties, state, emergency
 * flag and the times of sending, acknowledgement, answer and closing.
 */

// ---------------------------------------------------------------------------------------------
// The periods
// ---------------------------------------------------------------------------------------------

/** Every type's rule: its row, or the default for a type that has none (a type added later). */
async function rulesOf(
  tx: Tx,
): Promise<Map<RequestType, RetentionRule & { updatedAt: Date | null; updatedBy: string | null }>> {
  const rows = await tx
    .select({
      type: retentionPeriods.type,
      daysAfterFinal: retentionPeriods.daysAfterFinal,
      daysIfOpen: retentionPeriods.daysIfOpen,
      updatedAt: retentionPeriods.updatedAt,
      updatedBy: users.displayName,
    })
    .from(retentionPeriods)
    .leftJoin(users, eq(users.id, retentionPeriods.updatedBy));
  const byType = new Map(rows.map((r) => [r.type, r]));
  return new Map(
    REQUEST_TYPES.map((type) => [
      type,
      byType.get(type) ?? { ...DEFAULT_RETENTION[type], updatedAt: null, updatedBy: null },
    ]),
  );
}

function presentPeriod(
  type: RequestType,
  r: RetentionRule & { updatedAt: Date | null; updatedBy: string | null },
): RetentionPeriod {
  return {
    type,
    daysAfterFinal: r.daysAfterFinal,
    daysIfOpen: r.daysIfOpen,
    defaults: DEFAULT_RETENTION[type],
    updatedAt: r.updatedAt?.toISOString() ?? null,
    updatedBy: r.updatedBy,
  };
}

const PURGE_RUN = { targetType: "retention", targetId: "purge" } as const;

export async function listRetention(ctx: AppContext, user: Principal): Promise<RetentionPeriods> {
  if (!can(user, "retention.read")) throw forbidden();
  return ctx.db.tx(async (tx) => {
    const rules = await rulesOf(tx);
    // A run's batches share its time: their counts add up.
    const [last] = await queryRows<{ at: string; purged: number; drafts: number }>(
      tx,
      sql`select max(at) as at, sum((details->>'purged')::int)::int as purged,
                 sum((details->>'draftsDeleted')::int)::int as drafts
          from ${auditLog}
          where target_type = ${PURGE_RUN.targetType} and target_id = ${PURGE_RUN.targetId}
            and at = (select max(at) from ${auditLog}
                      where target_type = ${PURGE_RUN.targetType} and target_id = ${PURGE_RUN.targetId})`,
    );
    return {
      periods: [...rules].map(([type, r]) => presentPeriod(type, r)),
      lastRun: last?.at
        ? { at: new Date(last.at).toISOString(), purged: last.purged ?? 0, draftsDeleted: last.drafts ?? 0 }
        : null,
    };
  }, actorOf(user));
}

/** The Secretariat changes one type's periods; the change and the values before it are audited. */
export async function updateRetention(
  ctx: AppContext,
  user: Principal,
  type: RequestType,
  rule: RetentionRule,
  meta: RequestMeta,
): Promise<RetentionPeriod> {
  if (!can(user, "retention.manage")) throw forbidden("Only the Secretariat changes retention periods.");
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const before = (await rulesOf(tx)).get(type) ?? DEFAULT_RETENTION[type];
    await tx
      .insert(retentionPeriods)
      .values({ type, ...rule, updatedAt: at, updatedBy: user.id })
      .onConflictDoUpdate({
        target: retentionPeriods.type,
        set: { daysAfterFinal: rule.daysAfterFinal, daysIfOpen: rule.daysIfOpen, updatedAt: at, updatedBy: user.id },
      });
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "retention.period_changed",
      targetType: "retention_period",
      targetId: type,
      details: {
        from: { daysAfterFinal: before.daysAfterFinal, daysIfOpen: before.daysIfOpen },
        to: rule,
      },
    });
    const after = (await rulesOf(tx)).get(type);
    if (!after) throw new Error("retention period not written");
    return presentPeriod(type, after);
  }, actorOf(user));
}

/** The period that applies to one request now, and the day its content will be removed. */
export type RetentionOfRequest = {
  /** Counted from the request's end ("final") or from its last activity while open ("open"). */
  basis: "final" | "open";
  days: number;
  /** The moment the period is counted from. */
  since: string;
  /** The day (UTC) the daily purge removes the content, at the earliest. */
  endsOn: string;
  rule: RetentionRule;
};

const FINAL_STATES = new Set(["executed", "partially_executed", "refused", "closed"]);
const DAY = 86_400_000;

/**
 * The same reckoning as the purge below (`expired`), for one request: what a data-protection copy
 * tells the person concerned about how long the data are kept (Art. 14(5), (11)).
 */
export async function retentionOf(
  tx: Tx,
  row: typeof requests.$inferSelect,
  lastActivity: Date | null,
): Promise<RetentionOfRequest> {
  const rule = (await rulesOf(tx)).get(row.type) ?? DEFAULT_RETENTION[row.type];
  const final = FINAL_STATES.has(row.state);
  const times = final
    ? [
        row.closedAt,
        row.answeredAt,
        row.preservationExpiresOn ? new Date(`${row.preservationExpiresOn}T00:00:00Z`) : null,
      ]
    : [row.updatedAt, lastActivity];
  const known = times.filter((t): t is Date => t !== null).map((t) => t.getTime());
  const since = new Date(known.length ? Math.max(...known) : row.updatedAt.getTime());
  const days = final ? rule.daysAfterFinal : rule.daysIfOpen;
  return {
    basis: final ? "final" : "open",
    days,
    since: since.toISOString(),
    endsOn: new Date(since.getTime() + days * DAY).toISOString().slice(0, 10),
    rule: { daysAfterFinal: rule.daysAfterFinal, daysIfOpen: rule.daysIfOpen },
  };
}

// ---------------------------------------------------------------------------------------------
// The purge
// ---------------------------------------------------------------------------------------------

/** Requests purged per transaction: a first run over years of requests commits as it goes. */
const BATCH = 100;

export type PurgeReport = {
  purged: number;
  numbers: string[];
  messages: number;
  attachments: number;
  timelineSteps: number;
  draftsDeleted: number;
  /** Training exercises deleted whole once the exercise is over (VIGIL_EXERCISE_PURGE_DAYS). */
  exercisesDeleted: number;
};

/** The counts of a report: all its fields but the numbers. */
const COUNTS = ["purged", "messages", "attachments", "timelineSteps", "draftsDeleted", "exercisesDeleted"] as const;

function emptyReport(): PurgeReport {
  return {
    purged: 0,
    numbers: [],
    messages: 0,
    attachments: 0,
    timelineSteps: 0,
    draftsDeleted: 0,
    exercisesDeleted: 0,
  };
}

/** Adds the counts and the numbers of `more` to `into`. */
function addReport(into: PurgeReport, more: Partial<PurgeReport>): void {
  for (const key of COUNTS) into[key] += more[key] ?? 0;
  into.numbers.push(...(more.numbers ?? []));
}

type Candidate = {
  id: string;
  number: string | null;
  state: string;
  basis: "final" | "open";
  days: number;
  exercise: boolean;
};

/**
 * Requests past their period, locked for this run (SKIP LOCKED: two instances never purge the same
 * one twice, and a request being worked on right now waits for the next run):
 * - ended (answered or closed): counted from the latest of closing, answer and the end of a
 *   preservation it carried, plus the type's `daysAfterFinal`;
 * - still open, or a draft never sent: counted from its last activity (its last step or change),
 *   plus `daysIfOpen`.
 * A training exercise holds no real case: whatever its type, it goes `exerciseDays` after it ended
 * (or after its last activity, if it was left open).
 */
async function expired(
  tx: Tx,
  rules: Map<RequestType, RetentionRule>,
  exerciseDays: number,
  now: Date,
): Promise<Candidate[]> {
  const table = sql.join(
    [...rules].map(([type, r]) => sql`(${type}::text, ${r.daysAfterFinal}::int, ${r.daysIfOpen}::int)`),
    sql`, `,
  );
  return queryRows<Candidate>(
    tx,
    sql`with rules(type, final_days, open_days) as (values ${table}),
        r as (
          select r.id, r.number, r.state::text as state,
            case when r.state in ('executed', 'partially_executed', 'refused', 'closed') then 'final' else 'open' end as basis,
            case when r.state in ('executed', 'partially_executed', 'refused', 'closed')
              then greatest(r.closed_at, r.answered_at,
                            (r.preservation_expires_on::timestamp at time zone 'UTC'))
              else greatest(r.updated_at, (select max(e.at) from request_events e where e.request_id = r.id))
            end as since,
            case when r.exercise then ${exerciseDays}::int else rules.final_days end as final_days,
            case when r.exercise then ${exerciseDays}::int else rules.open_days end as open_days,
            r.exercise
          from requests r join rules on rules.type = r.type::text
          where r.purged_at is null
        )
        select id, number, state, basis, exercise,
          case when basis = 'final' then final_days else open_days end as days
        from r
        where since + make_interval(days => case when basis = 'final' then final_days else open_days end)
              <= ${now.toISOString()}::timestamptz
        order by since
        limit ${BATCH}`,
  );
}

/**
 * Removes everything personal or substantive of one request: messages and attachments (deleted),
 * the form and its corrections, handling conditions, identifiers and reference (content emptied), who sent it and
 * which contact point received it, the feedback comment, and in its timeline the free-text notes,
 * the acting users and the receipts (which name the acting user's e-mail). Marked purged first:
 * the timeline function refuses a request that is not.
 */
async function purgeOne(tx: Tx, c: Candidate, at: Date) {
  await tx
    .update(requests)
    .set({
      content: {},
      handlingConditions: null,
      reference: null,
      senderUserId: null,
      contactPointId: null,
      escalatedToId: null,
      feedbackComment: null,
      purgedAt: at,
      purgeRule: { basis: c.basis, days: c.days },
    })
    .where(eq(requests.id, c.id));
  const messages = await tx
    .delete(requestMessages)
    .where(eq(requestMessages.requestId, c.id))
    .returning({ id: requestMessages.id });
  const attachments = await tx
    .delete(requestAttachments)
    .where(eq(requestAttachments.requestId, c.id))
    .returning({ id: requestAttachments.id });
  // Who handled it and who opened it with a purpose name people: they go (the audit trail keeps
  // the record of access, by number).
  await tx.delete(requestAssignments).where(eq(requestAssignments.requestId, c.id));
  await tx.delete(requestAccessPurposes).where(eq(requestAccessPurposes.requestId, c.id));
  // A correction's earlier and new values are the form's content; its timeline step keeps only
  // which fields changed.
  await tx.delete(requestCorrections).where(eq(requestCorrections.requestId, c.id));
  // Onward transfers stay as the record of a disclosure (to which State or kind of organisation,
  // when, authorised or not: Art. 14(8), (10)); their purpose, names and notes are content.
  await tx
    .update(onwardTransfers)
    .set({
      purpose: "",
      recipientName: null,
      askedBy: null,
      askedByLabel: "",
      decidedBy: null,
      decidedByLabel: null,
      decisionNote: null,
    })
    .where(eq(onwardTransfers.requestId, c.id));
  const [scrubbed] = await queryRows<{ n: number }>(tx, sql`select scrub_purged_request_events(${c.id}::uuid) as n`);
  return { messages: messages.length, attachments: attachments.length, timelineSteps: Number(scrubbed?.n ?? 0) };
}

const SYSTEM_WHO: AuditContext = { userId: null, label: "system (retention purge)", partyId: null };

/**
 * The daily purge. Runs as the system actor (row-level security lets it see every Party's
 * requests). Each batch commits with its audit entry, which lists the numbers purged and the
 * counts; a run that finds nothing still records that it ran. Running it again changes nothing.
 */
export async function purgeExpired(ctx: AppContext): Promise<PurgeReport> {
  const at = ctx.clock.now();
  const total = emptyReport();
  for (let first = true; ; first = false) {
    const batch = await ctx.db.tx(async (tx) => {
      const rules = await rulesOf(tx);
      const found = await expired(tx, rules, ctx.config.exercisePurgeDays, at);
      // Lock them, skipping any another instance or a user holds; re-read under the lock.
      const locked = found.length
        ? await tx
            .select({ id: requests.id })
            .from(requests)
            .where(
              and(
                inArray(
                  requests.id,
                  found.map((c) => c.id),
                ),
                sql`${requests.purgedAt} is null`,
              ),
            )
            .for("update", { skipLocked: true })
        : [];
      const ids = new Set(locked.map((l) => l.id));
      const candidates = found.filter((c) => ids.has(c.id));
      const report = emptyReport();
      // A draft never sent, and a training exercise, are in no statistic: each is deleted whole,
      // with its steps, messages, attachments and corrections (foreign keys cascade).
      const whole = candidates.filter((c) => c.state === "draft" || c.exercise);
      if (whole.length) {
        await tx.delete(requests).where(
          inArray(
            requests.id,
            whole.map((d) => d.id),
          ),
        );
        report.draftsDeleted = whole.filter((c) => c.state === "draft").length;
        report.exercisesDeleted = whole.length - report.draftsDeleted;
      }
      for (const c of candidates.filter((x) => x.state !== "draft" && !x.exercise)) {
        const n = await purgeOne(tx, c, at);
        addReport(report, { purged: 1, numbers: [c.number ?? c.id], ...n });
      }
      if (first || candidates.length) {
        await appendAudit(tx, at, SYSTEM_WHO, { action: "retention.purged", ...PURGE_RUN, details: report });
      }
      return { report, found: found.length };
    }, SYSTEM_ACTOR);
    addReport(total, batch.report);
    // Stop when the last batch was not full, or when everything it found was locked elsewhere.
    const done = batch.report.purged + batch.report.draftsDeleted + batch.report.exercisesDeleted;
    if (batch.found < BATCH || done === 0) return total;
  }
}

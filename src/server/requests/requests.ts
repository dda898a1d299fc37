import { and, desc, eq, gte, isNotNull, lt, not, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  ALLOWED_PARENTS,
  type DraftBody,
  EMERGENCY_ANSWER_HOURS,
  type ListQuery,
  REQUEST_TYPE_INFO,
  RequestContent,
  type RequestDetail,
  type RequestList,
  type RequestSummary,
  type RoutePreview,
} from "../../shared/requests";
import { appendAudit, auditRow } from "../audit/log";
import { can, overseesRequests, seesSensitive } from "../auth/policy";
import { isApiToken, type Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import { activeMembersOf } from "../auth/users";
import type { AppContext, RequestMeta } from "../context";
import { endWith, type Tx, together } from "../db/database";
import { commitGrouped } from "../db/grouped-commits";
import { genericPlans, type Params, shaped, shapedBy } from "../db/statement-shapes";
import { findContactPoint, findPartyById, requireParty } from "../directory/entries";
import { parties } from "../directory/tables";
import { badRequest, conflict, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { emailOn, notify } from "../notify/notifications";
import { emitWebhookEvent } from "../webhooks/webhooks";
import { isSensitive, purposeDetails, type RequestRow, refusePurged, requireVisible, requireWriter } from "./access";
import { attachmentsOf } from "./attachments";
import { renderRequestDocx } from "./documents/docx";
import type { DocumentLocale, RequestDocumentInput } from "./documents/input";
import { renderRequestPdf } from "./documents/pdf";
import { addHandler, handlersOf } from "./handlers";
import { acknowledgementCheckJob } from "./jobs";
import { boxVersion, isBoxChanged, listingCacheOf, requireBoxVersion } from "./listing-cache";
import { briefOf, routePreview } from "./routing";
import { requireTransfersAllowed } from "./suspension";
import { requestAssignments, requestCounts, requests } from "./tables";
import { correctionsOf, messagesOf, partiesById, recordStep, timelineOf } from "./timeline";
import { isOpen, nextStates, type Side } from "./workflow";

const MINUTE = 60_000;

// ---------------------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------------------

async function requestedPartyId(tx: Tx, iso2: string | null, user: Principal): Promise<string | null> {
  if (!iso2) return null;
  const party = await requireParty(tx, iso2);
  if (party.id === user.partyId) throw badRequest("own_party", "A request goes to another Party, not your own.");
  return party.id;
}

export async function createDraft(ctx: AppContext, user: Principal, body: DraftBody, meta: RequestMeta) {
  requireWriter(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const partyId = await requestedPartyId(tx, body.requestedParty, user);
    const [row] = await tx
      .insert(requests)
      .values({
        type: body.type,
        senderPartyId: user.partyId as string,
        // A national system's draft (an API token) has no user behind it: the token's id is not one.
        senderUserId: isApiToken(user) ? null : user.id,
        requestedPartyId: partyId,
        content: body.content,
        // A draft already marked as an exercise is labelled as one in the drafts list.
        exercise: body.content.exercise === true,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    if (!row) throw new Error("draft not written");
    // Its first step and its audit record, pipelined.
    await together([
      recordStep(tx, row, { kind: "created", to: "draft", actor: actorFields(user) }, at),
      appendAudit(tx, at, auditWho(user, meta), {
        action: "request.draft_created",
        targetType: "request",
        targetId: row.id,
        details: { type: body.type },
      }),
    ]);
    return { id: row.id };
  }, actorOf(user));
}

export async function saveDraft(ctx: AppContext, user: Principal, id: string, body: DraftBody, meta: RequestMeta) {
  requireWriter(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const { row } = await requireVisible(tx, user, id, { at, forUpdate: true });
    if (row.state !== "draft") throw conflict("not_a_draft", "This request was sent; it can no longer be edited.");
    const partyId = await requestedPartyId(tx, body.requestedParty, user);
    await tx
      .update(requests)
      .set({
        type: body.type,
        requestedPartyId: partyId,
        content: body.content,
        exercise: body.content.exercise === true,
        updatedAt: at,
      })
      .where(eq(requests.id, row.id));
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "request.draft_saved",
      targetType: "request",
      targetId: id,
    });
    return { id };
  }, actorOf(user));
}

export async function deleteDraft(ctx: AppContext, user: Principal, id: string, meta: RequestMeta): Promise<void> {
  requireWriter(user);
  const at = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const { row } = await requireVisible(tx, user, id, { at, forUpdate: true });
    if (row.state !== "draft") throw conflict("not_a_draft", "A sent request cannot be deleted.");
    await tx.delete(requests).where(eq(requests.id, row.id));
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "request.draft_deleted",
      targetType: "request",
      targetId: id,
    });
  }, actorOf(user));
}

// ---------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------

export async function previewRoute(
  ctx: AppContext,
  user: Principal,
  q: { party: string; type: RequestContent["type"]; language?: string; emergency?: boolean },
): Promise<RoutePreview> {
  return ctx.db.tx(async (tx) => {
    const party = await requireParty(tx, q.party);
    const {
      first: _f,
      next: _n,
      ...preview
    } = await routePreview(tx, party, q.type, q.language, null, q.emergency ?? false, user.partyId);
    return preview;
  }, actorOf(user));
}

async function nextNumber(tx: Tx, at: Date): Promise<string> {
  const [row] = (
    (await tx.execute(sql`select nextval('request_number_seq')::int as n`)) as unknown as { rows: { n: number }[] }
  ).rows;
  return `${at.getUTCFullYear()}-${String(row?.n ?? 0).padStart(6, "0")}`;
}

/**
 * Sends a request: the full form is checked (by the route's schema), routed to the requested
 * Party's contact point, numbered, its deadlines set, the requested Party told (in-app, e-mail,
 * webhook) and the acknowledgement check scheduled, all in one transaction.
 */
export async function sendRequest(
  ctx: AppContext,
  user: Principal,
  id: string,
  content: RequestContent,
  meta: RequestMeta,
): Promise<RequestDetail> {
  requireWriter(user);
  const at = ctx.clock.now();
  const sent = await ctx.db.tx(async (tx) => {
    const { row } = await requireVisible(tx, user, id, { at, forUpdate: true });
    if (row.state !== "draft") throw conflict("already_sent", "This request was already sent.");
    const party = await requireParty(tx, content.requestedParty);
    if (party.id === user.partyId) throw badRequest("own_party", "A request goes to another Party, not your own.");
    await requireTransfersAllowed(tx, user.partyId as string, party.id);
    const emergency = REQUEST_TYPE_INFO[content.type].emergency || content.emergency;
    const route = await routePreview(tx, party, content.type, content.language, content.contactPointId, emergency);
    if (!route.first) {
      throw conflict("no_contact_point", `${party.nameEn} has no contact point in the directory to send this to.`);
    }
    if (content.contactPointId && route.first.id !== content.contactPointId) {
      throw badRequest("unknown_contact_point", "The chosen contact point is not one of this Party's.", [
        { path: "body.contactPointId", message: "Not a contact point of the requested Party" },
      ]);
    }
    let parentId: string | null = null;
    if (content.parent) {
      // A reference, not a reading: naming the earlier request needs no purpose.
      const parent = await requireVisible(tx, user, content.parent.requestId, { at, purpose: false }).catch(() => null);
      if (!parent || parent.row.state === "draft") {
        throw badRequest("unknown_parent", "The earlier request was not found among your Party's requests.", [
          { path: "body.parent.requestId", message: "Not a request your Party sent or received" },
        ]);
      }
      if (!parentAllowed(content, parent.row)) {
        throw badRequest("wrong_parent", `A ${content.parent.relation} must follow a request of a fitting type.`, [
          { path: "body.parent.requestId", message: `Not a request this one can be a ${content.parent.relation} of` },
        ]);
      }
      parentId = parent.row.id;
    }
    const ackDueAt = new Date(at.getTime() + route.ackTargetMinutes * MINUTE);
    const answerDueAt = emergency
      ? content.answerNeededBy
        ? new Date(content.answerNeededBy)
        : new Date(at.getTime() + EMERGENCY_ANSWER_HOURS * 60 * MINUTE)
      : null;
    const { requestedParty: _p, handlingConditions, ...rest } = content;
    const stored = { ...rest, requestedParty: party.iso2, handlingConditions } as Record<string, unknown>;
    const number = await nextNumber(tx, at);
    const [updated] = await tx
      .update(requests)
      .set({
        number,
        type: content.type,
        state: "sent",
        emergency,
        exercise: content.exercise,
        requestedPartyId: party.id,
        contactPointId: route.first.id,
        language: content.language,
        reference: content.reference,
        content: stored,
        handlingConditions,
        parentId,
        parentRelation: content.parent?.relation ?? null,
        sentAt: at,
        updatedAt: at,
        ackDueAt,
        answerDueAt,
      })
      .where(eq(requests.id, row.id))
      .returning();
    if (!updated) throw new Error("request not updated");
    await recordStep(tx, updated, { kind: "sent", from: "draft", to: "sent", actor: actorFields(user) }, at);
    // The sender's user handles it from the start (a national system's request: its Party's officers).
    if (!isApiToken(user)) {
      await addHandler(
        tx,
        updated,
        { userId: user.id, partyId: user.partyId as string, name: user.displayName },
        actorFields(user),
        at,
        { step: false },
      );
    }
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "request.sent",
      targetType: "request",
      targetId: row.id,
      details: { number, type: content.type, to: party.iso2, emergency },
    });
    const sender = await findPartyById(tx, user.partyId as string);
    // What leaves Vigil names the request, never its content.
    await notify(
      tx,
      { partyId: party.id, roles: ["officer", "party_admin"] },
      {
        kind: "request.received",
        urgency: emergency ? "emergency" : "normal",
        params: { number, party: sender?.iso2 ?? null, urgent: emergency ? 1 : 0, exercise: content.exercise ? 1 : 0 },
        link: `/requests/${row.id}`,
      },
      at,
      emailOn(ctx),
    );
    await emitWebhookEvent(tx, party.id, "request.received", { id: row.id, number, type: content.type, emergency }, at);
    await ctx.jobs?.enqueue(tx, acknowledgementCheckJob, { requestId: row.id }, { startAfter: ackDueAt });
    return updated;
  }, actorOf(user));
  return readRequest(ctx, user, sent.id, meta, { audit: false });
}

function parentAllowed(content: RequestContent, parent: RequestRow): boolean {
  return !!ALLOWED_PARENTS[content.type]?.some(
    (a) => a.relation === content.parent?.relation && a.parentTypes.includes(parent.type),
  );
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** Who made a step, for the timeline: a user, or a Party's national system through its API token. */
export function actorFields(user: Principal) {
  return isApiToken(user)
    ? { userId: null, partyId: user.partyId, email: user.label }
    : { userId: user.id, partyId: user.partyId, email: user.email };
}

function overdue(row: Pick<RequestRow, "purgedAt" | "state" | "ackDueAt" | "answerDueAt">, now: Date): boolean {
  // A purged request is history: it counts in the statistics, not in today's work.
  if (row.purgedAt) return false;
  if (row.state === "sent" && row.ackDueAt && row.ackDueAt < now) return true;
  return isOpen(row.state) && !!row.answerDueAt && row.answerDueAt < now;
}

type PartyMap = Awaited<ReturnType<typeof partiesById>>;

/**
 * What a list shows of a request: not its content (kilobytes of JSON per row), only the reference
 * the content may hold when the request has none of its own.
 */
const SUMMARY_COLUMNS = {
  id: requests.id,
  number: requests.number,
  type: requests.type,
  state: requests.state,
  emergency: requests.emergency,
  exercise: requests.exercise,
  senderPartyId: requests.senderPartyId,
  requestedPartyId: requests.requestedPartyId,
  reference: requests.reference,
  contentReference: sql<string | null>`${requests.content}->>'reference'`,
  createdAt: requests.createdAt,
  sentAt: requests.sentAt,
  ackDueAt: requests.ackDueAt,
  answerDueAt: requests.answerDueAt,
  preservationExpiresOn: requests.preservationExpiresOn,
  purgedAt: requests.purgedAt,
  handlingConditions: requests.handlingConditions,
};
type SummaryRow = Pick<RequestRow, Exclude<keyof typeof SUMMARY_COLUMNS, "contentReference">> & {
  contentReference: string | null;
};

/** The two Parties of a listed request, joined to its row. */
const senderParty = alias(parties, "sender_party");
const requestedParty = alias(parties, "requested_party");

/** A full row as the list's columns (for the request's own page). */
const asSummaryRow = (row: RequestRow): SummaryRow => ({
  ...row,
  contentReference: typeof row.content.reference === "string" ? row.content.reference : null,
});

function summaryOf(row: SummaryRow, viewerParty: string | null, ps: PartyMap, now: Date): RequestSummary {
  const from = ps.get(row.senderPartyId);
  const to = row.requestedPartyId ? ps.get(row.requestedPartyId) : undefined;
  return {
    id: row.id,
    number: row.number ?? "—",
    type: row.type,
    state: row.state,
    emergency: row.emergency,
    exercise: row.exercise,
    direction: row.senderPartyId === viewerParty ? "sent" : "received",
    reference: row.reference ?? row.contentReference ?? "",
    from: from ?? { iso2: "??", nameEn: "?", nameFr: "?" },
    to: to ?? null,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    ackDueAt: row.ackDueAt?.toISOString() ?? null,
    answerDueAt: row.answerDueAt?.toISOString() ?? null,
    preservationExpiresOn: row.preservationExpiresOn,
    overdue: overdue(row, now),
    purgedAt: row.purgedAt?.toISOString() ?? null,
    sensitive: isSensitive(row),
  };
}

const minutesBetween = (a: Date | null, b: Date | null) =>
  a && b ? Math.round(((b.getTime() - a.getTime()) / MINUTE) * 10) / 10 : null;

/** What the viewer may do now, for the UI's buttons (the use cases check again). */
function actionsFor(row: RequestRow, side: Side, user: Principal, handling: boolean): string[] {
  // Only those who may write get buttons: an auditor (read-only) and a read-only token none.
  if (!can(user, "requests.write") || row.purgedAt) return [];
  const acts: string[] = nextStates(row.state, side).filter((s) => s !== "sent");
  if (row.state !== "draft" && row.state !== "closed") acts.push("message");
  if (side === "sender" && row.state !== "draft" && !isOpen(row.state) && !row.feedbackAt) acts.push("feedback");
  // SAP Art. 14(3): the sender corrects what it sent while the request is not closed.
  if (side === "sender" && row.state !== "draft" && row.state !== "closed") acts.push("correct");
  if (row.state !== "draft" && row.state !== "closed" && !isApiToken(user)) {
    // "take": become a handler oneself; "assign": a Party admin hands it to an officer.
    if (!handling) acts.push("take");
    if (overseesRequests(user)) acts.push("assign");
  }
  return acts;
}

/** One request, for a user of one of its two Parties; every read is audited (SAP Art. 14(8)). */
export async function readRequest(
  ctx: AppContext,
  user: Principal,
  id: string,
  meta: RequestMeta,
  opts: { audit?: boolean } = {},
): Promise<RequestDetail> {
  const at = ctx.clock.now();
  const [detail, record] = await ctx.db.tx(async (tx) => {
    const { row, side, purpose } = await requireVisible(tx, user, id, { at });
    // Independent reads, issued together: on PostgreSQL the pooled connection pipelines them.
    const [handlers, assignable, ps, cp, parent, children, timeline, messages, attachments, corrections] =
      await together([
        handlersOf(tx, row.id),
        overseesRequests(user) && row.state !== "draft"
          ? activeMembersOf(tx, user.partyId as string).then((ms) => ms.map((m) => ({ id: m.id, name: m.displayName })))
          : [],
        partiesById(tx, [row.senderPartyId, ...(row.requestedPartyId ? [row.requestedPartyId] : [])]),
        row.contactPointId ? findContactPoint(tx, row.contactPointId) : undefined,
        row.parentId ? parentOf(tx, { id: row.parentId }).then((r) => r[0]) : undefined,
        childrenOf(tx, { id: row.id }),
        timelineOf(tx, row.id),
        messagesOf(tx, ctx.keyring, row.id),
        attachmentsOf(tx, row.id),
        correctionsOf(tx, row.id),
      ]);
    const detail: RequestDetail = {
      ...summaryOf(asSummaryRow(row), user.partyId, ps, at),
      content: row.content,
      handlingConditions: row.handlingConditions ?? null,
      contactPoint: cp ? briefOf(cp) : null,
      parent:
        parent && row.parentRelation
          ? { id: parent.id, number: parent.number ?? "—", relation: row.parentRelation }
          : null,
      children: children
        .filter((c) => c.relation)
        .map((c) => ({
          id: c.id,
          number: c.number ?? "—",
          type: c.type,
          relation: c.relation as NonNullable<typeof c.relation>,
        })),
      acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
      answeredAt: row.answeredAt?.toISOString() ?? null,
      closedAt: row.closedAt?.toISOString() ?? null,
      minutesToAcknowledge: minutesBetween(row.sentAt, row.acknowledgedAt),
      minutesToAnswer: minutesBetween(row.sentAt, row.answeredAt),
      preservedOn: row.preservedOn,
      feedback:
        row.feedbackRating && row.feedbackAt
          ? { rating: row.feedbackRating, comment: row.feedbackComment ?? "", at: row.feedbackAt.toISOString() }
          : null,
      timeline,
      messages,
      attachments,
      corrections,
      actions: actionsFor(
        row,
        side,
        user,
        handlers.some((h) => h.userId === user.id),
      ),
      handlers,
      openedFor: purpose ? { reason: purpose.reason, note: purpose.note, until: purpose.until.toISOString() } : null,
      assignable,
      purged:
        row.purgedAt && row.purgeRule
          ? { at: row.purgedAt.toISOString(), basis: row.purgeRule.basis, days: row.purgeRule.days }
          : null,
    };
    const record =
      opts.audit === false
        ? null
        : auditRow(at, auditWho(user, meta), {
            action: "request.read",
            targetType: "request",
            targetId: row.id,
            details: { number: row.number, side, ...purposeDetails(purpose) },
          });
    return [detail, record] as const;
  }, actorOf(user));
  // Recorded once read, with the reads of the same moment (db/grouped-commits.ts): every read of
  // every request appends to the audit chain, whose head lock each audited commit holds. The
  // detail is answered only once its record is committed; should the reads fail, nothing is
  // recorded, and should the record fail, nothing is answered.
  if (record) await commitGrouped(ctx.db, { records: [record] }, actorOf(user));
  return detail;
}

const parentOf = shaped((tx, p: Params<{ id: string }>) =>
  tx.select({ id: requests.id, number: requests.number }).from(requests).where(eq(requests.id, p.id)).limit(1),
);
const childrenOf = shaped((tx, p: Params<{ id: string }>) =>
  tx
    .select({ id: requests.id, number: requests.number, type: requests.type, relation: requests.parentRelation })
    .from(requests)
    .where(and(eq(requests.parentId, p.id), isNotNull(requests.number))),
);

/**
 * The sensitive requests this user may not even see the line of (SAP Art. 14(4)): those their
 * side handles through someone else. Admins see the lines (to assign someone); tokens act for the
 * Party. Row-level security applies the same rule behind this filter.
 */
function hidesSensitive(user: Principal): boolean {
  return !(isApiToken(user) || seesSensitive(user));
}

/** The condition of `hidesSensitive`, for the user and Party given (values or placeholders). */
function hiddenSensitive(userId: unknown, partyId: unknown): SQL {
  const mine = sql`exists (select 1 from ${requestAssignments} a where a.request_id = ${requests.id}
    and a.user_id = ${userId}::uuid and a.removed_at is null)`;
  const sideHandled = sql`exists (select 1 from ${requestAssignments} a where a.request_id = ${requests.id}
    and a.party_id = ${partyId}::uuid and a.removed_at is null)`;
  return sql`(${requests.sensitive} and ${sideHandled} and not ${mine})`;
}

/** What decides the text of the listing's two statements: the box, and which filters are given. */
type ListShape = {
  box: ListQuery["box"];
  hidden: boolean;
  type: boolean;
  state: boolean;
  overdue: boolean;
  party: boolean;
};
/** Their values, bound to the statements built once per shape (db/statement-shapes.ts). */
type ListValues = {
  partyId: string;
  userId: string;
  now: Date;
  type?: string;
  state?: string;
  counterpart?: string;
  limit: number;
  offset: number;
};

function listConditions(p: Params<ListValues>, s: ListShape) {
  const inbox = and(eq(requests.requestedPartyId, p.partyId), sql`${requests.state} <> 'draft'`) as SQL;
  const outbox = and(eq(requests.senderPartyId, p.partyId), sql`${requests.state} <> 'draft'`) as SQL;
  const drafts = and(eq(requests.senderPartyId, p.partyId), eq(requests.state, "draft")) as SQL;
  const visible = s.hidden ? [not(hiddenSensitive(p.userId, p.partyId))] : [];
  const where: SQL[] = [s.box === "inbox" ? inbox : s.box === "outbox" ? outbox : drafts, ...visible];
  if (s.type) where.push(eq(requests.type, p.type));
  if (s.state) where.push(eq(requests.state, p.state));
  // Overdue now: its first deadline passed (due_at, kept by PostgreSQL as overdue() reads it).
  if (s.overdue) where.push(lt(requests.dueAt, p.now));
  if (s.party) {
    where.push(
      s.box === "inbox" ? eq(requests.senderPartyId, p.counterpart) : eq(requests.requestedPartyId, p.counterpart),
    );
  }
  return { inbox, outbox, where, visible };
}

/** A page of the box, in the order shown, with the Parties' names joined (no round trip after it). */
const listPage = shapedBy((tx, p: Params<ListValues>, s: ListShape) =>
  tx
    .select({
      ...SUMMARY_COLUMNS,
      fromIso2: senderParty.iso2,
      fromNameEn: senderParty.nameEn,
      fromNameFr: senderParty.nameFr,
      toIso2: requestedParty.iso2,
      toNameEn: requestedParty.nameEn,
      toNameFr: requestedParty.nameFr,
    })
    .from(requests)
    .leftJoin(senderParty, eq(senderParty.id, requests.senderPartyId))
    .leftJoin(requestedParty, eq(requestedParty.id, requests.requestedPartyId))
    .where(and(...listConditions(p, s).where))
    // Emergencies first among open ones, then the newest.
    .orderBy(desc(requests.emergency), desc(sql`coalesce(${requests.sentAt}, ${requests.createdAt})`))
    .limit(p.limit)
    .offset(p.offset),
);

type ListCounts = {
  kept: [side: "received" | "sent", state: string, n: number, due: number][];
  r_sensitive: Record<string, [n: number, due: number]>;
  s_sensitive: Record<string, [n: number, due: number]>;
  r_not_due: number;
  s_not_due: number;
  total: number | null;
  /** The next deadline of the Party's requests (either side): when a kept listing may change by itself. */
  next_due_ms: number | null;
};

/**
 * The total and the four counts in one statement. Non-sensitive requests are counted from
 * request_counts (a few rows per Party, kept by a trigger): at a million requests a Party has
 * thousands in each box. Sensitive ones are counted live (who sees each depends on the viewer: the
 * policies and `hidden`). Overdue ones are those with a deadline (`due_at`: kept, and sensitive
 * ones live) less those whose deadline is still ahead, counted live (time makes them overdue) from
 * the few recent rows of requests_*_due_idx (migration 0033). A total under filters the counts do
 * not keep (type, counterpart, overdue) is counted live.
 */
const listCounts = shapedBy((_tx, p: Params<ListValues>, s: ListShape) => {
  const { inbox, outbox, where, visible } = listConditions(p, s);
  const sensitiveByState = (own: SQL) =>
    sql`(select coalesce(json_object_agg(state, json_build_array(n, due)), '{}') from (
           select ${requests.state} as state, count(*)::int as n,
                  (count(*) filter (where ${requests.dueAt} is not null))::int as due from ${requests}
            where ${and(own, sql`${requests.sensitive}`, ...visible)} group by 1) x)`;
  const notYetDue = (own: SQL) =>
    sql`(select count(*)::int from ${requests} where ${and(own, gte(requests.dueAt, p.now), ...visible)})`;
  const filtered = s.type || s.party || s.overdue;
  return sql<
    ListCounts[]
  >`select (select coalesce(json_agg(json_build_array(side, state, n, due)), '[]') from ${requestCounts}
                 where ${requestCounts.partyId} = ${p.partyId}::uuid) as kept,
               ${sensitiveByState(inbox)} as r_sensitive,
               ${sensitiveByState(eq(requests.senderPartyId, p.partyId))} as s_sensitive,
               ${notYetDue(inbox)} as r_not_due,
               ${notYetDue(outbox)} as s_not_due,
               ${filtered ? sql`(select count(*)::int from ${requests} where ${and(...where)})` : sql`null::int`} as total,
               (extract(epoch from least(
                 (select min(${requests.dueAt}) from ${requests}
                   where ${and(eq(requests.requestedPartyId, p.partyId), gte(requests.dueAt, p.now))}),
                 (select min(${requests.dueAt}) from ${requests}
                   where ${and(eq(requests.senderPartyId, p.partyId), gte(requests.dueAt, p.now))}))) * 1000)::float8
                 as next_due_ms`;
});

/** Inbox (received), outbox (sent) and drafts of the viewer's Party, with filters and counts. */
export async function listRequests(ctx: AppContext, user: Principal, q: ListQuery): Promise<RequestList> {
  const now = ctx.clock.now();
  const partyId = user.partyId;
  if (!partyId) throw notFound("Requests belong to Parties; your account has none.");
  const shape: ListShape = {
    box: q.box,
    hidden: hidesSensitive(user),
    type: Boolean(q.type),
    state: Boolean(q.state),
    overdue: q.overdue,
    party: Boolean(q.party),
  };
  const actor = actorOf(user);
  // The viewer as the database sees them (row-level security), what the listing hides, the query.
  const key = JSON.stringify([actor, shape.hidden, q.box, q.type, q.state, q.overdue, q.party, q.limit, q.offset]);
  const cache = listingCacheOf(ctx.db);
  const kept = cache.kept<RequestList>(key, now);
  if (kept) {
    try {
      await commitGrouped(ctx.db, { checks: [requireBoxVersion(partyId, kept.version)], records: [] }, actor);
      cache.counts.answered++;
      return kept.answer;
    } catch (err) {
      if (!isBoxChanged(err)) throw err;
      cache.counts.stale++;
      cache.forget(key);
    }
  }
  return ctx.db.tx(async (tx) => {
    const values: ListValues = {
      partyId,
      userId: user.id,
      now,
      type: q.type,
      state: q.state,
      counterpart: q.party ? (await requireParty(tx, q.party)).id : undefined,
      limit: q.limit,
      offset: q.offset,
    };
    // The page and the counts pipelined, with the COMMIT: one round trip. Planned once per
    // connection (genericPlans): PostgreSQL would otherwise plan the counts' statement again on
    // every call (0.47 ms, twice its run), its estimates with values being lower than without.
    // The version first: a change committed while the page is read shows as a newer version.
    const [[version], , rows, [c]] = await endWith(tx, () => [
      boxVersion(tx, { partyId }),
      genericPlans(tx, {}),
      listPage(tx, shape, values),
      listCounts(tx, shape, values),
    ]);
    const ps: PartyMap = new Map();
    for (const r of rows) {
      if (r.fromIso2)
        ps.set(r.senderPartyId, { iso2: r.fromIso2, nameEn: r.fromNameEn ?? "", nameFr: r.fromNameFr ?? "" });
      if (r.requestedPartyId && r.toIso2) {
        ps.set(r.requestedPartyId, { iso2: r.toIso2, nameEn: r.toNameEn ?? "", nameFr: r.toNameFr ?? "" });
      }
    }
    const bySide = { received: new Map<string, number>(), sent: new Map<string, number>() };
    let due = 0;
    const add = (side: keyof typeof bySide, state: string, n: number, withDeadline: number) => {
      bySide[side].set(state, (bySide[side].get(state) ?? 0) + Number(n));
      due += Number(withDeadline);
    };
    for (const [side, state, n, d] of c?.kept ?? []) add(side, state, n, d);
    for (const [state, [n, d]] of Object.entries(c?.r_sensitive ?? {})) add("received", state, n, d);
    for (const [state, [n, d]] of Object.entries(c?.s_sensitive ?? {})) add("sent", state, n, d);
    const sum = (side: keyof typeof bySide, counted: (state: string) => boolean) =>
      [...bySide[side]].reduce((total, [state, n]) => (counted(state) ? total + n : total), 0);
    const inState = (state: string) => !q.state || state === q.state;
    const boxTotal =
      q.box === "inbox"
        ? sum("received", inState)
        : sum("sent", (s) => (q.box === "drafts" ? s === "draft" : s !== "draft") && inState(s));
    const answer: RequestList = {
      items: rows.map((r) => summaryOf(r, partyId, ps, now)),
      total: c?.total ?? boxTotal,
      counts: {
        inbox: sum("received", () => true),
        outbox: sum("sent", (s) => s !== "draft"),
        drafts: sum("sent", (s) => s === "draft"),
        overdue: due - (c?.r_not_due ?? 0) - (c?.s_not_due ?? 0),
      },
    };
    // Kept until it would change by itself: the next deadline of the Party's requests (due_at, the
    // rule of each row's `overdue` and of the overdue count).
    const nextDue = c?.next_due_ms ?? null;
    return version
      ? cache.keep(key, version.version, now, nextDue === null ? null : new Date(nextDue), answer)
      : answer;
  }, actor);
}

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

/**
 * The request as a PDF or DOCX laid out like the T-CY template, in English or French. A download
 * is a disclosure: it is audited like a read, with the format.
 */
export async function requestDocument(
  ctx: AppContext,
  user: Principal,
  id: string,
  format: "pdf" | "docx",
  locale: DocumentLocale,
  meta: RequestMeta,
): Promise<{ body: Buffer; filename: string }> {
  const at = ctx.clock.now();
  const input = await ctx.db.tx(async (tx) => {
    const { row, side, purpose } = await requireVisible(tx, user, id, { at });
    refusePurged(row);
    const content = RequestContent.safeParse(row.content);
    if (!content.success) {
      throw conflict("incomplete", "This draft is not complete yet: fill in the form before printing it.");
    }
    const ps = await partiesById(tx, [row.senderPartyId, ...(row.requestedPartyId ? [row.requestedPartyId] : [])]);
    const cp = row.contactPointId ? await findContactPoint(tx, row.contactPointId) : undefined;
    const parent = row.parentId
      ? (await tx.select({ number: requests.number }).from(requests).where(eq(requests.id, row.parentId)))[0]
      : undefined;
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "request.exported",
      targetType: "request",
      targetId: row.id,
      details: { number: row.number, side, format, locale, ...purposeDetails(purpose) },
    });
    const from = ps.get(row.senderPartyId);
    const to = row.requestedPartyId ? ps.get(row.requestedPartyId) : undefined;
    return {
      number: row.number ?? "—",
      state: row.state,
      sentAt: row.sentAt,
      createdAt: row.createdAt,
      from: from ?? { iso2: "??", nameEn: "?", nameFr: "?" },
      to: to ?? {
        iso2: content.data.requestedParty,
        nameEn: content.data.requestedParty,
        nameFr: content.data.requestedParty,
      },
      contactPoint: cp ? { institution: cp.institution, unit: cp.unit } : null,
      content: content.data,
      parent: parent && row.parentRelation ? { number: parent.number ?? "—", relation: row.parentRelation } : null,
      locale,
    } satisfies RequestDocumentInput;
  }, actorOf(user));
  const body = format === "pdf" ? await renderRequestPdf(input) : await renderRequestDocx(input);
  return { body, filename: `request-${input.number}-${locale}.${format}` };
}

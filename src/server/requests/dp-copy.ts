import { and, count, desc, eq, isNotNull, isNull, max, or, type SQL, sql } from "drizzle-orm";
import {
  type CopyCategory,
  type DataProtectionCopy,
  type PersonCopies,
  PURGED_ITEMS,
  type RequestCopy,
} from "../../shared/data-protection";
import { type HandlingConditions, Identifier, REQUEST_TYPE_INFO, RequestContent } from "../../shared/requests";
import { accessesOfRequest, COPY_ACTION, PERSON_SEARCH_ACTION } from "../audit/access-log";
import { appendAudit, appendAuditNow } from "../audit/log";
import { can } from "../auth/policy";
import { isApiToken, type Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { findContactPoint } from "../directory/entries";
import { forbidden, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { type RequestRow, requireVisible } from "./access";
import { onwardTransfersOf } from "./onward-transfer";
import { personMatches } from "./person-search";
import { retentionOf } from "./retention";
import { requestAttachments, requestCorrections, requestEvents, requestMessages, requests } from "./tables";
import { partiesById } from "./timeline";

/**
 * Data-protection copies (SAP Art. 14(11–12)): what a Party holds in one request, told the way a
 * person asking about their data, or the Party's supervisory authority, needs it: the legal basis,
 * the purpose and conditions, the categories of data and the identifiers, how long it is kept,
 * who received it (the other Party, its contact point, onward transfers), who accessed it, and a
 * refusal's reason. Producing one is a disclosure: it is audited and shows in the access log.
 */

/** A person's copy covers at most this many requests; the answer says when more matched. */
export const PERSON_COPY_LIMIT = 100;

type Side = "sender" | "requested";

function requireCopier(user: Principal): void {
  if (isApiToken(user) || !can(user, "dataProtection.copies")) {
    throw forbidden("Data-protection copies are produced by a Party's administrators and its auditor.");
  }
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/**
 * The typed identifiers: of the complete form, or, in a draft not yet complete, each one that is
 * valid on its own (a person's search finds them there too).
 */
function identifiersIn(row: RequestRow, content: RequestContent | null): Identifier[] {
  if (content) return content.identifiers;
  if (row.purgedAt || !Array.isArray(row.content.identifiers)) return [];
  return row.content.identifiers.flatMap((i) => {
    const parsed = Identifier.safeParse(i);
    return parsed.success ? [parsed.data] : [];
  });
}

function categoriesOf(
  content: RequestContent | null,
  identifiers: Identifier[],
  messages: number,
  attachments: number,
  corrections: number,
) {
  const out: { category: CopyCategory; count: number }[] = [];
  if (identifiers.length) out.push({ category: "identifiers", count: identifiers.length });
  if (content) {
    out.push({ category: "requesting_authority", count: 1 });
    out.push({ category: "confirmation_contact", count: 1 });
    out.push({ category: "case_facts", count: Object.keys(content.details).length });
  }
  if (messages) out.push({ category: "messages", count: messages });
  if (attachments) out.push({ category: "attachments", count: attachments });
  if (corrections) out.push({ category: "corrections", count: corrections });
  return out;
}

function identifiersOf(identifiers: Identifier[]): DataProtectionCopy["identifiers"] {
  return identifiers.map((i) => {
    const detail =
      i.kind === "ip"
        ? [i.observedAt, i.timeZone, i.port === null ? "" : `port ${i.port}`, i.note].filter(Boolean).join(" · ")
        : i.kind === "account"
          ? [i.service, i.note].filter(Boolean).join(" · ")
          : i.note;
    return { kind: i.kind, value: i.value, detail };
  });
}

/** The copy of one request the caller's Party is party to; written and audited in the caller's transaction. */
async function copyOf(
  ctx: AppContext,
  tx: Tx,
  user: Principal,
  row: RequestRow,
  side: Side,
  audit: { format: string; locale: string; via: "request" | "person"; meta: RequestMeta },
  matchedIn: string[],
): Promise<DataProtectionCopy> {
  // Written at once: the copy's list of accesses, read below, includes its own production.
  await appendAuditNow(tx, ctx.clock.now(), auditWho(user, audit.meta), {
    action: COPY_ACTION,
    targetType: "request",
    targetId: row.id,
    details: { number: row.number, side, format: audit.format, locale: audit.locale, via: audit.via },
  });
  const ps = await partiesById(tx, [row.senderPartyId, ...(row.requestedPartyId ? [row.requestedPartyId] : [])]);
  const sender = ps.get(row.senderPartyId) ?? { iso2: "??", nameEn: "?", nameFr: "?" };
  const requested = row.requestedPartyId ? (ps.get(row.requestedPartyId) ?? null) : null;
  const cp = row.contactPointId ? await findContactPoint(tx, row.contactPointId) : undefined;
  const parsed = row.purgedAt ? null : RequestContent.safeParse(row.content);
  const content = parsed?.success ? parsed.data : null;
  const identifiers = identifiersIn(row, content);
  const [m] = await tx.select({ n: count() }).from(requestMessages).where(eq(requestMessages.requestId, row.id));
  const [a] = await tx.select({ n: count() }).from(requestAttachments).where(eq(requestAttachments.requestId, row.id));
  const [c] = await tx.select({ n: count() }).from(requestCorrections).where(eq(requestCorrections.requestId, row.id));
  const [last] = await tx
    .select({ at: max(requestEvents.at) })
    .from(requestEvents)
    .where(eq(requestEvents.requestId, row.id));
  // A refused request may be closed since: the refusal is the step that went to "refused".
  const [refusedStep] = await tx
    .select({ at: requestEvents.at, note: requestEvents.note, partyId: requestEvents.actorPartyId })
    .from(requestEvents)
    .where(and(eq(requestEvents.requestId, row.id), eq(requestEvents.toState, "refused")))
    .orderBy(desc(requestEvents.at))
    .limit(1);
  const conditions = (row.handlingConditions ?? null) as HandlingConditions | null;
  return {
    request: {
      id: row.id,
      number: row.number ?? "—",
      type: row.type,
      state: row.state,
      emergency: row.emergency,
      direction: side === "sender" ? "sent" : "received",
      reference: row.reference ?? (str(row.content.reference) || null),
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
      answeredAt: row.answeredAt?.toISOString() ?? null,
      closedAt: row.closedAt?.toISOString() ?? null,
    },
    legalBasis: REQUEST_TYPE_INFO[row.type].basis,
    purpose: conditions?.purpose ?? null,
    handlingConditions: conditions,
    dataCategories: categoriesOf(content, identifiers, m?.n ?? 0, a?.n ?? 0, c?.n ?? 0),
    identifiers: identifiersOf(identifiers),
    retention: row.purgedAt ? null : await retentionOf(tx, row, last?.at ?? null),
    recipients: {
      sender,
      requested,
      contactPoint: cp ? { institution: cp.institution, unit: cp.unit } : null,
      onwardTransfers: await onwardTransfersOf(tx, row.id),
    },
    accesses: await accessesOfRequest(tx, row.id),
    refusal: refusedStep
      ? {
          at: refusedStep.at.toISOString(),
          party: refusedStep.partyId ? (ps.get(refusedStep.partyId)?.iso2 ?? null) : null,
          reason: refusedStep.note,
        }
      : null,
    purged:
      row.purgedAt && row.purgeRule
        ? { at: row.purgedAt.toISOString(), ...row.purgeRule, removed: [...PURGED_ITEMS] }
        : null,
    matchedIn,
  };
}

async function headerOf(tx: Tx, user: Principal, at: Date) {
  const party = (await partiesById(tx, [user.partyId as string])).get(user.partyId as string);
  if (!party) throw notFound("Your account's Party was not found.");
  return { producedAt: at.toISOString(), producedBy: isApiToken(user) ? user.label : user.email, party };
}

/** The data-protection copy of one request of the caller's Party; 404 for any other. */
export async function requestCopy(
  ctx: AppContext,
  user: Principal,
  id: string,
  opts: { format: string; locale: string },
  meta: RequestMeta,
): Promise<RequestCopy> {
  requireCopier(user);
  return ctx.db.tx(async (tx) => {
    // The copy states its own purpose (a data-protection copy, Art. 14(11–12)) and is in the access
    // log as such: no further purpose is asked of the admin or auditor who makes it.
    const { row, side } = await requireVisible(tx, user, id, { at: ctx.clock.now(), purpose: false });
    const copy = await copyOf(ctx, tx, user, row, side, { ...opts, via: "request", meta }, []);
    return { ...(await headerOf(tx, user, ctx.clock.now())), copy };
  }, actorOf(user));
}

/**
 * "What do you hold about this person?": every request of the caller's Party (sent, received, and
 * its own drafts) whose identifiers or text name them, each as a copy. The search is audited
 * without its term (the term is itself personal data); each copy is audited as a disclosure.
 */
export async function personCopies(
  ctx: AppContext,
  user: Principal,
  term: string,
  opts: { format: string; locale: string },
  meta: RequestMeta,
): Promise<PersonCopies> {
  requireCopier(user);
  const partyId = user.partyId;
  if (!partyId) throw forbidden("Data-protection copies are kept per Party.");
  return ctx.db.tx(async (tx) => {
    const mine = or(
      eq(requests.senderPartyId, partyId),
      and(eq(requests.requestedPartyId, partyId), sql`${requests.state} <> 'draft'`),
    ) as SQL;
    // Content is matched here rather than in SQL so that folding is the same as the directory's.
    const candidates = await tx
      .select({ id: requests.id, content: requests.content })
      .from(requests)
      .where(and(mine, isNull(requests.purgedAt)))
      .orderBy(desc(sql`coalesce(${requests.sentAt}, ${requests.createdAt})`));
    const [purged] = await tx
      .select({ n: count() })
      .from(requests)
      .where(and(mine, isNotNull(requests.purgedAt)));
    const matches = candidates
      .map((c) => ({ id: c.id, where: personMatches(c.content, term) }))
      .filter((c) => c.where.length > 0);
    await appendAudit(tx, ctx.clock.now(), auditWho(user, meta), {
      action: PERSON_SEARCH_ACTION,
      targetType: "party",
      targetId: partyId,
      details: { matches: matches.length, format: opts.format },
    });
    const copies: DataProtectionCopy[] = [];
    for (const match of matches.slice(0, PERSON_COPY_LIMIT)) {
      const { row, side } = await requireVisible(tx, user, match.id, { at: ctx.clock.now(), purpose: false });
      copies.push(await copyOf(ctx, tx, user, row, side, { ...opts, via: "person", meta }, match.where));
    }
    return {
      ...(await headerOf(tx, user, ctx.clock.now())),
      query: term,
      copies,
      truncated: matches.length > PERSON_COPY_LIMIT,
      purgedNotSearchable: purged?.n ?? 0,
    };
  }, actorOf(user));
}

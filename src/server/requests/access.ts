import { and, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { AccessReason } from "../../shared/requests";
import { can, seesSensitive } from "../auth/policy";
import { isApiToken, type Principal } from "../auth/principal";
import { type Tx, together } from "../db/database";
import { type Params, shaped } from "../db/statement-shapes";
import { forbidden, gone, HttpError, notFound } from "../http/errors";
import { requestAccessPurposes, requestAssignments, requests } from "./tables";
import type { Side } from "./workflow";

export type RequestRow = typeof requests.$inferSelect;

/**
 * Need to know: a request exists only for the users of the two Parties it is between (a draft
 * only for the sender's Party). Anyone else, including the Secretariat, gets the same "not found"
 * as for an id that does not exist, so a guessed address reveals nothing.
 */
export function sideOf(user: Principal, row: RequestRow): Side | null {
  if (!user.partyId || !can(user, "requests.read")) return null;
  if (row.senderPartyId === user.partyId) return "sender";
  if (row.state !== "draft" && row.requestedPartyId === user.partyId) return "requested";
  return null;
}

export const isSensitive = (row: Pick<RequestRow, "handlingConditions">) => row.handlingConditions?.sensitive === true;

const NOT_FOUND = "No request with this id.";

/**
 * Whether the user handles the request for their side: assigned to it, or their side has no
 * handler yet (a request just received is addressed to the contact point's duty team: every
 * officer and admin of that Party must be able to act at once, at night, with no form in the way).
 * API tokens act for their Party's national system, which handles whatever the Party does: they
 * are never asked for a purpose.
 */
export async function handles(tx: Tx, user: Principal, row: Pick<RequestRow, "id">): Promise<boolean> {
  if (isApiToken(user)) return true;
  const current = await currentHandlers(tx, { requestId: row.id, partyId: user.partyId as string });
  return current.length === 0 || current.some((a) => a.userId === user.id);
}

const currentHandlers = shaped((tx, p: Params<{ requestId: string; partyId: string }>) =>
  tx
    .select({ userId: requestAssignments.userId })
    .from(requestAssignments)
    .where(
      and(
        eq(requestAssignments.requestId, p.requestId),
        eq(requestAssignments.partyId, p.partyId),
        isNull(requestAssignments.removedAt),
      ),
    ),
);

export type OpenPurpose = { reason: AccessReason; note: string | null; until: Date };

/** The purpose this user gave to open this request, while it lasts. */
export async function currentPurpose(
  tx: Tx,
  user: Principal,
  requestId: string,
  at: Date,
): Promise<OpenPurpose | null> {
  if (isApiToken(user)) return null;
  const [p] = await purposeGiven(tx, { requestId, userId: user.id, at });
  return p ? { reason: p.reason, note: p.note, until: p.expiresAt } : null;
}

const purposeGiven = shaped((tx, p: Params<{ requestId: string; userId: string; at: Date }>) =>
  tx
    .select()
    .from(requestAccessPurposes)
    .where(
      and(
        eq(requestAccessPurposes.requestId, p.requestId),
        eq(requestAccessPurposes.userId, p.userId),
        gt(requestAccessPurposes.expiresAt, p.at),
      ),
    )
    .orderBy(requestAccessPurposes.expiresAt)
    .limit(1),
);

export type Visible = {
  row: RequestRow;
  side: Side;
  /** Set when the viewer does not handle it and opened it with a purpose: every read logs it. */
  purpose: OpenPurpose | null;
};

/**
 * The request and the viewer's side, locked for update when the caller is about to change it.
 * Inside the two Parties, need to know narrows further:
 * - a handler (or anyone of a side with no handler yet, or an API token) opens it;
 * - a sensitive request (SAP Art. 14(4)) does not exist for anyone else (404), except the
 *   Parties' admins, who must give a purpose like the next case;
 * - anyone else of the two Parties gets 403 `purpose_required` naming only its number, until they
 *   give a purpose (`POST /api/requests/:id/purpose`), which lets them in for one duty shift.
 * `purpose: false` skips that last step for the purpose route itself and for a mere reference to
 * the request (a follow-up naming its earlier request).
 */
export async function requireVisible(
  tx: Tx,
  user: Principal,
  id: string,
  opts: { at: Date; forUpdate?: boolean; purpose?: false },
): Promise<Visible> {
  // The request, whether this user handles it and the purpose they may have given, pipelined:
  // the last two need only the id, and are dropped unless the row is theirs to see.
  const [[row], handling, purpose] = await together([
    (opts.forUpdate ? requestForUpdate : requestById)(tx, { id }),
    user.partyId ? handles(tx, user, { id }) : false,
    user.partyId ? currentPurpose(tx, user, id, opts.at) : null,
  ]);
  if (!row) throw notFound(NOT_FOUND);
  const side = sideOf(user, row);
  if (!side) throw notFound(NOT_FOUND);
  if (handling) return { row, side, purpose: null };
  if (isSensitive(row) && !seesSensitive(user)) throw notFound(NOT_FOUND);
  if (purpose || opts.purpose === false) return { row, side, purpose };
  throw new HttpError(
    403,
    "purpose_required",
    `Request ${row.number ?? ""} is handled by colleagues: say why you open it (POST /api/requests/${row.id}/purpose) ` +
      "and it opens for you, the purpose kept in the access log.",
  );
}

const requestById = shaped((tx, p: Params<{ id: string }>) =>
  tx.select().from(requests).where(eq(requests.id, p.id)).limit(1),
);
const requestForUpdate = shaped((tx, p: Params<{ id: string }>) =>
  tx.select().from(requests).where(eq(requests.id, p.id)).limit(1).for("update"),
);

export function requireWriter(user: Principal): void {
  if (!can(user, "requests.write")) throw forbidden("Your account cannot send or answer requests.");
}

/** What the audit trail records of the purpose a read was made under (the access log shows it). */
export function purposeDetails(purpose: OpenPurpose | null): Record<string, string> {
  return purpose ? { reason: purpose.reason, ...(purpose.note ? { purpose: purpose.note } : {}) } : {};
}

/**
 * A purged request keeps its number, type, Parties, state and dates; anything that needs its
 * content (documents, receipts, files, messages, further steps) answers 410 Gone, saying why.
 */
export function refusePurged(row: RequestRow): void {
  if (!row.purgedAt) return;
  const day = row.purgedAt.toISOString().slice(0, 10);
  const rule = row.purgeRule
    ? row.purgeRule.basis === "final"
      ? ` (${row.purgeRule.days} days after it ended)`
      : ` (${row.purgeRule.days} days without activity)`
    : "";
  throw gone(
    "request_purged",
    `Request ${row.number ?? ""} was purged on ${day} under the retention rule${rule}: its content, messages, ` +
      "attachments and receipts no longer exist. Its number, type, Parties, state and dates remain.",
  );
}

/**
 * Of these request numbers, those of requests between this Party and another (sent, not drafts):
 * what another module may show a Party about requests it names, and nothing of others'.
 */
export async function numbersOfParty(tx: Tx, partyId: string, numbers: readonly string[]): Promise<string[]> {
  if (numbers.length === 0) return [];
  const rows = await tx
    .select({ number: requests.number })
    .from(requests)
    .where(
      and(
        inArray(requests.number, [...numbers]),
        or(eq(requests.senderPartyId, partyId), eq(requests.requestedPartyId, partyId)),
      ),
    );
  const mine = new Set(rows.map((r) => r.number));
  return numbers.filter((n) => mine.has(n));
}

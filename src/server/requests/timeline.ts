import { createHash } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import type { Correction, RequestMessage, RequestState, TimelineEntry, TimelineFacts } from "../../shared/requests";
import { users } from "../auth/tables";
import type { Tx } from "../db/database";
import { type Params, shaped } from "../db/statement-shapes";
import { canonicalJson } from "../directory/formats/canonical-json";
import { parties } from "../directory/tables";
import type { Keyring } from "../vault/keyring";
import type { RequestRow } from "./access";
import { issueReceipt } from "./receipts";
import { openMessage } from "./sealing";
import { requestCorrections, requestEvents, requestMessages } from "./tables";

type Kind = TimelineEntry["kind"];

/** Steps that change who must act get a signed receipt; reminders and messages do not need one. */
const WITH_RECEIPT: ReadonlySet<Kind> = new Set([
  "sent",
  "transition",
  "feedback",
  "onward_transfer_asked",
  "onward_transfer_authorised",
  "onward_transfer_refused",
  "corrected",
]);

export function contentHash(content: Record<string, unknown>): string {
  return createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
}

/** Appends a step to the request's timeline (in the caller's transaction), with its receipt. */
export async function recordStep(
  tx: Tx,
  row: RequestRow,
  step: {
    kind: Kind;
    from?: RequestState | null;
    to?: RequestState | null;
    actor: { userId: string | null; partyId: string | null; email?: string | null };
    note?: string | null;
    facts?: TimelineFacts;
  },
  at: Date,
): Promise<string> {
  let receipt: string | null = null;
  if (WITH_RECEIPT.has(step.kind)) {
    const [party] = step.actor.partyId
      ? await tx.select({ iso2: parties.iso2 }).from(parties).where(eq(parties.id, step.actor.partyId))
      : [];
    receipt = await issueReceipt(
      tx,
      {
        typ: "vigil.request-receipt",
        request: { id: row.id, number: row.number ?? "", type: row.type },
        step: { kind: step.kind, from: step.from ?? null, to: step.to ?? null, at: at.toISOString() },
        by: { party: party?.iso2 ?? null, user: step.actor.email ?? null },
        contentSha256: row.state === "draft" && step.kind !== "sent" ? null : contentHash(row.content),
      },
      at,
    );
  }
  const [event] = await tx
    .insert(requestEvents)
    .values({
      requestId: row.id,
      at,
      kind: step.kind,
      fromState: step.from ?? null,
      toState: step.to ?? null,
      actorUserId: step.actor.userId,
      actorPartyId: step.actor.partyId,
      note: step.note ?? null,
      facts: step.facts ?? null,
      receipt,
    })
    .returning({ id: requestEvents.id });
  if (!event) throw new Error("timeline step not written");
  return event.id;
}

export async function timelineOf(tx: Tx, requestId: string): Promise<TimelineEntry[]> {
  const rows = await timelineRows(tx, { requestId });
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

const timelineRows = shaped((tx, p: Params<{ requestId: string }>) =>
  tx
    .select({
      id: requestEvents.id,
      at: requestEvents.at,
      kind: requestEvents.kind,
      fromState: requestEvents.fromState,
      toState: requestEvents.toState,
      party: parties.iso2,
      actor: users.displayName,
      note: requestEvents.note,
      facts: requestEvents.facts,
      receipt: requestEvents.receipt,
    })
    .from(requestEvents)
    .leftJoin(parties, eq(parties.id, requestEvents.actorPartyId))
    .leftJoin(users, eq(users.id, requestEvents.actorUserId))
    .where(eq(requestEvents.requestId, p.requestId))
    .orderBy(asc(requestEvents.at), asc(requestEvents.seq)),
);

export async function receiptOf(tx: Tx, requestId: string, eventId: string): Promise<string | null> {
  const [row] = await tx
    .select({ requestId: requestEvents.requestId, receipt: requestEvents.receipt })
    .from(requestEvents)
    .where(eq(requestEvents.id, eventId));
  return row && row.requestId === requestId ? row.receipt : null;
}

export async function messagesOf(tx: Tx, ring: Keyring, requestId: string): Promise<RequestMessage[]> {
  const rows = await messageRows(tx, { requestId });
  return rows.map(({ sealed, ...r }) => ({
    ...r,
    at: r.at.toISOString(),
    author: r.author ?? "—",
    body: openMessage(ring, { id: r.id, sealed, body: r.body }),
  }));
}

const messageRows = shaped((tx, p: Params<{ requestId: string }>) =>
  tx
    .select({
      id: requestMessages.id,
      at: requestMessages.at,
      party: parties.iso2,
      author: users.displayName,
      body: requestMessages.body,
      sealed: requestMessages.sealed,
    })
    .from(requestMessages)
    .innerJoin(parties, eq(parties.id, requestMessages.partyId))
    .leftJoin(users, eq(users.id, requestMessages.authorUserId))
    .where(eq(requestMessages.requestId, p.requestId))
    .orderBy(asc(requestMessages.at), asc(requestMessages.seq)),
);

/** A request's corrections, oldest first, for its page and its data-protection copy. */
export async function correctionsOf(tx: Tx, requestId: string): Promise<Correction[]> {
  const rows = await correctionRows(tx, { requestId });
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

const correctionRows = shaped((tx, p: Params<{ requestId: string }>) =>
  tx
    .select({
      id: requestCorrections.id,
      at: requestCorrections.at,
      party: parties.iso2,
      actor: users.displayName,
      reason: requestCorrections.reason,
      changes: requestCorrections.changes,
    })
    .from(requestCorrections)
    .leftJoin(parties, eq(parties.id, requestCorrections.actorPartyId))
    .leftJoin(users, eq(users.id, requestCorrections.actorUserId))
    .where(eq(requestCorrections.requestId, p.requestId))
    .orderBy(asc(requestCorrections.at), asc(requestCorrections.seq)),
);

/** Used by lists that show several requests' parties at once. */
export async function partiesById(tx: Tx, ids: string[]) {
  if (ids.length === 0) return new Map<string, { iso2: string; nameEn: string; nameFr: string }>();
  const rows = await tx
    .select({ id: parties.id, iso2: parties.iso2, nameEn: parties.nameEn, nameFr: parties.nameFr })
    .from(parties)
    .where(inArray(parties.id, ids));
  return new Map(rows.map((r) => [r.id, { iso2: r.iso2, nameEn: r.nameEn, nameFr: r.nameFr }]));
}

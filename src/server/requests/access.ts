import { and, eq, inArray, or } from "drizzle-orm";
import { can } from "../auth/policy";
import type { Principal } from "../auth/principal";
import type { Tx } from "../db/database";
import { forbidden, gone, notFound } from "../http/errors";
import { requests } from "./tables";
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

const NOT_FOUND = "No request with this id.";

/** The request and the viewer's side, locked for update when the caller is about to change it. */
export async function requireVisible(
  tx: Tx,
  user: Principal,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<{ row: RequestRow; side: Side }> {
  const q = tx.select().from(requests).where(eq(requests.id, id)).limit(1);
  const [row] = opts.forUpdate ? await q.for("update") : await q;
  if (!row) throw notFound(NOT_FOUND);
  const side = sideOf(user, row);
  if (!side) throw notFound(NOT_FOUND);
  return { row, side };
}

export function requireWriter(user: Principal): void {
  if (!can(user, "requests.write")) throw forbidden("Your account cannot send or answer requests.");
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

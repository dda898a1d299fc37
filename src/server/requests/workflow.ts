import type { RequestState } from "../../shared/requests";

/**
 * The request's life as an explicit state machine. Each move names the side allowed to make it:
 * the requested Party acknowledges, works and answers; the sender sends and closes (either side may
 * close once there is an outcome, so a finished case does not stay open because one side forgot).
 *
 *   draft → sent → acknowledged → in_progress → executed | partially_executed | refused → closed
 *                               ↘──────────────↗ (an answer may come straight after acknowledging)
 */

export type Side = "sender" | "requested";

const MOVES: Record<RequestState, Partial<Record<RequestState, Side[]>>> = {
  draft: { sent: ["sender"] },
  sent: { acknowledged: ["requested"] },
  acknowledged: {
    in_progress: ["requested"],
    executed: ["requested"],
    partially_executed: ["requested"],
    refused: ["requested"],
  },
  in_progress: { executed: ["requested"], partially_executed: ["requested"], refused: ["requested"] },
  executed: { closed: ["sender", "requested"] },
  partially_executed: { closed: ["sender", "requested"] },
  refused: { closed: ["sender", "requested"] },
  closed: {},
};

export function canMove(from: RequestState, to: RequestState, side: Side): boolean {
  return MOVES[from][to]?.includes(side) ?? false;
}

/** The states `side` may move a request to from `from`. */
export function nextStates(from: RequestState, side: Side): RequestState[] {
  return (Object.entries(MOVES[from]) as [RequestState, Side[]][])
    .filter(([, s]) => s.includes(side))
    .map(([to]) => to);
}

export function isOutcome(state: RequestState): boolean {
  return state === "executed" || state === "partially_executed" || state === "refused";
}

/** Still waiting on the requested side (counts towards "overdue"). */
export function isOpen(state: RequestState): boolean {
  return state === "sent" || state === "acknowledged" || state === "in_progress";
}

/** Why a move is refused, in words a user understands. */
export function refusal(from: RequestState, to: RequestState, side: Side): string {
  if (MOVES[from][to]) {
    return side === "sender"
      ? `Only the requested Party can move a request from ${from} to ${to}.`
      : `Only the sending Party can move a request from ${from} to ${to}.`;
  }
  const next = Object.keys(MOVES[from]);
  return next.length
    ? `A ${from} request cannot become ${to}; it can become ${next.join(", ")}.`
    : `A ${from} request cannot change any more.`;
}

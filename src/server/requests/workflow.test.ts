import { describe, expect, it } from "vitest";
import { REQUEST_STATES, type RequestState } from "../../shared/requests";
import { canMove, nextStates, refusal } from "./workflow";

describe("request workflow", () => {
  it("follows draft → sent → acknowledged → in progress → outcome → closed, each step by its side", () => {
    expect(canMove("draft", "sent", "sender")).toBe(true);
    expect(canMove("sent", "acknowledged", "requested")).toBe(true);
    expect(canMove("acknowledged", "in_progress", "requested")).toBe(true);
    expect(canMove("in_progress", "executed", "requested")).toBe(true);
    expect(canMove("in_progress", "partially_executed", "requested")).toBe(true);
    expect(canMove("in_progress", "refused", "requested")).toBe(true);
    expect(canMove("acknowledged", "executed", "requested")).toBe(true);
    expect(canMove("executed", "closed", "sender")).toBe(true);
    expect(canMove("refused", "closed", "requested")).toBe(true);
  });

  it("refuses the wrong side and the illegal moves", () => {
    expect(canMove("sent", "acknowledged", "sender")).toBe(false);
    expect(canMove("draft", "sent", "requested")).toBe(false);
    expect(canMove("sent", "executed", "requested")).toBe(false);
    expect(canMove("sent", "closed", "sender")).toBe(false);
    expect(canMove("closed", "sent", "sender")).toBe(false);
    expect(refusal("sent", "acknowledged", "sender")).toMatch(/Only the requested Party/);
    expect(refusal("sent", "executed", "requested")).toMatch(/cannot become executed; it can become acknowledged/);
    expect(refusal("closed", "sent", "sender")).toMatch(/cannot change any more/);
  });

  it("every state but closed leads somewhere, and closed is reachable from every sent state", () => {
    const reach = (from: RequestState, seen = new Set<RequestState>()): Set<RequestState> => {
      for (const to of [...nextStates(from, "sender"), ...nextStates(from, "requested")]) {
        if (!seen.has(to)) {
          seen.add(to);
          reach(to, seen);
        }
      }
      return seen;
    };
    for (const s of REQUEST_STATES) {
      if (s === "closed") expect(reach(s).size).toBe(0);
      else expect(reach(s).has("closed")).toBe(true);
    }
  });
});

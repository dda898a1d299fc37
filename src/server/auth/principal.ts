import type { ApiTokenScope } from "../../shared/api-tokens";
import type { Actor } from "../db/database";
import type { UserRow } from "./users";

/**
 * A Party's API token as the caller of a use case. It acts for its Party with an officer's rights
 * narrowed to its scopes (policy.ts); it is no user, so audit rows name the token instead.
 */
export type ApiTokenPrincipal = {
  kind: "api_token";
  /** The token's row id (not a user id). */
  id: string;
  role: "officer";
  partyId: string;
  scopes: readonly ApiTokenScope[];
  /** How the audit trail names the caller: which token of which Party. */
  label: string;
};

/** Whoever calls a use case: a signed-in user (a UserRow is one as it is), or an API token. */
export type Principal = UserRow | ApiTokenPrincipal;

export function isApiToken(principal: Principal): principal is ApiTokenPrincipal {
  return "kind" in principal && principal.kind === "api_token";
}

/**
 * Who acts in a transaction (row-level security): a token has no user, only its Party and role,
 * and its id, which the transaction checks is still valid (see Actor).
 */
export function actorOf(principal: Principal): Actor {
  return isApiToken(principal)
    ? { userId: null, partyId: principal.partyId, role: principal.role, apiTokenId: principal.id }
    : { userId: principal.id, partyId: principal.partyId, role: principal.role };
}

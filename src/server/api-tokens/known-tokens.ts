import { sha256 } from "../auth/tokens";
import { perDatabase } from "../db/per-database";
import type { FoundToken } from "./api-tokens";

/**
 * The API tokens this instance has looked up, by the hash of their value: a national system
 * polling every second is then not looked up on each call (a round trip to PostgreSQL, a fifth of
 * a search's database work). A kept token still serves only while `readyPrincipal` accepts it:
 * unexpired, and its last use recorded less than a minute ago, so it is looked up again (and its
 * use recorded) at least once a minute. Revocation is not read from here: every transaction that
 * acts as a token checks in its first statement that it is unrevoked (Actor.apiTokenId), which
 * holds across instances; a refusal there makes the guard forget the token (`forget`).
 *
 * Bounded: beyond `max` tokens the oldest kept is dropped (a flood of valid tokens is no attack:
 * each was issued by an administrator). Only the hash is kept, never a token.
 */
export class KnownTokens {
  private readonly byHash = new Map<string, FoundToken>();

  constructor(readonly max = 10_000) {}

  static hashOf(token: string): string {
    return sha256(token);
  }

  get(hash: string): FoundToken | undefined {
    return this.byHash.get(hash);
  }

  remember(hash: string, found: FoundToken): void {
    this.byHash.delete(hash);
    this.byHash.set(hash, found);
    if (this.byHash.size > this.max) this.byHash.delete(this.byHash.keys().next().value as string);
  }

  forget(hash: string): void {
    this.byHash.delete(hash);
  }

  get size(): number {
    return this.byHash.size;
  }
}

export const knownTokensOf = perDatabase(() => new KnownTokens());

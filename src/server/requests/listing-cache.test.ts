import { describe, expect, it } from "vitest";
import { ListingCache } from "./listing-cache";

const at = (ms: number) => new Date(Date.UTC(2026, 11, 8) + ms);

describe("ListingCache", () => {
  it("keeps a listing until its next change, a minute at most", () => {
    const cache = new ListingCache(10, 60_000);
    const answer = cache.keep("k", "1:0", at(0), at(30_000), { items: [] });
    expect(Object.isFrozen(answer)).toBe(true);
    expect(cache.kept("k", at(29_999))).toEqual({ version: "1:0", answer });
    expect(cache.kept("k", at(30_000))).toBeUndefined();
    cache.keep("k", "1:0", at(0), null, answer);
    expect(cache.kept("k", at(59_999))?.answer).toBe(answer);
    expect(cache.kept("k", at(60_000))).toBeUndefined();
    // A listing whose next change is already due is not kept at all.
    cache.keep("k", "1:0", at(0), at(0), answer);
    expect(cache.size).toBe(0);
  });

  it("holds at most its number of listings, dropping the least recently used", () => {
    const cache = new ListingCache(2);
    cache.keep("a", "1", at(0), null, {});
    cache.keep("b", "1", at(0), null, {});
    cache.kept("a", at(1));
    cache.keep("c", "1", at(0), null, {});
    expect(cache.size).toBe(2);
    expect(cache.kept("b", at(1))).toBeUndefined();
    expect(cache.kept("a", at(1))).toBeDefined();
    expect(cache.kept("c", at(1))).toBeDefined();
  });
});

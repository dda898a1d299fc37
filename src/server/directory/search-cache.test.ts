import { describe, expect, it } from "vitest";
import { SearchCache } from "./search-cache";

describe("SearchCache.answered", () => {
  it("gives an answer presented this minute from the generation kept, and nothing otherwise", async () => {
    const cache = new SearchCache();
    await cache.get(7, "ranking", async () => [{ id: "a" }]);
    expect(cache.answered("answer", "ranking", 100)).toBeUndefined();
    const answer = cache.presented("answer", 7, 100, () => ({ hits: [], total: 0 }));
    expect(cache.answered("answer", "ranking", 100)).toEqual({ generation: 7, answer });
    // Another minute (open now is by the minute): presented again.
    expect(cache.answered("answer", "ranking", 101)).toBeUndefined();
    // Another generation empties the cache.
    await cache.get(8, "ranking", async () => [{ id: "a" }]);
    expect(cache.answered("answer", "ranking", 100)).toBeUndefined();
  });

  it("counts its ranking as used, so that the rankings' eviction spares it", async () => {
    const cache = new SearchCache(2);
    await cache.get(1, "r1", async () => [{ id: "a" }]);
    cache.presented("answer", 1, 5, () => ({}));
    await cache.get(1, "r2", async () => [{ id: "b" }]);
    cache.answered("answer", "r1", 5);
    await cache.get(1, "r3", async () => [{ id: "c" }]);
    expect(cache.size).toBe(2);
    let ranked = false;
    await cache.get(1, "r1", async () => {
      ranked = true;
      return [];
    });
    expect(ranked).toBe(false);
  });
});

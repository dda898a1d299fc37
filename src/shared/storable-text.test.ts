import { describe, expect, it } from "vitest";
import { StorableInput, textProblem, unstorableText } from "./storable-text";

describe("storable text", () => {
  it("refuses NUL and lone surrogates, and takes every other character", () => {
    expect(textProblem("a\u0000b")).toMatch(/NUL/);
    expect(textProblem("\uD800")).toMatch(/lone surrogate/);
    expect(textProblem("a\uDC00b")).toMatch(/lone surrogate/);
    expect(textProblem("\uDC00\uD800")).toMatch(/lone surrogate/); // a pair in the wrong order
    for (const ok of ["", "plain", "𝕍𝕚𝕘𝕚𝕝", "\uFEFF\u202E", "' OR '1'='1", "<script>", "\u0001\u001f"]) {
      expect(textProblem(ok), ok).toBeNull();
    }
  });

  it("names each bad string and key by its path, at any depth", () => {
    expect(unstorableText({ a: [1, "ok", { b: "x\u0000" }], "k\uD800": 2 })).toEqual([
      // An object's keys before what lies deeper.
      { path: ["k\uD800"], message: "Text must be valid Unicode (it has a lone surrogate) (in a key)" },
      { path: ["a", 2, "b"], message: "Text may not contain the NUL character (U+0000)" },
    ]);
    expect(unstorableText({ file: new Uint8Array([0, 0]) })).toEqual([]);
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableText(deep)[0]?.path).toHaveLength(100_000);
  });

  it("is a schema: the issues carry the path, and good input passes unchanged", () => {
    const r = StorableInput.safeParse({ q: "a\u0000" });
    expect(r.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([
      { path: ["q"], message: "Text may not contain the NUL character (U+0000)" },
    ]);
    expect(StorableInput.parse({ q: "fine" })).toEqual({ q: "fine" });
  });
});

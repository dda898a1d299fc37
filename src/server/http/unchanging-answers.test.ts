import { describe, expect, it } from "vitest";
import { serializeOnce, unchangingAnswer } from "./unchanging-answers";

describe("unchanging answers", () => {
  it("are serialized once, and nothing can change them after", () => {
    let calls = 0;
    const serialize = (data: unknown) => {
      calls++;
      return JSON.stringify(data);
    };
    const answer = unchangingAnswer({ hits: [{ party: { iso2: "FI" }, openNow: true }], total: 1 });
    const first = serializeOnce(answer, serialize);
    expect(first.toString()).toBe('{"hits":[{"party":{"iso2":"FI"},"openNow":true}],"total":1}');
    // Kept as bytes: the same buffer each time, not encoded again.
    expect(Buffer.isBuffer(first)).toBe(true);
    expect(serializeOnce(answer, serialize)).toBe(first);
    expect(calls).toBe(1);
    // Deeply frozen: a change anywhere in it throws (modules are strict).
    expect(() => {
      (answer.hits[0] as { openNow: boolean }).openNow = false;
    }).toThrow(TypeError);
    expect(() => {
      answer.hits.push({ party: { iso2: "RO" }, openNow: false });
    }).toThrow(TypeError);
  });

  it("leave every other answer serialized each time", () => {
    let calls = 0;
    const serialize = (data: unknown) => {
      calls++;
      return JSON.stringify(data);
    };
    const answer = { total: 1 };
    serializeOnce(answer, serialize);
    answer.total = 2;
    expect(serializeOnce(answer, serialize)).toBe('{"total":2}');
    expect(serializeOnce("text", serialize)).toBe('"text"');
    expect(calls).toBe(3);
  });
});

import { describe, expect, it } from "vitest";
import { formatAge } from "./format";

describe("formatAge", () => {
  it("says minutes, then hours and minutes, then days", () => {
    expect(formatAge(0, "en")).toBe("0 min");
    expect(formatAge(20, "en")).toBe("1 min");
    expect(formatAge(300, "en")).toBe("5 min");
    expect(formatAge(2 * 3600 + 5 * 60, "en")).toBe("2 hr 5 min");
    expect(formatAge(3 * 3600, "fr")).toBe("3\u202fh"); // French puts a narrow no-break space
    expect(formatAge(3 * 86_400 + 10, "en")).toBe("3 days");
  });
});

import { describe, expect, it } from "vitest";
import { diffItems, diffWords } from "./diff";
import { formatOf } from "./importFile";
import { suggestVersion } from "./versions";

describe("diffWords", () => {
  it("marks only the words that changed", () => {
    const { before, after } = diffWords("Write in English or Romanian.", "Write in English or French.");
    expect(before).toEqual([
      { text: "Write in English or ", kind: "same" },
      { text: "Romanian.", kind: "removed" },
    ]);
    expect(after).toEqual([
      { text: "Write in English or ", kind: "same" },
      { text: "French.", kind: "added" },
    ]);
  });

  it("keeps text appended at the end apart", () => {
    const { after } = diffWords("Use the template.", "Use the template. Call first.");
    expect(after.filter((s) => s.kind === "added").map((s) => s.text.trim())).toEqual(["Call first."]);
  });
});

describe("diffItems", () => {
  it("marks list items present on one side only, duplicates counted", () => {
    const { before, after } = diffItems(["+1", "+2", "+2"], ["+2", "+3"]);
    expect(before.map((s) => s.kind)).toEqual(["removed", "same", "removed"]);
    expect(after.map((s) => s.kind)).toEqual(["same", "added"]);
  });
});

describe("suggestVersion", () => {
  const november = new Date(2026, 10, 5);
  it("is the month, or its next free suffix", () => {
    expect(suggestVersion([], november)).toBe("2026-11");
    expect(suggestVersion(["2026-11"], november)).toBe("2026-11.1");
    expect(suggestVersion(["2026-11", "2026-11.1"], november)).toBe("2026-11.2");
  });
});

describe("formatOf", () => {
  it("follows the file extension", () => {
    expect(formatOf("directory.CSV")).toBe("csv");
    expect(formatOf("annuaire 2024.docx")).toBe("docx");
    expect(formatOf("release.json")).toBe("json");
    expect(formatOf("notes.txt")).toBeNull();
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type Catalogue = { [key: string]: string | Catalogue };

function leaves(catalogue: Catalogue, prefix = ""): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
}

const folder = import.meta.dirname;
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(folder, file), "utf8")) as Catalogue;
const pairs = fs
  .readdirSync(folder)
  .filter((file) => file === "en.json" || file.endsWith(".en.json"))
  .map((en) => [en, en.replace(/en\.json$/, "fr.json")] as const);

// A key missing in French would show the English text (the fallback) to a French reader.
describe("the translation catalogues", () => {
  it.each(pairs)("%s and %s have the same keys", (en, fr) => {
    expect(leaves(read(fr)).sort()).toEqual(leaves(read(en)).sort());
  });
  it("include the API tokens panel's", () => {
    expect(pairs.map(([en]) => en)).toContain("apiTokens.en.json");
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every English catalogue has a French twin with exactly the same keys: a label missing in one
// language would show its raw key to a duty officer.

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
}

const dir = import.meta.dirname;
const pairs = fs
  .readdirSync(dir)
  .filter((name) => /(^|\.)en\.json$/.test(name))
  .map((en) => [en, en.replace(/en\.json$/, "fr.json")] as const);

describe("translation catalogues", () => {
  it("come in English and French pairs", () => {
    expect(pairs.length).toBeGreaterThan(1);
    for (const [, fr] of pairs) expect(fs.existsSync(path.join(dir, fr)), fr).toBe(true);
  });
  it.each(pairs)("%s and its French twin have the same keys", (en, fr) => {
    const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as Tree;
    expect(leaves(read(fr)).sort()).toEqual(leaves(read(en)).sort());
  });
});

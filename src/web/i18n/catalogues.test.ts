import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every English catalogue has its French twin with exactly the same keys (and no empty text). */

const dir = import.meta.dirname;

function leaves(value: unknown, prefix = ""): [string, unknown][] {
  if (typeof value !== "object" || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const pairs = fs
  .readdirSync(dir)
  .filter((f) => f === "en.json" || f.endsWith(".en.json"))
  .map((en) => [en, en.replace(/(^|\.)en\.json$/, "$1fr.json")] as const);

describe("translation catalogues", () => {
  it.each(pairs)("%s and %s have the same keys", (en, fr) => {
    const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as unknown;
    const [enLeaves, frLeaves] = [leaves(read(en)), leaves(read(fr))];
    expect(frLeaves.map(([k]) => k).sort()).toEqual(enLeaves.map(([k]) => k).sort());
    for (const [key, text] of [...enLeaves, ...frLeaves]) {
      expect(typeof text === "string" && text.trim().length > 0, key).toBe(true);
    }
  });
});

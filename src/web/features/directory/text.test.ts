import { describe, expect, it } from "vitest";
import type { PartySummary } from "../../../shared/directory";
import { foldCompact, foldSpaced } from "../../../shared/text";
import { filterParties, sortParties } from "./text";

const p = (iso2: string, nameEn: string, nameFr: string): PartySummary => ({
  id: "00000000-0000-4000-8000-000000000000",
  iso2,
  nameEn,
  nameFr,
  status: "party",
  contactPointCount: 1,
  primaryType: "police",
  stale: false,
});
const list = [
  p("CI", "Côte d'Ivoire", "Côte d'Ivoire"),
  p("GB", "United Kingdom", "Royaume-Uni"),
  p("TR", "Türkiye", "Türkiye"),
  p("BA", "Bosnia and Herzegovina", "Bosnie-Herzégovine"),
];

describe("directory filter", () => {
  it("folds as the server does: case, accents, apostrophes and spaces", () => {
    expect(foldSpaced("Côte d'Ivoire")).toBe("cote divoire");
    expect(foldCompact("Côte d’Ivoire")).toBe(foldCompact("cote divoire"));
    expect(filterParties(list, "cote divoire", "en").map((x) => x.iso2)).toEqual(["CI"]);
    expect(filterParties(list, "Côte d'Ivoire", "en").map((x) => x.iso2)).toEqual(["CI"]);
    expect(filterParties(list, "COTE D'IVOIRE", "fr").map((x) => x.iso2)).toEqual(["CI"]);
    expect(filterParties(list, "TURKIYE", "fr").map((x) => x.iso2)).toEqual(["TR"]);
  });
  it("matches across punctuation and word boundaries", () => {
    expect(filterParties(list, "bosnie herzegovine", "fr").map((x) => x.iso2)).toEqual(["BA"]);
    expect(filterParties(list, "royaumeuni", "en").map((x) => x.iso2)).toEqual(["GB"]);
  });
  it("matches the name in the other language and the ISO code", () => {
    expect(filterParties(list, "royaume", "en").map((x) => x.iso2)).toEqual(["GB"]);
    expect(filterParties(list, "gb", "fr").map((x) => x.iso2)).toEqual(["GB"]);
  });
  it("keeps every Party for an empty or punctuation-only query", () => {
    expect(filterParties(list, "  ", "en")).toHaveLength(4);
    expect(filterParties(list, "'", "en")).toHaveLength(4);
  });
  it("sorts by the name in the UI language", () => {
    expect(sortParties(list, "fr").map((x) => x.iso2)).toEqual(["BA", "CI", "GB", "TR"]);
    expect(sortParties(list, "en").map((x) => x.iso2)).toEqual(["BA", "CI", "TR", "GB"]);
  });
});

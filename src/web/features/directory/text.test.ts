import { describe, expect, it } from "vitest";
import type { PartySummary } from "../../../shared/directory";
import { filterParties, foldForSearch, sortParties } from "./text";

const p = (iso2: string, nameEn: string, nameFr: string): PartySummary => ({
  id: "00000000-0000-4000-8000-000000000000",
  iso2,
  nameEn,
  nameFr,
  status: "party",
  contactPointCount: 1,
  primaryType: "police",
});
const list = [
  p("CI", "Côte d'Ivoire", "Côte d'Ivoire"),
  p("GB", "United Kingdom", "Royaume-Uni"),
  p("TR", "Türkiye", "Türkiye"),
];

describe("directory filter", () => {
  it("ignores case, accents, apostrophes and spaces", () => {
    expect(foldForSearch("Côte d'Ivoire")).toBe(foldForSearch("cote divoire"));
    expect(filterParties(list, "cote divoire", "en").map((x) => x.iso2)).toEqual(["CI"]);
    expect(filterParties(list, "TURKIYE", "fr").map((x) => x.iso2)).toEqual(["TR"]);
  });
  it("matches the name in the other language and the ISO code", () => {
    expect(filterParties(list, "royaume", "en").map((x) => x.iso2)).toEqual(["GB"]);
    expect(filterParties(list, "gb", "fr").map((x) => x.iso2)).toEqual(["GB"]);
  });
  it("sorts by the name in the UI language", () => {
    expect(sortParties(list, "fr").map((x) => x.iso2)).toEqual(["CI", "GB", "TR"]);
    expect(sortParties(list, "en").map((x) => x.iso2)).toEqual(["CI", "TR", "GB"]);
  });
});

import type { Locale } from "../../../shared/auth";
import type { PartySummary } from "../../../shared/directory";

/**
 * Lower-case, without accents, punctuation or spaces: "Côte d'Ivoire" is found by typing
 * "cote divoire" or "Cote d'Ivoire", as people type names at night on a phone.
 */
export function foldForSearch(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

export function partyName(party: Pick<PartySummary, "nameEn" | "nameFr">, locale: Locale): string {
  return locale === "fr" ? party.nameFr : party.nameEn;
}

/** Parties sorted by their name in the UI language, in that language's alphabetical order. */
export function sortParties(parties: readonly PartySummary[], locale: Locale): PartySummary[] {
  return [...parties].sort((a, b) => partyName(a, locale).localeCompare(partyName(b, locale), locale));
}

export function filterParties(parties: readonly PartySummary[], query: string, locale: Locale): PartySummary[] {
  const needle = foldForSearch(query.trim());
  if (!needle) return [...parties];
  // The ISO code and the name in the other language match too ("CI", "Ivory…" comes with full search).
  return parties.filter(
    (party) =>
      foldForSearch(partyName(party, locale)).includes(needle) ||
      foldForSearch(partyName(party, locale === "fr" ? "en" : "fr")).includes(needle) ||
      party.iso2.toLowerCase() === needle,
  );
}

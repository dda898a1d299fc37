import type { Locale } from "../../../shared/auth";
import type { PartySummary } from "../../../shared/directory";

/** Lower-case, without accents: "Côte d'Ivoire" is found by typing "cote". */
export function foldForSearch(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();
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
  return parties.filter((party) => foldForSearch(partyName(party, locale)).includes(needle));
}

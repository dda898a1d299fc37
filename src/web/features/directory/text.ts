import type { Locale } from "../../../shared/auth";
import type { PartySummary } from "../../../shared/directory";
import { foldCompact } from "../../../shared/text";

type Named = Pick<PartySummary, "nameEn" | "nameFr">;

export function partyName(party: Named, locale: Locale): string {
  return locale === "fr" ? party.nameFr : party.nameEn;
}

/** Parties sorted by their name in the UI language, in that language's alphabetical order. */
export function sortParties<T extends Named>(parties: readonly T[], locale: Locale): T[] {
  return [...parties].sort((a, b) => partyName(a, locale).localeCompare(partyName(b, locale), locale));
}

/**
 * The instant, local filter of the Party list while the server search is on its way. It folds
 * text exactly as the server does (src/shared/text.ts), so "cote divoire" and "Côte d'Ivoire"
 * find the same Parties here and there; alternative names and typos are the server's job.
 */
export function filterParties<T extends Named & Pick<PartySummary, "iso2">>(
  parties: readonly T[],
  query: string,
  locale: Locale,
): T[] {
  const needle = foldCompact(query);
  if (!needle) return [...parties];
  const other: Locale = locale === "fr" ? "en" : "fr";
  return parties.filter(
    (party) =>
      foldCompact(partyName(party, locale)).includes(needle) ||
      foldCompact(partyName(party, other)).includes(needle) ||
      party.iso2.toLowerCase() === needle,
  );
}

import type { ComboboxItem, OptionsFilter } from "@mantine/core";
import { useMemo } from "react";
import type { PartySummary } from "../../../shared/directory";
import { foldCompact } from "../../../shared/text";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { directoryApi } from "../directory/directoryApi";
import { partyName, sortParties } from "../directory/text";

export type PartyOptions = {
  parties: PartySummary[] | null;
  options: ComboboxItem[];
  /** Finds a Party by its name in either language or its ISO code, as the directory does. */
  filter: OptionsFilter;
  error: unknown;
  retry: () => void;
};

/** The Parties of the directory as choices, named and sorted in the UI language. */
export function useParties(exclude?: string | null): PartyOptions {
  const locale = currentLocale();
  const query = useApiQuery("directory-parties", (signal) => directoryApi.parties(signal));
  const parties = query.status === "success" ? query.data.parties : null;
  const options = useMemo(
    () =>
      sortParties(parties ?? [], locale)
        .filter((p) => p.iso2 !== exclude)
        .map((p) => ({ value: p.iso2, label: partyName(p, locale) })),
    [parties, locale, exclude],
  );
  const filter = useMemo(() => partyFilter(parties ?? []), [parties]);
  return { parties, options, filter, error: query.status === "error" ? query.error : null, retry: query.retry };
}

/**
 * Searching the Party list as the directory does: accents, apostrophes and case do not matter
 * ("cote divoire"), the name in the other language finds it too ("roumanie"), and so does the ISO
 * code ("ro").
 */
export function partyFilter(parties: readonly PartySummary[]): OptionsFilter {
  const names = new Map(parties.map((p) => [p.iso2, `${foldCompact(p.nameEn)} ${foldCompact(p.nameFr)}`]));
  return ({ options, search }) => {
    const needle = foldCompact(search);
    if (!needle) return options;
    return options.filter(
      (o) =>
        "value" in o &&
        ((names.get(o.value) ?? foldCompact(o.label)).includes(needle) || o.value.toLowerCase() === needle),
    );
  };
}

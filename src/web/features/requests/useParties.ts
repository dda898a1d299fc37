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
  return { parties, options, error: query.status === "error" ? query.error : null, retry: query.retry };
}

/**
 * Searching the Party list as the directory does: accents, apostrophes and case do not matter
 * ("cote divoire"), and the ISO code finds its Party ("ro").
 */
export const partyFilter: OptionsFilter = ({ options, search }) => {
  const needle = foldCompact(search);
  if (!needle) return options;
  return options.filter(
    (o) => "value" in o && (foldCompact(o.label).includes(needle) || o.value.toLowerCase() === needle),
  );
};

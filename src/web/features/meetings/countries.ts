import type { ComboboxItem, OptionsFilter } from "@mantine/core";
import countries from "i18n-iso-countries";
import { useMemo } from "react";
import type { Locale } from "../../../shared/auth";
import { foldCompact } from "../../../shared/text";
import { currentLocale } from "../../i18n";
import { partyName } from "../directory/text";
import { useParties } from "../requests/useParties";

/** A country's name in the UI language from the browser's own list (no catalogue to ship). */
export function regionName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every ISO 3166 alpha-2 code (the list the server checks an observer State against). */
const ISO_CODES = Object.keys(countries.getAlpha2Codes());

export type Countries = {
  /** The Parties of the directory: a Party's delegate names one of them. */
  parties: ComboboxItem[];
  /** The States that are no Party (observers, signatories, others). */
  others: ComboboxItem[];
  /** Every country, for capacity building (Parties and States about to join alike). */
  all: ComboboxItem[];
  /** The name shown for a code: the directory's for a Party, the browser's otherwise. */
  name: (code: string) => string;
  /** Finds a country by its name (accents and case aside) or its code, as the directory does. */
  filter: OptionsFilter;
  loaded: boolean;
  error: unknown;
  retry: () => void;
};

export function useCountries(): Countries {
  const locale = currentLocale();
  const directory = useParties();
  return useMemo(() => {
    const partyNames = new Map(
      (directory.parties ?? []).filter((p) => p.status === "party").map((p) => [p.iso2, partyName(p, locale)]),
    );
    const name = (code: string) => partyNames.get(code) ?? regionName(code, locale);
    const sorted = (codes: readonly string[]) =>
      codes.map((code) => ({ value: code, label: name(code) })).sort((a, b) => a.label.localeCompare(b.label, locale));
    const filter: OptionsFilter = ({ options, search }) => {
      const needle = foldCompact(search);
      if (!needle) return options;
      return options.filter(
        (o) => "value" in o && (foldCompact(o.label).includes(needle) || o.value.toLowerCase() === needle),
      );
    };
    return {
      parties: sorted([...partyNames.keys()]),
      others: sorted(ISO_CODES.filter((c) => !partyNames.has(c))),
      all: sorted([...new Set([...ISO_CODES, ...partyNames.keys()])]),
      name,
      filter,
      loaded: directory.parties !== null,
      error: directory.error,
      retry: directory.retry,
    };
  }, [directory.parties, directory.error, directory.retry, locale]);
}

import countries from "i18n-iso-countries";
// The attribute Node requires of a JSON module: the compiled server (dist/server) imports it at run time.
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import fr from "i18n-iso-countries/langs/fr.json" with { type: "json" };
import type { Locale } from "../../shared/auth";

countries.registerLocale(en);
countries.registerLocale(fr);

/** A country's short name ("Ecuador", "Équateur"); the code itself when the list has none. */
export function countryName(code: string, lang: Locale): string {
  return countries.getName(code, lang, { select: "alias" }) ?? countries.getName(code, lang) ?? code;
}

import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import fr from "i18n-iso-countries/langs/fr.json";
import type { Locale } from "../../shared/auth";

countries.registerLocale(en);
countries.registerLocale(fr);

/** A country's short name ("Ecuador", "Équateur"); the code itself when the list has none. */
export function countryName(code: string, lang: Locale): string {
  return countries.getName(code, lang, { select: "alias" }) ?? countries.getName(code, lang) ?? code;
}

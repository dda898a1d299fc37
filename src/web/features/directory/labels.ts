import type {
  Art35Function,
  ContactPointType,
  KEY_KINDS,
  Network,
  PartyStatus,
  TEMPLATES,
} from "../../../shared/directory";
import type { TranslationKey } from "../../i18n/keys";

export const STATUS_KEYS: Record<PartyStatus, TranslationKey> = {
  party: "directory.status.party",
  signatory: "directory.status.signatory",
  observer: "directory.status.observer",
};

export const STATUS_COLORS: Record<PartyStatus, string> = {
  party: "teal",
  signatory: "blue",
  observer: "gray",
};

export const TYPE_KEYS: Record<ContactPointType, TranslationKey> = {
  police: "directory.type.police",
  prosecution: "directory.type.prosecution",
  ministry_of_justice: "directory.type.ministry_of_justice",
  security_service: "directory.type.security_service",
  cybersecurity: "directory.type.cybersecurity",
  other: "directory.type.other",
};

/**
 * Okabe–Ito colours: told apart by people with the common colour-vision deficiencies, and
 * readable on light and dark backgrounds. Shared by the map, its legend and the type badges.
 */
export const TYPE_COLORS: Record<ContactPointType, string> = {
  police: "#0072B2",
  prosecution: "#E69F00",
  ministry_of_justice: "#CC79A7",
  security_service: "#D55E00",
  cybersecurity: "#009E73",
  other: "#56B4E9",
};

export const FUNCTION_KEYS: Record<Art35Function, TranslationKey> = {
  technical_advice: "directory.function.technical_advice",
  preservation: "directory.function.preservation",
  collection_of_evidence: "directory.function.collection_of_evidence",
  legal_information: "directory.function.legal_information",
  locating_suspects: "directory.function.locating_suspects",
};

export const NETWORK_KEYS: Record<Network, TranslationKey> = {
  budapest_art35: "directory.network.budapest_art35",
  un_art41: "directory.network.un_art41",
  g7: "directory.network.g7",
  interpol: "directory.network.interpol",
};

export const TEMPLATE_KEYS: Record<(typeof TEMPLATES)[number], TranslationKey> = {
  art29_preservation: "directory.template.art29_preservation",
  art30_disclosure: "directory.template.art30_disclosure",
  art31_subscriber: "directory.template.art31_subscriber",
  sap_art9_emergency: "directory.template.sap_art9_emergency",
};

export const KEY_KIND_KEYS: Record<(typeof KEY_KINDS)[number], TranslationKey> = {
  openpgp: "directory.keyKind.openpgp",
  smime: "directory.keyKind.smime",
};

const languageNames = new Map<string, Intl.DisplayNames>();

/** "Romanian" / "roumain" for "ro", in the UI language; the code itself if the runtime has no name for it. */
export function languageName(code: string, locale: string): string {
  let names = languageNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "language", fallback: "none" });
    languageNames.set(locale, names);
  }
  const name = names.of(code);
  if (!name || name === code) return code;
  // French language names are lower-case in running text; lists and menus read better capitalised.
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** "Romanian (ro)" for pickers, so that the code can be typed too; "aa" alone when there is no name. */
export function languageOption(code: string, locale: string): { value: string; label: string } {
  const name = languageName(code, locale);
  return { value: code, label: name === code ? code : `${name} (${code})` };
}

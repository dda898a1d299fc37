import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { LOCALES, type Locale } from "../../shared/auth";
import accountsEn from "./accounts.en.json";
import accountsFr from "./accounts.fr.json";
import apiTokensEn from "./apiTokens.en.json";
import apiTokensFr from "./apiTokens.fr.json";
import authoritiesEn from "./authorities.en.json";
import authoritiesFr from "./authorities.fr.json";
import capacityEn from "./capacity.en.json";
import capacityFr from "./capacity.fr.json";
import dataProtectionEn from "./dataProtection.en.json";
import dataProtectionFr from "./dataProtection.fr.json";
import adminEn from "./directory-admin.en.json";
import adminFr from "./directory-admin.fr.json";
import en from "./en.json";
import fr from "./fr.json";
import mailStatusEn from "./mail-status.en.json";
import mailStatusFr from "./mail-status.fr.json";
import mailboxEn from "./mailbox.en.json";
import mailboxFr from "./mailbox.fr.json";
import meetingsEn from "./meetings.en.json";
import meetingsFr from "./meetings.fr.json";
import pingsEn from "./pings.en.json";
import pingsFr from "./pings.fr.json";
import plenaryEn from "./plenary.en.json";
import plenaryFr from "./plenary.fr.json";
import requestsEn from "./requests.en.json";
import requestsFr from "./requests.fr.json";
import retentionEn from "./retention.en.json";
import retentionFr from "./retention.fr.json";
import securityEn from "./security.en.json";
import securityFr from "./security.fr.json";
import settingsEn from "./settings.en.json";
import settingsFr from "./settings.fr.json";
import webhooksEn from "./webhooks.en.json";
import webhooksFr from "./webhooks.fr.json";

const STORAGE_KEY = "vigil.locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The locale remembered on this device, used before anyone has signed in. */
export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    // Storage can be unavailable (private browsing, locked-down devices): not worth failing over.
    return null;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // See storedLocale.
  }
}

function browserLocale(): Locale {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  return preferred.some((tag) => tag?.toLowerCase().startsWith("fr")) ? "fr" : "en";
}

/** Current UI locale, narrowed to the ones Vigil supports. */
export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "en";
}

/** Switches the UI language; the signed-in user's own preference is applied on top of this by the session. */
export async function applyLocale(locale: Locale, remember = true): Promise<void> {
  if (remember) rememberLocale(locale);
  if (i18n.resolvedLanguage !== locale) await i18n.changeLanguage(locale);
}

// Registered before init so that the initial language also sets <html lang>.
i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = isLocale(lng) ? lng : "en";
});

void i18n.use(initReactI18next).init({
  // The directory's Secretariat pages keep their strings in their own catalogue, under "directoryAdmin";
  // the development mailbox likewise, under "mailbox", the webhooks panel under "webhooks" and the
  // API tokens panel under "apiTokens", the user's own settings page under "settings", the state of
  // e-mail under "mailStatus", requests between contact points under "requests", the retention
  // periods under "retention", security keys and re-authentication under "security", incidents
  // and transfers (Art. 14) under "dataProtection", ping tests under "pingTests", the statistics' figures and the plenary report under "plenary", annual meetings under "meetings" and capacity building under "capacity". The French requests, retention, security and
  // data protection catalogues must have every key of the English ones:
  // `satisfies` makes a missing one fail the type check.
  resources: {
    en: {
      translation: {
        ...en,
        directoryAdmin: adminEn,
        mailbox: mailboxEn,
        webhooks: webhooksEn,
        apiTokens: apiTokensEn,
        settings: settingsEn,
        mailStatus: mailStatusEn,
        requests: requestsEn,
        retention: retentionEn,
        security: securityEn,
        dataProtection: dataProtectionEn,
        accounts: accountsEn,
        pingTests: pingsEn,
        // The authorities directory's own catalogue, beside the section's title and description in en.json.
        authorities: { ...en.authorities, ...authoritiesEn },
        plenary: plenaryEn,
        meetings: meetingsEn,
        capacity: capacityEn,
      },
    },
    fr: {
      translation: {
        ...fr,
        directoryAdmin: adminFr,
        mailbox: mailboxFr,
        webhooks: webhooksFr,
        apiTokens: apiTokensFr,
        settings: settingsFr,
        mailStatus: mailStatusFr,
        requests: requestsFr satisfies typeof requestsEn,
        retention: retentionFr satisfies typeof retentionEn,
        security: securityFr satisfies typeof securityEn,
        dataProtection: dataProtectionFr satisfies typeof dataProtectionEn,
        accounts: accountsFr satisfies typeof accountsEn,
        pingTests: pingsFr satisfies typeof pingsEn,
        authorities: { ...fr.authorities, ...(authoritiesFr satisfies typeof authoritiesEn) },
        plenary: plenaryFr satisfies typeof plenaryEn,
        meetings: meetingsFr satisfies typeof meetingsEn,
        capacity: capacityFr satisfies typeof capacityEn,
      },
    },
  },
  lng: storedLocale() ?? browserLocale(),
  fallbackLng: "en",
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false }, // React already escapes.
});

export default i18n;

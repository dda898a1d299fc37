import type { TFunction } from "i18next";
import type { ApiToken, ApiTokenScope } from "../../../shared/api-tokens";
import type { Locale } from "../../../shared/auth";
import type { TranslationKey } from "../../i18n/keys";

const SCOPE_LABELS: Record<ApiTokenScope, { label: TranslationKey; help: TranslationKey }> = {
  "directory:read": { label: "apiTokens.scopeName.directoryRead", help: "apiTokens.scopeName.directoryReadHelp" },
  "requests:read": { label: "apiTokens.scopeName.requestsRead", help: "apiTokens.scopeName.requestsReadHelp" },
  "requests:write": { label: "apiTokens.scopeName.requestsWrite", help: "apiTokens.scopeName.requestsWriteHelp" },
};

function known(scope: string): scope is ApiTokenScope {
  return Object.hasOwn(SCOPE_LABELS, scope);
}

/** A scope's name in the UI language; a scope this client does not know keeps its technical name. */
export function scopeLabel(t: TFunction, scope: string): string {
  return known(scope) ? t(SCOPE_LABELS[scope].label) : scope;
}

export function scopeHelp(t: TFunction, scope: ApiTokenScope): string {
  return t(SCOPE_LABELS[scope].help);
}

export type TokenState = "active" | "expired" | "revoked";

/** Revoked wins over expired: it is what the admin did. */
export function tokenState(token: ApiToken, now: Date): TokenState {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && new Date(token.expiresAt) <= now) return "expired";
  return "active";
}

/** A moment in the UI locale and the device's time zone. */
export function formatMoment(value: string, locale: Locale): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** Expiry choices of the form, in days; null: until revoked. */
export const EXPIRY_CHOICES = ["30", "90", "365", "never"] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

export const EXPIRY_LABELS: Record<ExpiryChoice, TranslationKey> = {
  "30": "apiTokens.form.expiry30",
  "90": "apiTokens.form.expiry90",
  "365": "apiTokens.form.expiry365",
  never: "apiTokens.form.expiryNever",
};

export function expiresAtFor(choice: ExpiryChoice, now: Date): string | null {
  return choice === "never" ? null : new Date(now.getTime() + Number(choice) * 86_400_000).toISOString();
}

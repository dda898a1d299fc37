import type { TFunction } from "i18next";
import type { TranslationKey } from "../i18n/keys";
import { ApiError, CLIENT_ERROR_CODES } from "./api";

/** Server (and client) error codes that have their own wording; others fall back to the server message. */
const MESSAGE_BY_CODE: Record<string, TranslationKey> = {
  invalid_credentials: "errors.invalidCredentials",
  invalid_code: "errors.invalidCode",
  invalid_security_key: "security.signIn.keyFailed",
  security_key_invalid: "security.signIn.keyFailed",
  reauth_required: "security.reauth.intro",
  locked: "errors.locked",
  unauthenticated: "errors.unauthenticated",
  session_expired: "errors.unauthenticated",
  second_factor_required: "errors.unauthenticated",
  forbidden: "errors.forbidden",
  not_found: "errors.notFound",
  rate_limited: "errors.rateLimited",
  too_many_requests: "errors.rateLimited",
  csrf_token_invalid: "errors.csrf",
  invalid_input: "errors.validation",
  internal: "errors.server",
  already_signed_in: "errors.alreadySignedIn",
  transfers_suspended: "dataProtection.errors.transfersSuspended",
  purpose_required: "requests.needToKnow.purpose.intro",
  [CLIENT_ERROR_CODES.network]: "errors.network",
  [CLIENT_ERROR_CODES.badResponse]: "errors.unexpectedResponse",
};

const ISO_DATE_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/;

/** The end of a lock-out, when the server's message states it as an ISO date-time. */
function lockedUntil(message: string): Date | null {
  const match = ISO_DATE_TIME.exec(message);
  if (!match) return null;
  const date = new Date(match[0]);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A sentence for the user, in the UI language, describing what went wrong. */
export function errorMessage(t: TFunction, error: unknown, locale: string): string {
  if (!(error instanceof ApiError)) return t("errors.generic");

  if (error.code === "locked") {
    const until = lockedUntil(error.message);
    if (until) {
      // In the device's time zone, named, since the server states it in UTC.
      const date = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long" }).format(until);
      const time = new Intl.DateTimeFormat(locale, {
        hour: "2-digit",
        minute: "2-digit",
        timeZoneName: "short",
      }).format(until);
      return t("errors.lockedUntil", { date, time });
    }
    // Without a date we cannot word it ourselves: keep the server's explanation next to ours.
    return error.message ? `${t("errors.locked")} ${error.message}` : t("errors.locked");
  }

  const key = MESSAGE_BY_CODE[error.code];
  if (key) return t(key);
  if (error.status === 0) return t("errors.network");
  if (error.status === 400 && error.issues.length > 0) return t("errors.validation");
  if (error.status === 403) return t("errors.forbidden");
  if (error.status === 429) return t("errors.rateLimited");
  if (error.status >= 500) return t("errors.server");
  return error.message || t("errors.generic");
}

import type { TFunction } from "i18next";
import type { Locale } from "../../../shared/auth";
import type { NotificationItem } from "../../../shared/notify";
import { FEEDBACK_RATINGS, REQUEST_STATES, REQUEST_TYPES } from "../../../shared/requests";
import { RATING_KEYS, STATE_KEYS, TYPE_SHORT_KEYS } from "../requests/labels";

type Params = NotificationItem["params"];

function text(params: Params, name: string): string {
  const value = params[name];
  return value === null || value === undefined ? "" : String(value);
}

/**
 * The Party named in a notification, in the reader's language: its own names when the server sends
 * them, else the ISO code's country name from the browser (Intl), else what was sent.
 */
export function partyParam(params: Params, locale: Locale): string {
  const own = text(params, locale === "fr" ? "partyNameFr" : "partyNameEn");
  if (own) return own;
  const party = text(params, "party");
  if (/^[A-Z]{2}$/.test(party)) {
    try {
      return new Intl.DisplayNames([locale], { type: "region" }).of(party) ?? party;
    } catch {
      return party;
    }
  }
  return party;
}

function dateParam(value: string, locale: Locale): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

function oneOf<T extends string>(values: readonly T[], value: string): T | null {
  return (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** Requests' notifications name the request by its number, never its content (what leaves Vigil). */
function requestText(t: TFunction, kind: string, p: Params, locale: Locale): string | null {
  const number = text(p, "number");
  const party = partyParam(p, locale);
  switch (kind) {
    case "request.received": {
      const type = oneOf(REQUEST_TYPES, text(p, "type"));
      const params = { number, party, type: type ? t(TYPE_SHORT_KEYS[type]) : text(p, "type") };
      return Number(p.emergency ?? 0) === 1
        ? t("requests.notify.receivedEmergency", params)
        : t("requests.notify.received", params);
    }
    case "request.state_changed": {
      const state = oneOf(REQUEST_STATES, text(p, "state"));
      return t("requests.notify.stateChanged", { number, state: state ? t(STATE_KEYS[state]) : text(p, "state") });
    }
    case "request.message":
      return t("requests.notify.message", { number });
    case "request.feedback": {
      const rating = oneOf(FEEDBACK_RATINGS, text(p, "rating"));
      return t("requests.notify.feedback", { number, rating: rating ? t(RATING_KEYS[rating]) : text(p, "rating") });
    }
    case "request.reminder":
      return t("requests.notify.reminder", { number, minutes: Number(p.minutes ?? 0) });
    case "request.escalated":
      return text(p, "institution")
        ? t("requests.notify.escalated", { number, institution: text(p, "institution") })
        : t("requests.notify.escalatedNoOne", { number });
    case "request.not_acknowledged":
      return t("requests.notify.notAcknowledged", { number, party });
    case "request.preservation_expiring":
      return t("requests.notify.preservationExpiring", { number, date: dateParam(text(p, "expiresOn"), locale) });
    default:
      return null;
  }
}

/** A notification's sentence in the UI language, from its kind and parameters (never stored as text). */
export function notificationText(
  t: TFunction,
  item: Pick<NotificationItem, "kind" | "params">,
  locale: Locale,
): string {
  const p = item.params;
  const party = partyParam(p, locale);
  switch (item.kind) {
    case "directory.release_published":
      return t("directoryAdmin.notifications.kind.releasePublished", { version: text(p, "version") });
    case "directory.proposal_submitted":
      return t("directoryAdmin.notifications.kind.proposalSubmitted", { party });
    case "directory.proposal_reviewed": {
      const reason = text(p, "reason");
      const decided =
        text(p, "decision") === "accept" || text(p, "decision") === "accepted"
          ? t("directoryAdmin.notifications.kind.proposalAccepted", { party })
          : t("directoryAdmin.notifications.kind.proposalRejected", { party });
      return reason ? `${decided} ${t("directoryAdmin.notifications.reason", { reason })}` : decided;
    }
    case "directory.reminder":
      return t("directoryAdmin.notifications.kind.reminder", {
        party,
        stale: Number(p.stale ?? 0),
        missing: Number(p.missing ?? 0),
      });
    case "directory.key_expiring":
      return t("directoryAdmin.notifications.kind.keyExpiring", {
        party,
        fingerprint: text(p, "fingerprint").slice(-8),
        date: dateParam(text(p, "expiresOn"), locale),
      });
    default:
      // A kind this client does not know yet (a newer server): still say something happened.
      return requestText(t, item.kind, p, locale) ?? t("directoryAdmin.notifications.kind.unknown");
  }
}

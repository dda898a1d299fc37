import type { TFunction } from "i18next";
import type { Locale } from "../../../shared/auth";
import type { NotificationItem } from "../../../shared/notify";

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
    case "authorities.release_published":
      return t("directoryAdmin.notifications.kind.authoritiesReleasePublished", { version: text(p, "version") });
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
    case "authorities.input_requested":
      return t(Number(p.reminder) ? "authorities.notifications.reminder" : "authorities.notifications.requested", {
        party,
      });
    case "request.received":
      return t(Number(p.urgent) ? "requests.notifications.receivedEmergency" : "requests.notifications.received", {
        party,
        number: text(p, "number"),
      });
    case "request.reminder":
      return t("requests.notifications.reminder", { number: text(p, "number") });
    case "request.escalated":
      return t("requests.notifications.escalated", { number: text(p, "number") });
    case "request.not_acknowledged":
      return t("requests.notifications.notAcknowledged", { number: text(p, "number"), party });
    case "request.state_changed": {
      const state = text(p, "state");
      const known = ["acknowledged", "in_progress", "executed", "partially_executed", "refused", "closed"] as const;
      const label = (known as readonly string[]).includes(state)
        ? t(`requests.notifications.state.${state as (typeof known)[number]}`)
        : state;
      return t("requests.notifications.stateChanged", { number: text(p, "number"), state: label });
    }
    case "request.message":
      return t("requests.notifications.message", { number: text(p, "number") });
    case "request.corrected":
      return t("requests.notifications.corrected", { number: text(p, "number") });
    case "request.feedback":
      return t("requests.notifications.feedback", { number: text(p, "number") });
    case "request.preservation_expiring":
      return t("requests.notifications.preservationExpiring", {
        number: text(p, "number"),
        date: dateParam(text(p, "expiresOn"), locale),
      });
    case "request.onward_transfer_asked":
      return t("dataProtection.notifications.onwardAsked", { number: text(p, "number") });
    case "request.onward_transfer_decided":
      return t("dataProtection.notifications.onwardDecided", { number: text(p, "number") });
    case "request.assigned":
      return t("dataProtection.notifications.assigned", { number: text(p, "number") });
    case "incident.recorded":
      return t("dataProtection.notifications.incidentRecorded", { party });
    case "incident.updated":
      return t("dataProtection.notifications.incidentUpdated", { party });
    case "transfers.suspended":
    case "transfers.resumed": {
      const from = partyParam({ party: p.from ?? null }, locale);
      const to = partyParam({ party: p.to ?? null }, locale);
      return item.kind === "transfers.suspended"
        ? t("dataProtection.notifications.transfersSuspended", { from, to })
        : t("dataProtection.notifications.transfersResumed", { from, to });
    }
    case "ping.received":
      return t("directoryAdmin.notifications.kind.pingReceived");
    default:
      // A kind this client does not know yet (a newer server): still say something happened.
      return t("directoryAdmin.notifications.kind.unknown");
  }
}

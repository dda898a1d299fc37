import type { TFunction } from "i18next";
import type { Locale } from "../../../shared/auth";
import type { WebhookDelivery, WebhookEvent } from "../../../shared/webhooks";
import type { TranslationKey } from "../../i18n/keys";

const EVENT_LABELS: Record<WebhookEvent, { label: TranslationKey; help: TranslationKey }> = {
  "directory.release_published": {
    label: "webhooks.event.releasePublished",
    help: "webhooks.event.releasePublishedHelp",
  },
  "directory.proposal_reviewed": {
    label: "webhooks.event.proposalReviewed",
    help: "webhooks.event.proposalReviewedHelp",
  },
  "directory.reminder": { label: "webhooks.event.reminder", help: "webhooks.event.reminderHelp" },
  "authorities.release_published": {
    label: "webhooks.event.authoritiesReleasePublished",
    help: "webhooks.event.authoritiesReleasePublishedHelp",
  },
  "request.received": { label: "webhooks.event.requestReceived", help: "webhooks.event.requestReceivedHelp" },
  "request.state_changed": {
    label: "webhooks.event.requestStateChanged",
    help: "webhooks.event.requestStateChangedHelp",
  },
  "request.message": { label: "webhooks.event.requestMessage", help: "webhooks.event.requestMessageHelp" },
  "request.corrected": { label: "webhooks.event.requestCorrected", help: "webhooks.event.requestCorrectedHelp" },
  test: { label: "webhooks.event.test", help: "webhooks.event.testHelp" },
};

function known(event: string): event is WebhookEvent {
  return Object.hasOwn(EVENT_LABELS, event);
}

/** An event's name in the UI language; an event this client does not know keeps its technical name. */
export function eventLabel(t: TFunction, event: string): string {
  return known(event) ? t(EVENT_LABELS[event].label) : event;
}

export function eventHelp(t: TFunction, event: WebhookEvent): string {
  return t(EVENT_LABELS[event].help);
}

export const STATUS_LABELS: Record<WebhookDelivery["status"], TranslationKey> = {
  pending: "webhooks.status.pending",
  delivered: "webhooks.status.delivered",
  failed: "webhooks.status.failed",
};

export const STATUS_COLORS: Record<WebhookDelivery["status"], string> = {
  pending: "yellow",
  delivered: "teal",
  failed: "red",
};

/** A moment in the UI locale and the device's time zone; seconds when they matter (the delivery log). */
export function formatMoment(value: string, locale: Locale, withSeconds = false): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: withSeconds ? "medium" : "short" }).format(
    date,
  );
}

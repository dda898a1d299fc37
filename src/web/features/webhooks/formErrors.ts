import type { TFunction } from "i18next";
import type { z } from "zod";
import type { ApiIssue } from "../../app/api";
import type { TranslationKey } from "../../i18n/keys";

export type WebhookField = "url" | "events";
export type WebhookFormErrors = Partial<Record<WebhookField, string>>;

/**
 * The shared schema words its messages in English for the API; the form shows them in the UI
 * language. Keyed by the exact text of WebhookInput's messages.
 */
const KNOWN_MESSAGES: Record<string, TranslationKey> = {
  "Give the full address, e.g. https://cases.example.org/vigil": "webhooks.validation.url",
  "Choose at least one event": "webhooks.validation.events",
  // Rules only the server checks (src/server/webhooks/address-check.ts).
  "Not a valid address": "webhooks.validation.notAnAddress",
  "The address must start with https://": "webhooks.validation.httpsOnly",
  "Put no user name or password in the address": "webhooks.validation.noCredentials",
  "The address points at a private or internal network": "webhooks.validation.internal",
};
const DOES_NOT_RESOLVE = /^The name (\S+) does not resolve$/;

/** A server message in the UI language when it is one we know; otherwise as the server worded it. */
function wordServerMessage(t: TFunction, message: string): string {
  const known = KNOWN_MESSAGES[message];
  if (known) return t(known);
  const host = DOES_NOT_RESOLVE.exec(message)?.[1];
  if (host) return t("webhooks.validation.doesNotResolve", { host });
  return message || t("webhooks.validation.invalid");
}

/** The form field an issue path names: "url", "body.url", "/body/url", "body.events.0" → events. */
export function fieldOf(path: readonly PropertyKey[] | string): WebhookField | null {
  const segments = (typeof path === "string" ? path.split(/[./]/) : path.map(String)).filter(Boolean);
  if (segments[0] === "body") segments.shift();
  const first = segments[0];
  return first === "url" || first === "events" ? first : null;
}

function wordClientIssue(t: TFunction, field: WebhookField, issue: z.core.$ZodIssue): string {
  // Before the message: the schema's custom message for the URL also stands on its length check.
  if (field === "url" && issue.code === "too_big") {
    return t("webhooks.validation.urlTooLong", { count: Number(issue.maximum) });
  }
  const known = KNOWN_MESSAGES[issue.message];
  if (known) return t(known);
  if (field === "url") return t("webhooks.validation.url");
  if (issue.code === "too_small") return t("webhooks.validation.events");
  return t("webhooks.validation.invalid");
}

/** Errors of WebhookInput checked in the browser, one per field (the first wins). */
export function clientErrors(t: TFunction, error: z.ZodError): WebhookFormErrors {
  const out: WebhookFormErrors = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue.path) ?? "url";
    out[field] ??= wordClientIssue(t, field, issue);
  }
  return out;
}

/**
 * The server's 400 issues placed on their fields. Rules only the server checks (https outside demo
 * mode, no private address) come worded by the server in English: translated when known, otherwise
 * shown as they come. `unplaced` is true when some issue names no field of the
 * form: the caller then shows the error as a whole.
 */
export function serverErrors(
  t: TFunction,
  issues: readonly ApiIssue[],
): { fields: WebhookFormErrors; unplaced: boolean } {
  const fields: WebhookFormErrors = {};
  let unplaced = false;
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (!field) {
      unplaced = true;
      continue;
    }
    fields[field] ??= wordServerMessage(t, issue.message);
  }
  return { fields, unplaced };
}

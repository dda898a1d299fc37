import type { TFunction } from "i18next";
import type { z } from "zod";
import { EMERGENCY_ACK_TARGET_TOO_LONG } from "../../../shared/directory";
import type { ApiIssue } from "../../app/api";
import type { TranslationKey } from "../../i18n/keys";

/** Field path ("phones.0.number") → message in the UI language. */
export type FieldErrors = Record<string, string>;

/**
 * The shared schemas word their messages in English for the API. The form shows them in the UI
 * language: each message the schemas define has its translation here, keyed by the exact text.
 */
const KNOWN_MESSAGES: Record<string, TranslationKey> = {
  "Phone number must be in E.164 form, e.g. +99 21 555 0100": "directory.validation.phone",
  "Unknown ISO 639-1 language code": "directory.validation.language",
  "Date must be YYYY-MM-DD": "directory.validation.date",
  "Time must be HH:MM": "directory.validation.time",
  "Channel name is required": "directory.validation.channelName",
  "Pick at least one day": "directory.validation.days",
  "Fingerprint must be 16 to 64 hexadecimal digits": "directory.validation.fingerprint",
  "Institution is required": "directory.validation.institution",
  "Give at least one working language": "directory.validation.languagesRequired",
  "Give at least one phone number or e-mail address": "directory.validation.phoneOrEmail",
  "The primary contact point must be reachable 24/7 (Article 35)": "directory.validation.primary247",
  "A 24/7 contact point needs at least one phone reachable 24/7": "directory.validation.phone247",
  "Give the opening hours": "directory.validation.openingHours",
  "Say what to do outside opening hours": "directory.validation.outOfHours",
  "A language is listed twice": "directory.validation.languageTwice",
  "Invalid e-mail address": "directory.validation.email",
  "Unknown IANA time zone": "directory.validation.timeZone",
  "Party code must be a two-letter ISO 3166 code": "directory.validation.iso2",
  [EMERGENCY_ACK_TARGET_TOO_LONG]: "directory.validation.emergencyAckTarget",
};

type Issue = z.core.$ZodIssue;

/** Messages of another feature's schemas (requests…), worded before the ones above. */
export type KnownMessages = Readonly<Record<string, TranslationKey>>;

function wordIssue(t: TFunction, issue: Issue, extra: KnownMessages): string {
  const known = extra[issue.message] ?? KNOWN_MESSAGES[issue.message];
  if (known) return t(known);
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) <= 1) return t("directory.validation.required");
      if (issue.origin === "array") return t("directory.validation.tooFew", { count: Number(issue.minimum) });
      return t("directory.validation.tooSmall", { min: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return t("directory.validation.tooLong", { count: Number(issue.maximum) });
      if (issue.origin === "array") return t("directory.validation.tooMany", { count: Number(issue.maximum) });
      return t("directory.validation.tooBig", { max: Number(issue.maximum) });
    case "invalid_type":
      return issue.input === undefined || issue.input === null || issue.input === ""
        ? t("directory.validation.required")
        : t("directory.validation.invalid");
    case "invalid_value":
      return t("directory.validation.choose");
    default:
      return t("directory.validation.invalid");
  }
}

/** Errors of a failed check with the shared schema in the browser; the first one per field wins. */
export function schemaErrors(t: TFunction, error: z.ZodError, extra: KnownMessages = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    out[path] ??= wordIssue(t, issue, extra);
  }
  return out;
}

/**
 * Paths the server names ("body.contactPoint.phones.0.number") made relative to the form's own
 * fields ("phones.0.number"). Messages it words itself (rules only the server can check) are shown
 * as they come when there is no translation for them.
 */
export function serverErrors(
  t: TFunction,
  issues: readonly ApiIssue[],
  prefixes: readonly string[],
  extra: KnownMessages = {},
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    let path = issue.path.replace(/^\//, "").replaceAll("/", ".");
    if (path === "body" || path.startsWith("body.")) path = path.slice(5);
    for (const prefix of prefixes) {
      if (path === prefix) path = "";
      else if (path.startsWith(`${prefix}.`)) path = path.slice(prefix.length + 1);
    }
    const known = extra[issue.message] ?? KNOWN_MESSAGES[issue.message];
    out[path] ??= known ? t(known) : issue.message;
  }
  return out;
}

/** Errors whose path starts with `prefix.` (a row of a repeatable list, say), re-rooted. */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message;
  }
  return out;
}

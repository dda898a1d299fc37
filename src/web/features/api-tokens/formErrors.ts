import type { TFunction } from "i18next";
import type { z } from "zod";
import type { ApiIssue } from "../../app/api";
import type { TranslationKey } from "../../i18n/keys";

export type ApiTokenField = "name" | "scopes" | "expiresAt";
export type ApiTokenFormErrors = Partial<Record<ApiTokenField, string>>;

const FIELDS: readonly ApiTokenField[] = ["name", "scopes", "expiresAt"];

/**
 * The shared schema (and the server) word their messages in English for the API; the form shows
 * them in the UI language. Keyed by the exact text of ApiTokenInput's and the server's messages.
 */
const KNOWN_MESSAGES: Record<string, TranslationKey> = {
  "Give the token a name, e.g. the system that will use it": "apiTokens.validation.name",
  "Choose at least one scope": "apiTokens.validation.scopes",
  "The expiry must be in the future": "apiTokens.validation.expiry",
};

/** The form field an issue path names: "name", "body.name", "/body/scopes/1" → scopes. */
export function fieldOf(path: readonly PropertyKey[] | string): ApiTokenField | null {
  const segments = (typeof path === "string" ? path.split(/[./]/) : path.map(String)).filter(Boolean);
  if (segments[0] === "body") segments.shift();
  const first = segments[0];
  return FIELDS.find((f) => f === first) ?? null;
}

function word(t: TFunction, field: ApiTokenField, message: string, code?: string, maximum?: unknown): string {
  if (field === "name" && code === "too_big") return t("apiTokens.validation.nameTooLong", { count: Number(maximum) });
  const known = KNOWN_MESSAGES[message];
  if (known) return t(known);
  return message || t("apiTokens.validation.invalid");
}

/** Errors of ApiTokenInput checked in the browser, one per field (the first wins). */
export function clientErrors(t: TFunction, error: z.ZodError): ApiTokenFormErrors {
  const out: ApiTokenFormErrors = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue.path) ?? "name";
    out[field] ??= word(t, field, issue.message, issue.code, "maximum" in issue ? issue.maximum : undefined);
  }
  return out;
}

/**
 * The server's 400 issues placed on their fields, translated when known. `unplaced` is true when
 * an issue names no field of the form: the caller then shows the error as a whole.
 */
export function serverErrors(
  t: TFunction,
  issues: readonly ApiIssue[],
): { fields: ApiTokenFormErrors; unplaced: boolean } {
  const fields: ApiTokenFormErrors = {};
  let unplaced = false;
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (!field) {
      unplaced = true;
      continue;
    }
    fields[field] ??= word(t, field, issue.message);
  }
  return { fields, unplaced };
}

import type { z } from "zod";
import { ApiError } from "../../app/api";

/**
 * Names of the top-level fields that failed, from a shared-schema check in the browser or from the
 * server's 400 answer. Messages themselves are worded by each form in the UI language.
 */
export function invalidFields(source: z.ZodError | ApiError): Set<string> {
  const fields = new Set<string>();
  if (source instanceof ApiError) {
    for (const issue of source.issues) {
      // The server may prefix paths ("body.email"): the last segment names the field.
      const field = issue.path.split(/[./]/).filter(Boolean).pop();
      if (field) fields.add(field);
    }
  } else {
    for (const issue of source.issues) {
      const field = issue.path[0];
      if (typeof field === "string") fields.add(field);
    }
  }
  return fields;
}

/** Keeps what a person types into a 6-digit code field to digits only. */
export function digitsOnly(value: string, max = 6): string {
  return value.replace(/\D/g, "").slice(0, max);
}

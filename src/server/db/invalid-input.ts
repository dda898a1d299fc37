/**
 * Whether an error is PostgreSQL refusing a value (class 22, data exception) that came from the
 * request: text it cannot hold, a malformed uuid, a number or date out of range, a string longer
 * than its column, a LIKE pattern ending in an escape. Schemas refuse these first (a 400 naming
 * the field); this is the error handler's backstop, so that one a schema misses is still a 400
 * and never a 500 (the fuzz test, src/server/reliability/fuzz.db.test.ts, looks for them).
 */
const INPUT_CODES = new Set([
  "22001", // string_data_right_truncation: longer than the column
  "22003", // numeric_value_out_of_range
  "22007", // invalid_datetime_format
  "22008", // datetime_field_overflow
  "22021", // character_not_in_repertoire: NUL in text
  "22025", // invalid_escape_sequence (LIKE)
  "2201B", // invalid_regular_expression
  "22P02", // invalid_text_representation: "abc"::uuid
  "22P05", // untranslatable_character: \u0000 or a lone surrogate in jsonb
]);

export function isInvalidDatabaseInput(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 5) return false;
  const e = err as { code?: unknown; cause?: unknown };
  if (typeof e.code === "string" && INPUT_CODES.has(e.code)) return true;
  // Drizzle wraps the driver's error in `cause`.
  return isInvalidDatabaseInput(e.cause, depth + 1);
}

/** The warning the error handler logs when it answers for one (the fuzz test watches for it). */
export const INVALID_INPUT_LOG = "database refused a value of the request";

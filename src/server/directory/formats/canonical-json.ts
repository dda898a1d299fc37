/**
 * Deterministic JSON, as RFC 8785 (JCS) writes the values a directory document holds: object keys
 * sorted, no whitespace, numbers and strings as ECMAScript's JSON.stringify writes them. The JSON
 * export of a release is exactly these bytes (UTF-8), so the same document always hashes and
 * signs the same, whoever serialises it.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, open: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      // JSON.stringify escapes exactly what JCS requires (", \, control characters) and leaves
      // every other character as it is.
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      // JCS has no NaN or Infinity; JSON.stringify would quietly write null.
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      // ECMAScript's Number serialisation is the one JCS specifies (and -0 becomes 0).
      return JSON.stringify(value);
    case "object":
      break;
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} cannot be written as JSON`);
  }
  const obj = value as object;
  // Dates and other objects that define their JSON form (as JSON.stringify honours them).
  if (typeof (obj as { toJSON?: unknown }).toJSON === "function") {
    return write((obj as { toJSON: () => unknown }).toJSON(), open);
  }
  if (open.has(obj)) throw new TypeError("canonicalJson: the value contains a cycle");
  open.add(obj);
  try {
    if (Array.isArray(obj)) {
      // As JSON.stringify: an undefined array element is written as null (positions matter).
      return `[${obj.map((v) => (v === undefined ? "null" : write(v, open))).join(",")}]`;
    }
    const entries = Object.entries(obj).filter(([, v]) => v !== undefined);
    // JCS orders by UTF-16 code units, which is what the default string comparison does; for
    // keys without characters beyond U+FFFF (all of ours) it is also code point order.
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, open)}`).join(",")}}`;
  } finally {
    open.delete(obj);
  }
}

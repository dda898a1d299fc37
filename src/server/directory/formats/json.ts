import { z } from "zod";
import {
  ContactPointFields,
  DIRECTORY_FORMAT,
  DirectoryDocument,
  type ImportRowError,
  ReleaseParty,
} from "../../../shared/directory";
import { canonicalJson } from "./canonical-json";
import { documentToParsed, type ParsedImport, type ParsedParty, sortErrors } from "./parsed-import";

/** The JSON export: the canonical JSON of the document, the bytes a release's JWS signs. */
export function directoryToJson(doc: DirectoryDocument): string {
  return canonicalJson(doc);
}

/** `parties[3].contactPoints[0].phones[0].number`, as a person reads a path into the file. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

const Envelope = DirectoryDocument.omit({ parties: true }).extend({ parties: z.array(z.unknown()) });

/**
 * Reads a JSON export (or a file written to its schema). Each Party is checked on its own so
 * that one bad entry does not hide the others; errors give the Party's 1-based position as
 * `line` and the JSON path as `field`. The contact point rules across fields (a 24/7 primary,
 * a phone reachable 24/7…) are checked too, as every other way in does.
 */
export function parseDirectoryJson(text: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    return { parties: [], errors: [{ line: 1, field: null, message: (err as Error).message }] };
  }
  const errors: ImportRowError[] = [];
  const envelope = Envelope.safeParse(data);
  if (!envelope.success) {
    for (const issue of envelope.error.issues) {
      // The document as a whole is not a Party: its problems are reported on entry 1.
      const hint = issue.path[0] === "format" ? ` (this reader expects "${DIRECTORY_FORMAT}")` : "";
      errors.push({ line: 1, field: jsonPath(issue.path) || null, message: issue.message + hint });
    }
    return { parties: [], errors };
  }

  const parties: ParsedParty[] = [];
  const seenIso = new Map<string, number>();
  const seenIds = new Map<string, string>();
  envelope.data.parties.forEach((raw, i) => {
    const line = i + 1;
    const at = (...rest: PropertyKey[]) => jsonPath(["parties", i, ...rest]);
    const parsed = ReleaseParty.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ line, field: at(...issue.path), message: issue.message });
      return;
    }
    const party = parsed.data;
    const earlier = seenIso.get(party.iso2);
    if (earlier !== undefined) {
      errors.push({ line, field: at("iso2"), message: `${party.iso2} is already entry ${earlier}` });
      return;
    }
    seenIso.set(party.iso2, line);
    let valid = true;
    let primaries = 0;
    party.contactPoints.forEach((cp, j) => {
      const checked = ContactPointFields.safeParse(cp);
      if (!checked.success) {
        valid = false;
        for (const issue of checked.error.issues)
          errors.push({ line, field: at("contactPoints", j, ...issue.path), message: issue.message });
      }
      const other = seenIds.get(cp.id);
      if (other !== undefined) {
        valid = false;
        errors.push({ line, field: at("contactPoints", j, "id"), message: `The same id is at ${other}` });
      }
      seenIds.set(cp.id, at("contactPoints", j));
      if (cp.isPrimary && ++primaries === 2) {
        valid = false;
        errors.push({
          line,
          field: at("contactPoints", j, "isPrimary"),
          message: "The Party already has a primary contact point",
        });
      }
    });
    if (!valid) return;
    for (const entry of documentToParsed({ ...envelope.data, parties: [party] }))
      parties.push({ ...entry, line, contactPoints: entry.contactPoints.map((cp) => ({ ...cp, line })) });
  });
  return { parties, errors: sortErrors(errors) };
}

import type {
  ContactPointFields,
  DirectoryDocument,
  ImportRowError,
  LegalProfileFields,
  PartyFields,
} from "../../../shared/directory";

/**
 * What an import file says, once read and checked against the shared schemas, before it is
 * compared with the directory. Every format (JSON, CSV, Word) parses into this shape, so the
 * preview and apply steps do not care where the data came from.
 *
 * When `errors` is not empty the file must not be applied; `parties` then holds what could be
 * read (a contact point or profile that failed validation is left out), for the preview only.
 */
export type ParsedContactPoint = {
  /** Where the contact point starts in the file (CSV line, Word table row, JSON Party entry). */
  line: number;
  /** The contact point's id when the file carries one (an existing entry), null for a new one. */
  id: string | null;
  fields: ContactPointFields;
  lastConfirmedAt: string | null;
};

export type ParsedParty = {
  line: number;
  iso2: string;
  /** null when the file does not carry party fields (a Word table) or they were invalid. */
  party: PartyFields | null;
  /** null when the file does not carry a legal profile (a Word table) or it was invalid. */
  legalProfile: LegalProfileFields | null;
  contactPoints: ParsedContactPoint[];
};

export type ParsedImport = { parties: ParsedParty[]; errors: ImportRowError[] };

/**
 * A release document in the parsed shape (line = the Party's 1-based position), for comparing
 * an import with a release or for tests. The fields must already be valid: no checks here.
 */
export function documentToParsed(doc: DirectoryDocument): ParsedParty[] {
  return doc.parties.map((p, i) => {
    const { legalProfile, contactPoints, ...party } = p;
    return {
      line: i + 1,
      iso2: p.iso2,
      party,
      legalProfile,
      contactPoints: contactPoints.map(({ id, lastConfirmedAt, ...fields }) => ({
        line: i + 1,
        id,
        fields,
        lastConfirmedAt,
      })),
    };
  });
}

/** Sorts errors by line so the report reads like the file. */
export function sortErrors(errors: ImportRowError[]): ImportRowError[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.line - b.e.line || a.i - b.i)
    .map(({ e }) => e);
}

import { foldSpaced } from "../../shared/text";

/**
 * Where a person's identifier or name appears in a request's form (SAP Art. 14(11–12): a person
 * asks what a Party holds about them). Pure, so the rule is tested on its own.
 *
 * Everything is compared folded (case, accents and punctuation ignored) and as whole words, so
 * "Ana" finds "Ana Popescu" but not "Banana", and "192.0.2.4" does not find "192.0.2.44":
 * - typed identifiers (`identifiers[i]`): the value, its service or its note, so
 *   "J.Doe@example.org" finds that e-mail whatever its case;
 * - names and free text elsewhere in the form: the people named in the requesting authority and
 *   the confirmation contact, the facts, the details.
 *
 * Returns the paths where it appears ("identifiers[0]", "requestingAuthority.personInCharge",
 * "details.facts"), or none.
 */
export function personMatches(content: Record<string, unknown>, term: string): string[] {
  const needle = foldSpaced(term);
  if (needle.length < 2) return [];
  const words = new RegExp(`(^| )${needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($| )`);
  const found: string[] = [];
  const identifiers = Array.isArray(content.identifiers) ? content.identifiers : [];
  for (const [i, identifier] of identifiers.entries()) {
    if (!identifier || typeof identifier !== "object") continue;
    const texts = Object.values(identifier as Record<string, unknown>).filter((v) => typeof v === "string");
    if (texts.some((t) => words.test(foldSpaced(t as string)))) found.push(`identifiers[${i}]`);
  }
  const walk = (value: unknown, path: string): void => {
    if (typeof value === "string") {
      if (words.test(foldSpaced(value))) found.push(path);
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    }
  };
  for (const [key, value] of Object.entries(content)) {
    // The typed identifiers are matched above; the requested Party and the language are codes.
    if (key === "identifiers" || key === "requestedParty" || key === "language" || key === "type") continue;
    walk(value, key);
  }
  return found;
}

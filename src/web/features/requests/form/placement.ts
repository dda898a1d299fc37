import { detailFields } from "./detailFields";
import type { RequestDraft } from "./draft";

const TOP = new Set([
  "type",
  "requestedParty",
  "language",
  "reference",
  "answerNeededBy",
  "identifiers",
  "parent",
  "parent.relation",
  "parent.requestId",
]);
const IDENTIFIER_FIELDS = new Set(["kind", "value", "port", "observedAt", "timeZone", "service", "note"]);

/** Whether an error's path has an input on screen next to which it is shown; the others go in the summary. */
export function hasField(path: string, d: RequestDraft): boolean {
  if (TOP.has(path)) return true;
  const [block, field = "", sub, ...rest] = path.split(".");
  switch (block) {
    case "requestingAuthority":
      return sub === undefined && field in d.requestingAuthority;
    case "confirmationContact":
      return sub === undefined && field in d.confirmationContact;
    case "handlingConditions":
      return sub === undefined && field in d.handlingConditions;
    case "identifiers":
      return (
        /^\d+$/.test(field) &&
        Number(field) < d.identifiers.length &&
        sub !== undefined &&
        IDENTIFIER_FIELDS.has(sub) &&
        rest.length === 0
      );
    case "details": {
      const spec = detailFields(d.type).find((f) => f.name === field);
      if (!spec || rest.length > 0) return false;
      return sub === undefined || (spec.input === "period" && (sub === "from" || sub === "to"));
    }
    default:
      return false;
  }
}

/** Errors on the first step's fields send the user back to it. */
export const FIRST_STEP_FIELDS = new Set(["type", "requestedParty", "language", "contactPointId"]);

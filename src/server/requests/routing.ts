import {
  ACK_TARGET_MINUTES,
  type ContactPointBrief,
  MIN_PRESERVATION_DAYS,
  REQUEST_TYPE_INFO,
  type RequestType,
  type RoutePreview,
} from "../../shared/requests";
import type { Tx } from "../db/database";
import { type ContactPointRow, contactPointsOf, legalProfileOf, type PartyRow } from "../directory/entries";

/**
 * Which of a Party's contact points a request goes to: those whose functions fit the request
 * (Second Additional Protocol requests: those that handle them), the primary first. When none
 * fits, the primary takes it (it must be reachable 24/7 and knows where to pass it on). The next
 * in line is the one alerted if the first does not acknowledge in time.
 */
export function routeAmong(
  points: ContactPointRow[],
  type: RequestType,
): { first: ContactPointRow | null; next: ContactPointRow | null } {
  const info = REQUEST_TYPE_INFO[type];
  const fits = (cp: ContactPointRow) =>
    (info.sap ? cp.handlesSap : true) && (info.fn ? (cp.functions as string[]).includes(info.fn) : true);
  // contactPointsOf orders primary first; keep that order within each group.
  const ordered = [...points.filter(fits), ...points.filter((cp) => !fits(cp))];
  const first = ordered[0] ?? null;
  return { first, next: ordered.find((cp) => cp.id !== first?.id) ?? null };
}

export function briefOf(cp: ContactPointRow): ContactPointBrief {
  return {
    id: cp.id,
    institution: cp.institution,
    unit: cp.unit,
    isPrimary: cp.isPrimary,
    available247: cp.available247,
    timeZone: cp.timeZone,
    languages: cp.languages,
    instructions: cp.instructions,
  };
}

export function ackTargetMinutes(emergency: boolean): number {
  return emergency ? ACK_TARGET_MINUTES.emergency : ACK_TARGET_MINUTES.normal;
}

export async function routePreview(
  tx: Tx,
  party: PartyRow,
  type: RequestType,
  language: string | undefined,
  chosenId: string | null = null,
): Promise<RoutePreview & { first: ContactPointRow | null; next: ContactPointRow | null }> {
  const points = await contactPointsOf(tx, party.id);
  let { first, next } = routeAmong(points, type);
  if (chosenId) {
    const chosen = points.find((cp) => cp.id === chosenId) ?? null;
    if (chosen) {
      next = first && first.id !== chosen.id ? first : next;
      first = chosen;
    }
  }
  const legal = await legalProfileOf(tx, party.id);
  const info = REQUEST_TYPE_INFO[type];
  const warnings: RoutePreview["warnings"] = [];
  if (!first) {
    warnings.push({ code: "no_contact_point", message: `${party.nameEn} has no contact point in the directory.` });
  } else {
    if (language && !first.languages.includes(language)) {
      warnings.push({
        code: "language_not_accepted",
        message: `This contact point works in ${first.languages.join(", ")}; a request in ${language} may be delayed or refused.`,
      });
    }
    if (info.sap && !first.handlesSap) {
      warnings.push({
        code: "sap_not_handled",
        message: "No contact point of this Party handles Second Additional Protocol requests.",
      });
    }
    if (info.fn && !(first.functions as string[]).includes(info.fn)) {
      warnings.push({
        code: "function_not_listed",
        message: "No contact point of this Party lists this kind of assistance; the primary contact point receives it.",
      });
    }
  }
  if (party.status !== "party") {
    warnings.push({ code: "not_a_party", message: `${party.nameEn} is not a Party to the Convention.` });
  }
  return {
    party: { iso2: party.iso2, nameEn: party.nameEn, nameFr: party.nameFr },
    contactPoint: first ? briefOf(first) : null,
    secondary: next ? briefOf(next) : null,
    warnings,
    ackTargetMinutes: ackTargetMinutes(info.emergency),
    preservationDays:
      type === "preservation" ? Math.max(legal.preservationDays ?? MIN_PRESERVATION_DAYS, MIN_PRESERVATION_DAYS) : null,
    first,
    next,
  };
}

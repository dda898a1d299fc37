import { ackTargetsOf } from "../../shared/directory";
import {
  type ContactPointBrief,
  MIN_PRESERVATION_DAYS,
  REQUEST_TYPE_INFO,
  type RequestType,
  type RoutePreview,
} from "../../shared/requests";
import type { Tx } from "../db/database";
import { type ContactPointRow, contactPointsOf, legalProfileOf, type PartyRow } from "../directory/entries";
import { activeSuspension } from "./suspension";

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

/**
 * Where a request goes and its acknowledgement target: the requested Party's own (its legal
 * profile), else the Network default. `emergency`: the sender marked a request of a type that is
 * not always one as an emergency; emergency types always are.
 */
export async function routePreview(
  tx: Tx,
  party: PartyRow,
  type: RequestType,
  language: string | undefined,
  chosenId: string | null = null,
  emergency = false,
  senderPartyId: string | null = null,
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
  const targets = ackTargetsOf(legal);
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
  if (senderPartyId) warnings.push(...(await suspensionWarnings(tx, senderPartyId, party)));
  if (party.status !== "party") {
    warnings.push({ code: "not_a_party", message: `${party.nameEn} is not a Party to the Convention.` });
  }
  return {
    party: { iso2: party.iso2, nameEn: party.nameEn, nameFr: party.nameFr },
    contactPoint: first ? briefOf(first) : null,
    secondary: next ? briefOf(next) : null,
    warnings,
    ackTargetMinutes: info.emergency || emergency ? targets.emergency : targets.normal,
    preservationDays:
      type === "preservation" ? Math.max(legal.preservationDays ?? MIN_PRESERVATION_DAYS, MIN_PRESERVATION_DAYS) : null,
    first,
    next,
  };
}

/**
 * Art. 14(15): the sender's own Party suspended transfers to this Party (sending will be refused),
 * or this Party suspended transfers to the sender's (it can receive the request but send nothing
 * back through Vigil).
 */
async function suspensionWarnings(tx: Tx, senderPartyId: string, party: PartyRow): Promise<RoutePreview["warnings"]> {
  const warnings: RoutePreview["warnings"] = [];
  const ours = await activeSuspension(tx, senderPartyId, party.id);
  if (ours) {
    warnings.push({
      code: "transfers_suspended",
      message: `Your Party suspended transfers to ${party.nameEn} on ${ours.suspendedAt.toISOString().slice(0, 10)}: the request cannot be sent until the suspension is lifted.`,
    });
  }
  if (await activeSuspension(tx, party.id, senderPartyId)) {
    warnings.push({
      code: "transfers_suspended_by_party",
      message: `${party.nameEn} suspended transfers to your Party: it can receive this request but cannot send anything back through Vigil.`,
    });
  }
  return warnings;
}

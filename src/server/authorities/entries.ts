import { asc, eq } from "drizzle-orm";
import {
  AUTHORITY_ROLES,
  type AuthoritySubmission,
  type Declaration,
  discrepanciesOf,
  missingFields,
  type RoleView,
  roleView,
} from "../../shared/authorities";
import type { Tx } from "../db/database";
import { parties } from "../directory/tables";
import { authorityDeclarations, authoritySubmissions } from "./tables";

/**
 * The authorities directory as it is now, read in one pass: every Party with its own answer and its
 * declarations, combined by the shared rules (provenance per field, discrepancies, missing fields).
 * Releases, exports, the overview and the progress all read it from here.
 */

export type PartyEntry = {
  partyId: string;
  iso2: string;
  nameEn: string;
  nameFr: string;
  submission: AuthoritySubmission | null;
  submittedAt: Date | null;
  roles: RoleView[];
  discrepancies: ReturnType<typeof discrepanciesOf>;
  missing: string[];
};

/** Parties of the Convention: the progress's denominator (signatories and observers give no input). */
export const isParty = (p: { status: string }) => p.status === "party";

export async function readAuthorityEntries(tx: Tx, opts: { partyId?: string } = {}): Promise<PartyEntry[]> {
  const partyRows = await tx
    .select()
    .from(parties)
    .where(opts.partyId ? eq(parties.id, opts.partyId) : undefined)
    .orderBy(asc(parties.nameEn));
  const submissions = await tx
    .select()
    .from(authoritySubmissions)
    .where(opts.partyId ? eq(authoritySubmissions.partyId, opts.partyId) : undefined);
  const declarations = await tx
    .select()
    .from(authorityDeclarations)
    .where(opts.partyId ? eq(authorityDeclarations.partyId, opts.partyId) : undefined);
  const submissionOf = new Map(submissions.map((s) => [s.partyId, s]));
  const declarationOf = new Map(declarations.map((d) => [`${d.partyId}|${d.role}`, d]));
  return partyRows.filter(isParty).map((p) => {
    const s = submissionOf.get(p.id);
    const given = s?.fields ?? null;
    const roles = AUTHORITY_ROLES.map((role) => {
      const d = declarationOf.get(`${p.id}|${role}`);
      const declaration: Declaration | null = d
        ? { reference: d.reference, declaredOn: d.declaredOn, fields: d.fields }
        : null;
      return roleView(role, given ? given[role] : null, declaration);
    });
    return {
      partyId: p.id,
      iso2: p.iso2,
      nameEn: p.nameEn,
      nameFr: p.nameFr,
      submission: given,
      submittedAt: s?.submittedAt ?? null,
      roles,
      discrepancies: discrepanciesOf(roles),
      missing: missingFields(given),
    };
  });
}

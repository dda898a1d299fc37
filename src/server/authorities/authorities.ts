import { sql } from "drizzle-orm";
import type {
  AuthoritiesOverview,
  AuthorityRole,
  AuthoritySubmission,
  DeclarationInput,
  PartyAuthorities,
} from "../../shared/authorities";
import { appendAudit } from "../audit/log";
import { can, canSubmitAuthoritiesFor } from "../auth/policy";
import type { Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { findPartyByIso2, type PartyRow } from "../directory/entries";
import { forbidden, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { type PartyEntry, readAuthorityEntries } from "./entries";
import { authorityDeclarations, authoritySubmissions } from "./tables";

/*
 * Reading and answering the authorities directory. Every member of a Party and the Secretariat
 * read all of it (it is shared with the Parties, never with observers); a Party's admins and
 * officers answer for their own Party; the Secretariat records the official declarations and may
 * enter a Party's answer on its behalf (answers that came by e-mail).
 */

export function requireReader(user: Principal): void {
  if (!can(user, "authorities.read")) throw forbidden("The authorities directory is shared with the Parties only.");
}

export function requireManager(user: Principal): void {
  if (!can(user, "authorities.manage")) throw forbidden("Only the Secretariat does this.");
}

/** A Party of the Convention by its code; 404 for anything else (observers, signatories, unknown). */
export async function requireAuthorityParty(tx: Tx, iso2: string): Promise<PartyRow> {
  const party = await findPartyByIso2(tx, iso2.toUpperCase());
  if (party?.status !== "party") throw notFound(`No Party with the code ${iso2.toUpperCase()}.`);
  return party;
}

export async function overview(ctx: AppContext, user: Principal, meta: RequestMeta): Promise<AuthoritiesOverview> {
  requireReader(user);
  return ctx.db.tx(async (tx) => {
    const entries = await readAuthorityEntries(tx);
    await appendAudit(tx, ctx.clock.now(), auditWho(user, meta), {
      action: "authorities.listed",
      targetType: "authorities",
    });
    return {
      provided: entries.filter((e) => e.submission).length,
      total: entries.length,
      parties: entries.map((e) => ({
        iso2: e.iso2,
        nameEn: e.nameEn,
        nameFr: e.nameFr,
        provided: e.submission !== null,
        mlaName: (e.roles[0]?.fields.name.value as string | null) ?? null,
        extraditionName: (e.roles[1]?.fields.name.value as string | null) ?? null,
        missingCount: e.missing.length,
        discrepancyCount: e.discrepancies.length,
      })),
    };
  }, actorOf(user));
}

export function presentEntry(e: PartyEntry, user: Principal): PartyAuthorities {
  return {
    party: { iso2: e.iso2, nameEn: e.nameEn, nameFr: e.nameFr },
    provided: e.submission !== null,
    submittedAt: e.submittedAt?.toISOString() ?? null,
    roles: e.roles,
    discrepancies: e.discrepancies,
    missing: e.missing,
    submission: e.submission,
    canSubmit: canSubmitAuthoritiesFor(user, e.partyId),
  };
}

async function entryOf(tx: Tx, iso2: string): Promise<PartyEntry> {
  const party = await requireAuthorityParty(tx, iso2);
  const [entry] = await readAuthorityEntries(tx, { partyId: party.id });
  if (!entry) throw notFound(`No Party with the code ${iso2.toUpperCase()}.`);
  return entry;
}

/** One Party's authorities; audited like every read of the directory. */
export async function partyAuthorities(
  ctx: AppContext,
  user: Principal,
  iso2: string,
  meta: RequestMeta,
): Promise<PartyAuthorities> {
  requireReader(user);
  return ctx.db.tx(async (tx) => {
    const entry = await entryOf(tx, iso2);
    await appendAudit(tx, ctx.clock.now(), auditWho(user, meta), {
      action: "authorities.party.read",
      targetType: "party",
      targetId: entry.partyId,
      details: { party: entry.iso2 },
    });
    return presentEntry(entry, user);
  }, actorOf(user));
}

/**
 * A Party's answer to the collection form, replacing its previous one as a whole; the schema has
 * checked every field, so the one row and its audit entry are written together or not at all.
 */
export async function submitAuthorities(
  ctx: AppContext,
  user: Principal,
  iso2: string,
  input: AuthoritySubmission,
  meta: RequestMeta,
): Promise<PartyAuthorities> {
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const party = await requireAuthorityParty(tx, iso2);
    if (!canSubmitAuthoritiesFor(user, party.id)) {
      throw forbidden("A Party answers for itself; the Secretariat may answer on its behalf.");
    }
    const submittedBy = "email" in user ? user.id : null;
    await tx
      .insert(authoritySubmissions)
      .values({ partyId: party.id, fields: input, submittedAt: at, submittedBy })
      .onConflictDoUpdate({
        target: authoritySubmissions.partyId,
        set: { fields: input, submittedAt: at, submittedBy, revision: sql`${authoritySubmissions.revision} + 1` },
      });
    const entry = await entryOf(tx, party.iso2);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "authorities.submitted",
      targetType: "party",
      targetId: party.id,
      details: {
        party: party.iso2,
        onBehalf: user.partyId !== party.id,
        missing: entry.missing,
        discrepancies: entry.discrepancies.map((d) => `${d.role}.${d.field}`),
      },
    });
    return presentEntry(entry, user);
  }, actorOf(user));
}

/** The Secretariat records (or corrects) a Party's official declaration for one role. */
export async function recordDeclaration(
  ctx: AppContext,
  user: Principal,
  iso2: string,
  role: AuthorityRole,
  input: DeclarationInput,
  meta: RequestMeta,
): Promise<PartyAuthorities> {
  requireManager(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const party = await requireAuthorityParty(tx, iso2);
    const recordedBy = "email" in user ? user.id : null;
    const values = {
      reference: input.reference,
      declaredOn: input.declaredOn,
      fields: input.fields,
      recordedAt: at,
      recordedBy,
    };
    await tx
      .insert(authorityDeclarations)
      .values({ partyId: party.id, role, ...values })
      .onConflictDoUpdate({ target: [authorityDeclarations.partyId, authorityDeclarations.role], set: values });
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "authorities.declaration.recorded",
      targetType: "party",
      targetId: party.id,
      details: { party: party.iso2, role, reference: input.reference, declaredOn: input.declaredOn },
    });
    return presentEntry(await entryOf(tx, party.iso2), user);
  }, actorOf(user));
}

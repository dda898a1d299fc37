import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Role } from "../../shared/auth";
import type { Tx } from "../db/database";
import { parties } from "../directory/tables";
import { badRequest, conflict } from "../http/errors";
import type { Keyring } from "../vault/keyring";
import { hashPassword } from "./passwords";
import { users } from "./tables";
import { accountSecretAad, sealTotpSecret } from "./totp-secrets";

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return row;
}

export async function findUserById(tx: Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/**
 * The stored "password" of an account that has not chosen one: not an argon2 hash, so no password
 * ever matches it (verifyPassword spends the same time on it as on a real one).
 */
const UNUSABLE = "!unset:";
export const unusablePassword = () => `${UNUSABLE}${randomUUID()}`;
export const hasPassword = (row: { passwordHash: string }) => !row.passwordHash.startsWith(UNUSABLE);

/** A Party's active officers and admins, by name: who may handle its requests. */
export async function activeMembersOf(
  tx: Tx,
  partyId: string,
): Promise<{ id: string; displayName: string; role: Role }[]> {
  return tx
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.partyId, partyId), inArray(users.role, ["officer", "party_admin"]), isNull(users.disabledAt)))
    .orderBy(asc(users.displayName));
}

/** The active accounts of a role (who a live event of the Secretariat's pages goes to). */
export async function activeUserIdsWithRole(tx: Tx, role: Role): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, role), isNull(users.disabledAt)));
  return rows.map((r) => r.id);
}

/** The active accounts of a Party (its open pages hear that its ping test was answered). */
export async function activeUserIdsOfParty(tx: Tx, partyId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.partyId, partyId), isNull(users.disabledAt)));
  return rows.map((r) => r.id);
}

export type NewUser = {
  email: string;
  displayName: string;
  /** null: the account chooses it through an invitation (accounts.ts); until then none matches. */
  password: string | null;
  role: Role;
  /** ISO 3166 code of the user's Party; none for the Secretariat. */
  partyIso2?: string | null;
  locale?: "en" | "fr";
  timeZone?: string;
  /** An authenticator secret to enrol the account with (demo accounts, tests): sealed with `ring`. */
  totp?: { secret: string; ring: Keyring };
};

/** Creates an account (CLI, demo, administration). The role decides whether a Party is needed. */
export async function createUser(tx: Tx, input: NewUser, at: Date): Promise<UserRow> {
  let partyId: string | null = null;
  if (input.role === "secretariat") {
    if (input.partyIso2) throw badRequest("invalid_party", "A Secretariat account belongs to no Party.");
  } else {
    if (!input.partyIso2) throw badRequest("party_required", `A ${input.role} account must belong to a Party.`);
    const [party] = await tx
      .select({ id: parties.id })
      .from(parties)
      .where(eq(parties.iso2, input.partyIso2.toUpperCase()))
      .limit(1);
    if (!party) throw badRequest("unknown_party", `Unknown Party "${input.partyIso2}".`);
    partyId = party.id;
  }
  const email = input.email.toLowerCase();
  if (await findUserByEmail(tx, email)) throw conflict("email_taken", `An account with the e-mail ${email} exists.`);
  // The id is chosen here: the sealed secret is bound to it.
  const id = randomUUID();
  const [row] = await tx
    .insert(users)
    .values({
      id,
      email,
      displayName: input.displayName,
      passwordHash: input.password === null ? unusablePassword() : await hashPassword(input.password),
      role: input.role,
      partyId,
      locale: input.locale ?? "en",
      timeZone: input.timeZone ?? "UTC",
      totpSecret: input.totp ? sealTotpSecret(input.totp.ring, input.totp.secret, accountSecretAad(id)) : null,
      totpEnabledAt: input.totp ? at : null,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function recordFailedAttempt(
  tx: Tx,
  userId: string,
  at: Date,
  policy: { maxAttempts: number; lockMs: number },
): Promise<{ lockedUntil: Date | null }> {
  const [row] = await tx
    .update(users)
    .set({ failedAttempts: sql`${users.failedAttempts} + 1`, updatedAt: at })
    .where(eq(users.id, userId))
    .returning({ failedAttempts: users.failedAttempts });
  if (row && row.failedAttempts >= policy.maxAttempts) {
    const lockedUntil = new Date(at.getTime() + policy.lockMs);
    await tx.update(users).set({ failedAttempts: 0, lockedUntil }).where(eq(users.id, userId));
    return { lockedUntil };
  }
  return { lockedUntil: null };
}

export async function clearFailedAttempts(tx: Tx, userId: string): Promise<void> {
  await tx.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function updatePreferences(
  tx: Tx,
  userId: string,
  prefs: { locale?: string; timeZone?: string },
  at: Date,
): Promise<void> {
  await tx
    .update(users)
    .set({
      ...(prefs.locale ? { locale: prefs.locale } : {}),
      ...(prefs.timeZone ? { timeZone: prefs.timeZone } : {}),
      updatedAt: at,
    })
    .where(eq(users.id, userId));
}

import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import {
  type AcceptInvitationBody,
  type Account,
  type AccountChange,
  type AccountInput,
  type AccountList,
  INVITATION_DAYS,
  type InvitationStatus,
} from "../../shared/accounts";
import type { Role } from "../../shared/auth";
import { appendAudit } from "../audit/log";
import type { AppContext, RequestMeta } from "../context";
import { SYSTEM_ACTOR, type Tx } from "../db/database";
import { findPartyById, findPartyByIso2 } from "../directory/entries";
import { parties } from "../directory/tables";
import { badRequest, conflict, forbidden, gone, HttpError, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { enqueueEmail } from "../notify/outbox";
import { hashPassword } from "./passwords";
import { can, canManageUser } from "./policy";
import type { Principal } from "./principal";
import { deleteUserSessions } from "./sessions";
import { auditWho } from "./sign-in";
import { accountInvitations, recoveryCodes, securityKeys, users } from "./tables";
import { randomToken, sha256 } from "./tokens";
import { createUser, hasPassword, type UserRow, unusablePassword } from "./users";

/*
 * Accounts managed in Vigil (issue 6, hardening: role changes are sensitive actions). The
 * Secretariat manages every account; a Party's administrators manage their own Party's officers
 * and administrators, nobody else's (another Party's account is "not found" to them). A new
 * account, or one an administrator resets, gets a one-time link by e-mail to choose its password;
 * the authenticator is set up at the first sign-in, as for every account. Each change is audited.
 * The routes declare `recentAuth`: creating accounts and changing roles need a fresh proof of
 * identity.
 */

const DAY_MS = 86_400_000;
const NOT_FOUND = "No account with this id.";

/** The roles a caller may give: the Secretariat any; a Party admin those of its own Party's staff. */
export function assignableRoles(subject: Principal): Role[] {
  if (!can(subject, "admin.users")) return [];
  if (subject.role === "secretariat") return ["secretariat", "party_admin", "officer", "observer"];
  if (subject.role === "party_admin") return ["officer", "party_admin"];
  return [];
}

function requireManager(user: Principal): void {
  if (!can(user, "admin.users")) throw forbidden("Your account cannot manage accounts.");
}

function statusOf(row: UserRow, invited: boolean, at: Date): Account["status"] {
  if (row.disabledAt) return "disabled";
  if (invited) return "invited";
  if (row.lockedUntil && row.lockedUntil > at) return "locked";
  return "active";
}

/** Pending invitations (unused, not replaced, not expired), by user. */
async function pendingInvitations(tx: Tx, userIds: string[], at: Date): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx
    .select({ userId: accountInvitations.userId, expiresAt: accountInvitations.expiresAt })
    .from(accountInvitations)
    .where(
      and(
        inArray(accountInvitations.userId, userIds),
        isNull(accountInvitations.usedAt),
        isNull(accountInvitations.revokedAt),
      ),
    );
  return new Map(rows.filter((r) => r.expiresAt > at).map((r) => [r.userId, r.expiresAt]));
}

async function present(tx: Tx, rows: UserRow[], at: Date): Promise<Account[]> {
  const ids = rows.map((r) => r.id);
  const pending = await pendingInvitations(tx, ids, at);
  const keys = ids.length
    ? await tx
        .select({ userId: securityKeys.userId, n: count() })
        .from(securityKeys)
        .where(inArray(securityKeys.userId, ids))
        .groupBy(securityKeys.userId)
    : [];
  // Only the Parties of these accounts, not the whole directory.
  const partyIds = [...new Set(rows.flatMap((r) => (r.partyId ? [r.partyId] : [])))];
  const isos = new Map(
    partyIds.length
      ? (
          await tx.select({ id: parties.id, iso2: parties.iso2 }).from(parties).where(inArray(parties.id, partyIds))
        ).map((p) => [p.id, p.iso2])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.displayName,
    role: r.role,
    party: r.partyId ? (isos.get(r.partyId) ?? null) : null,
    status: statusOf(r, !hasPassword(r), at),
    authenticator: Boolean(r.totpEnabledAt),
    securityKeys: keys.find((k) => k.userId === r.id)?.n ?? 0,
    invitationExpiresAt: pending.get(r.id)?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listAccounts(
  ctx: AppContext,
  user: Principal,
  q: { party?: string },
  meta: RequestMeta,
): Promise<AccountList> {
  requireManager(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    let partyId: string | null | undefined;
    if (user.role === "secretariat") {
      if (q.party) {
        const party = await findPartyByIso2(tx, q.party);
        if (!party) throw badRequest("unknown_party", `No Party with the code ${q.party}.`);
        partyId = party.id;
      }
    } else {
      partyId = user.partyId;
    }
    const rows = await tx
      .select()
      .from(users)
      .where(partyId ? eq(users.partyId, partyId) : undefined)
      .orderBy(asc(users.displayName), asc(users.email));
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "account.listed",
      targetType: "user",
      details: { party: q.party ?? null, count: rows.length },
    });
    return {
      items: await present(tx, rows, at),
      assignableRoles: assignableRoles(user),
      choosesParty: user.role === "secretariat",
    };
  }, actorOf(user));
}

/** A new one-time link for `target`: earlier unused ones stop working; the e-mail carries the link. */
async function issueInvitation(
  tx: Tx,
  target: UserRow,
  by: Principal,
  at: Date,
  kind: "account.invited" | "account.reset",
): Promise<void> {
  await tx
    .update(accountInvitations)
    .set({ revokedAt: at })
    .where(
      and(
        eq(accountInvitations.userId, target.id),
        isNull(accountInvitations.usedAt),
        isNull(accountInvitations.revokedAt),
      ),
    );
  const token = randomToken(32);
  const tokenHash = sha256(token);
  await tx.insert(accountInvitations).values({
    tokenHash,
    userId: target.id,
    createdAt: at,
    createdBy: by.id,
    expiresAt: new Date(at.getTime() + INVITATION_DAYS * DAY_MS),
  });
  // The link is the credential: it goes to the account's own address only, never in-app.
  await enqueueEmail(
    tx,
    target.id,
    {
      to: target.email,
      locale: target.locale === "fr" ? "fr" : "en",
      kind,
      params: { days: INVITATION_DAYS },
      link: `/invitation/${token}`,
      secretLink: true,
    },
    `invitation:${tokenHash}`,
    at,
  );
}

/** The account `user` may manage, locked for the change; another Party's is "not found". */
async function requireManageable(tx: Tx, user: Principal, id: string): Promise<UserRow> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for("update");
  if (!row || !canManageUser(user, row)) throw notFound(NOT_FOUND);
  return row;
}

export async function inviteAccount(
  ctx: AppContext,
  user: Principal,
  input: AccountInput,
  meta: RequestMeta,
): Promise<Account> {
  requireManager(user);
  if (!assignableRoles(user).includes(input.role)) {
    throw forbidden(`You cannot give the role ${input.role}.`);
  }
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    let partyIso2: string | null = null;
    if (user.role === "secretariat") {
      partyIso2 = input.party ?? null;
      if (input.role !== "secretariat" && !partyIso2) {
        throw badRequest("party_required", "Choose the Party this account belongs to.", [
          { path: "body.party", message: "Choose a Party" },
        ]);
      }
      if (input.role === "secretariat" && partyIso2) {
        throw badRequest("invalid_party", "A Secretariat account belongs to no Party.", [
          { path: "body.party", message: "No Party for the Secretariat" },
        ]);
      }
    } else {
      const own = await findPartyById(tx, user.partyId as string);
      if (input.party && input.party !== own?.iso2) {
        throw forbidden("You create accounts for your own Party only.");
      }
      partyIso2 = own?.iso2 ?? null;
    }
    if (partyIso2 && !(await findPartyByIso2(tx, partyIso2))) {
      throw badRequest("unknown_party", `No Party with the code ${partyIso2}.`, [
        { path: "body.party", message: "Unknown Party" },
      ]);
    }
    const created = await createUser(
      tx,
      {
        email: input.email,
        displayName: input.displayName,
        // Replaced when the invitation is used; until then no password matches.
        password: null,
        role: input.role,
        partyIso2,
        locale: input.locale,
        timeZone: input.timeZone,
      },
      at,
    );
    await issueInvitation(tx, created, user, at, "account.invited");
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "account.invited",
      targetType: "user",
      targetId: created.id,
      details: { email: created.email, role: created.role, party: partyIso2 },
    });
    const [shown] = await present(tx, [created], at);
    return shown as Account;
  }, actorOf(user));
}

export async function changeAccount(
  ctx: AppContext,
  user: Principal,
  id: string,
  change: AccountChange,
  meta: RequestMeta,
): Promise<Account> {
  requireManager(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const row = await requireManageable(tx, user, id);
    if (row.id === user.id) {
      // Nobody locks themself out or raises their own rights: another administrator does it.
      throw conflict("own_account", "You cannot change your own role or disable your own account.");
    }
    const set: Partial<typeof users.$inferInsert> = { updatedAt: at };
    if (change.role !== undefined && change.role !== row.role) {
      if (!assignableRoles(user).includes(change.role)) throw forbidden(`You cannot give the role ${change.role}.`);
      if ((change.role === "secretariat") !== (row.role === "secretariat")) {
        throw badRequest(
          "role_party_mismatch",
          "A Secretariat account belongs to no Party, and a Party's account cannot become a Secretariat one: create a new account.",
          [{ path: "body.role", message: "Not possible for this account" }],
        );
      }
      set.role = change.role;
    }
    if (change.disabled !== undefined) set.disabledAt = change.disabled ? (row.disabledAt ?? at) : null;
    const [updated] = await tx.update(users).set(set).where(eq(users.id, row.id)).returning();
    // A new role or a disabled account takes effect at once: the sessions with the old rights end.
    if (set.role || change.disabled) await deleteUserSessions(tx, row.id);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "account.changed",
      targetType: "user",
      targetId: row.id,
      details: {
        role: set.role ? { from: row.role, to: set.role } : undefined,
        disabled: change.disabled,
      },
    });
    const [shown] = await present(tx, [updated as UserRow], at);
    return shown as Account;
  }, actorOf(user));
}

/**
 * A lost phone or a forgotten password: the account's password, authenticator, recovery codes and
 * security keys are cleared, its sessions end, and a new one-time link goes to its address.
 */
export async function resetAccount(ctx: AppContext, user: Principal, id: string, meta: RequestMeta): Promise<Account> {
  requireManager(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const row = await requireManageable(tx, user, id);
    if (row.id === user.id) throw conflict("own_account", "Ask another administrator to reset your account.");
    if (row.disabledAt) throw conflict("account_disabled", "Enable the account first.");
    const [updated] = await tx
      .update(users)
      .set({
        passwordHash: unusablePassword(),
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        failedAttempts: 0,
        lockedUntil: null,
        updatedAt: at,
      })
      .where(eq(users.id, row.id))
      .returning();
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, row.id));
    await tx.delete(securityKeys).where(eq(securityKeys.userId, row.id));
    await deleteUserSessions(tx, row.id);
    await issueInvitation(tx, updated as UserRow, user, at, "account.reset");
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "account.reset",
      targetType: "user",
      targetId: row.id,
    });
    const [shown] = await present(tx, [updated as UserRow], at);
    return shown as Account;
  }, actorOf(user));
}

type Found =
  | { state: "valid"; invitation: typeof accountInvitations.$inferSelect; user: UserRow }
  | { state: "expired" | "used"; user: UserRow }
  | { state: "unknown" };

/** Looks an invitation up by its secret, before anyone is known (hence the system actor). */
async function findInvitation(tx: Tx, token: string, at: Date, forUpdate: boolean): Promise<Found> {
  const q = tx
    .select()
    .from(accountInvitations)
    .where(eq(accountInvitations.tokenHash, sha256(token)))
    .limit(1);
  const [invitation] = forUpdate ? await q.for("update") : await q;
  if (!invitation) return { state: "unknown" };
  const [user] = await tx.select().from(users).where(eq(users.id, invitation.userId));
  if (!user || user.disabledAt) return { state: "unknown" };
  if (invitation.usedAt || invitation.revokedAt) return { state: "used", user };
  if (invitation.expiresAt <= at) return { state: "expired", user };
  return { state: "valid", invitation, user };
}

/** What the invitation page shows: reading it records nothing (mail scanners open links too). */
export async function readInvitation(ctx: AppContext, token: string): Promise<InvitationStatus> {
  const at = ctx.clock.now();
  const found = await ctx.db.tx((tx) => findInvitation(tx, token, at, false), SYSTEM_ACTOR);
  if (found.state === "unknown") return { status: "unknown", email: null, displayName: null };
  if (found.state !== "valid") return { status: found.state, email: null, displayName: null };
  return { status: "valid", email: found.user.email, displayName: found.user.displayName };
}

export async function acceptInvitation(
  ctx: AppContext,
  token: string,
  body: AcceptInvitationBody,
  meta: RequestMeta,
): Promise<{ email: string }> {
  const at = ctx.clock.now();
  // Hashed before the transaction: argon2 is slow and needs no lock.
  const passwordHash = await hashPassword(body.password);
  return ctx.db.tx(async (tx) => {
    const found = await findInvitation(tx, token, at, true);
    if (found.state === "unknown") throw notFound("This invitation link is not valid: check that it was copied whole.");
    if (found.state === "used") {
      throw new HttpError(409, "invitation_used", "This invitation link was already used or replaced by a newer one.");
    }
    if (found.state === "expired") {
      throw gone(
        "invitation_expired",
        `This invitation link has expired (links are valid ${INVITATION_DAYS} days): ask your administrator for a new one.`,
      );
    }
    await tx
      .update(users)
      .set({ passwordHash, failedAttempts: 0, lockedUntil: null, updatedAt: at })
      .where(eq(users.id, found.user.id));
    await tx
      .update(accountInvitations)
      .set({ usedAt: at })
      .where(eq(accountInvitations.tokenHash, sha256(token)));
    await appendAudit(
      tx,
      at,
      {
        userId: found.user.id,
        label: found.user.email,
        partyId: found.user.partyId,
        ip: meta.ip,
        userAgent: meta.userAgent,
      },
      { action: "account.invitation_accepted", targetType: "user", targetId: found.user.id },
    );
    return { email: found.user.email };
  }, SYSTEM_ACTOR);
}

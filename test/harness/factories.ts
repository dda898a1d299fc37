import { appendAudit } from "../../src/server/audit/log";
import { newTotpSecret } from "../../src/server/auth/totp";
import { createUser, type UserRow } from "../../src/server/auth/users";
import type { AppContext } from "../../src/server/context";
import { parties } from "../../src/server/directory/tables";
import type { Role } from "../../src/shared/auth";

/** Test data: fictional Parties ("XA", "XB"…) and accounts on example.org. */
export async function makeParty(ctx: AppContext, iso2: string, nameEn = `Testland ${iso2}`): Promise<string> {
  return ctx.db.tx(async (tx) => {
    const [row] = await tx
      .insert(parties)
      .values({ iso2, nameEn, nameFr: `${nameEn} (fr)`, altNames: [] })
      .returning({ id: parties.id });
    if (!row) throw new Error("no party");
    return row.id;
  });
}

export const TEST_PASSWORD = "correct horse battery staple";

export async function makeUser(
  ctx: AppContext,
  opts: { email: string; role: Role; party?: string | null; enrolled?: boolean },
): Promise<{ user: UserRow; totpSecret: string | null }> {
  const totpSecret = opts.enrolled === false ? null : newTotpSecret();
  const user = await ctx.db.tx(async (tx) => {
    const u = await createUser(
      tx,
      {
        email: opts.email,
        displayName: opts.email.split("@")[0] ?? "user",
        password: TEST_PASSWORD,
        role: opts.role,
        partyIso2: opts.party ?? null,
        ...(totpSecret ? { totp: { secret: totpSecret, ring: ctx.keyring } } : {}),
      },
      ctx.clock.now(),
    );
    await appendAudit(
      tx,
      ctx.clock.now(),
      { userId: null, label: "test", partyId: null },
      { action: "user.created", targetId: u.id },
    );
    return u;
  });
  return { user, totpSecret };
}

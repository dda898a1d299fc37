import { count, eq } from "drizzle-orm";
import { appendAudit } from "../audit/log";
import { users } from "../auth/tables";
import { newTotpSecret } from "../auth/totp";
import { createUser } from "../auth/users";
import type { AppContext } from "../context";
import { contactPoints, parties } from "../directory/tables";
import { DEMO_PARTIES } from "./network-data";

/** Fictional accounts; example.org addresses only. One password for all, printed at start. */
export const DEMO_PASSWORD = "vigil-demo-2026";

export const DEMO_ACCOUNTS = [
  {
    email: "secretariat@example.org",
    displayName: "Secretariat Duty Desk",
    role: "secretariat",
    party: null,
    timeZone: "Europe/Strasbourg",
    locale: "en",
  },
  {
    email: "officer.cl@example.org",
    displayName: "Duty Prosecutor (Chile)",
    role: "officer",
    party: "CL",
    timeZone: "America/Santiago",
    locale: "en",
  },
  {
    email: "admin.cl@example.org",
    displayName: "Contact Point Lead (Chile)",
    role: "party_admin",
    party: "CL",
    timeZone: "America/Santiago",
    locale: "en",
  },
  {
    email: "officer.ro@example.org",
    displayName: "Duty Officer (Romania)",
    role: "officer",
    party: "RO",
    timeZone: "Europe/Bucharest",
    locale: "en",
  },
  {
    email: "admin.ro@example.org",
    displayName: "Contact Point Lead (Romania)",
    role: "party_admin",
    party: "RO",
    timeZone: "Europe/Bucharest",
    locale: "fr",
  },
] as const;

/** Loads the demo network once: on a database that has no Party yet. Returns whether it did. */
export async function loadDemoNetwork(ctx: AppContext): Promise<boolean> {
  return ctx.db.tx(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(parties);
    if ((existing?.n ?? 0) > 0) return false;
    const at = ctx.clock.now();
    for (const p of DEMO_PARTIES) {
      const [party] = await tx
        .insert(parties)
        .values({
          iso2: p.iso2,
          nameEn: p.nameEn,
          nameFr: p.nameFr,
          altNames: p.altNames,
          status: p.status,
          conventionRatifiedOn: p.conventionRatifiedOn ?? null,
          sapRatifiedOn: p.sapRatifiedOn ?? null,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: parties.id });
      if (!party) throw new Error("insert returned no row");
      await tx.insert(contactPoints).values(
        p.contactPoints.map((cp, i) => ({
          partyId: party.id,
          isPrimary: i === 0,
          type: cp.type,
          institution: cp.institution,
          unit: cp.unit ?? null,
          address: cp.address ?? null,
          phones: cp.phones,
          emails: cp.emails,
          secureChannels: cp.secureChannels ?? [],
          available247: cp.available247,
          timeZone: cp.timeZone,
          openingHours: cp.openingHours ?? null,
          outOfHours: cp.outOfHours ?? null,
          languages: cp.languages,
          instructions: cp.instructions ?? null,
          functions: cp.functions,
          handlesSap: cp.handlesSap,
          mlaCoordination: cp.mlaCoordination ?? null,
          networks: cp.networks,
          lastConfirmedAt: at,
          createdAt: at,
          updatedAt: at,
        })),
      );
    }
    for (const a of DEMO_ACCOUNTS) {
      await createUser(
        tx,
        {
          email: a.email,
          displayName: a.displayName,
          password: DEMO_PASSWORD,
          role: a.role,
          partyIso2: a.party,
          timeZone: a.timeZone,
          locale: a.locale,
          // Demo accounts come enrolled, so a visitor can sign in at once with the printed secret.
          totpSecret: newTotpSecret(),
        },
        at,
      );
    }
    await appendAudit(
      tx,
      at,
      { userId: null, label: "system", partyId: null },
      {
        action: "demo.loaded",
        details: { parties: DEMO_PARTIES.length, accounts: DEMO_ACCOUNTS.length },
      },
    );
    return true;
  });
}

/** The demo accounts with their TOTP secrets, for the start-up banner (demo mode only). */
export async function demoAccountSecrets(
  ctx: AppContext,
): Promise<{ email: string; role: string; totpSecret: string | null }[]> {
  return ctx.db.tx(async (tx) => {
    const out = [];
    for (const a of DEMO_ACCOUNTS) {
      const [u] = await tx
        .select({ totpSecret: users.totpSecret })
        .from(users)
        .where(eq(users.email, a.email))
        .limit(1);
      if (u) out.push({ email: a.email, role: a.role, totpSecret: u.totpSecret });
    }
    return out;
  });
}

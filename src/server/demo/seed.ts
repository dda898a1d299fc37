import { count, eq } from "drizzle-orm";
import { ContactPointFields, type LegalProfileFields } from "../../shared/directory";
import { appendAudit } from "../audit/log";
import { users } from "../auth/tables";
import { newTotpSecret } from "../auth/totp";
import { accountSecretAad, openTotpSecret } from "../auth/totp-secrets";
import { createUser } from "../auth/users";
import { seedDemoAuthorities } from "../authorities/demo";
import type { AppContext } from "../context";
import { findPartyById, insertContactPoint, saveLegalProfile } from "../directory/entries";
import { parties } from "../directory/tables";
import { seedDemoPings } from "../pings/demo";
import { DEMO_PARTIES } from "./network-data";

/** Fictional accounts; example.org addresses only. One password for all, printed at start. */
export const DEMO_PASSWORD = "vigil-demo-2026";

export const DEMO_ACCOUNTS = [
  {
    email: "secretariat@example.org",
    displayName: "Secretariat Duty Desk",
    role: "secretariat",
    party: null,
    // Strasbourg keeps Paris time; "Europe/Strasbourg" is no IANA zone (browsers refuse it).
    timeZone: "Europe/Paris",
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
    // A colleague on the same duty team: covers for the officer handling a request (need to know).
    email: "officer2.ro@example.org",
    displayName: "Second Duty Officer (Romania)",
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
  {
    // Romania's (fictional) data-protection supervisory authority: reads, never changes (SAP Art. 14(13–14)).
    email: "auditor.ro@example.org",
    displayName: "Data Protection Auditor (Romania)",
    role: "auditor",
    party: "RO",
    timeZone: "Europe/Bucharest",
    locale: "en",
  },
  {
    email: "officer.mt@example.org",
    displayName: "Duty Officer (Malta)",
    role: "officer",
    party: "MT",
    timeZone: "Europe/Malta",
    locale: "en",
  },
] as const;

const DAY_MS = 86_400_000;

/** A fictional key fingerprint, the same for the same entry on every load. */
function fingerprint(seed: string): string {
  let h = 2166136261;
  let out = "";
  while (out.length < 40) {
    for (const ch of `${seed}${out.length}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).toUpperCase().padStart(8, "0");
  }
  return out.slice(0, 40);
}

/** Primary contact points of every other Party publish an OpenPGP key; two expire within weeks. */
function demoKeys(iso2: string, cpIndex: number, partyIndex: number, at: Date): LegalKeys {
  if (cpIndex !== 0 || partyIndex % 2 !== 0) return [];
  const days = partyIndex % 17 === 0 ? 20 : 400 + partyIndex * 3;
  const expiresOn = new Date(at.getTime() + days * DAY_MS).toISOString().slice(0, 10);
  return [{ kind: "openpgp", fingerprint: fingerprint(iso2), expiresOn, note: "Fictional demo key" }];
}
type LegalKeys = { kind: "openpgp"; fingerprint: string; expiresOn: string; note: string }[];

/** A few Parties set their own acknowledgement targets (fictional); the others keep the Network's. */
const DEMO_ACK_TARGETS: Record<string, { ackTargetMinutes: number; emergencyAckTargetMinutes: number }> = {
  EE: { ackTargetMinutes: 30, emergencyAckTargetMinutes: 10 },
  JP: { ackTargetMinutes: 30, emergencyAckTargetMinutes: 10 },
  MU: { ackTargetMinutes: 120, emergencyAckTargetMinutes: 30 },
};

function demoLegalProfile(p: (typeof DEMO_PARTIES)[number], index: number): LegalProfileFields {
  const primary = p.contactPoints[0];
  const targets = DEMO_ACK_TARGETS[p.iso2];
  const months = [6, 12, 12, 24][index % 4];
  return {
    providerRetention: `Fictional demo value: providers keep traffic data for ${months} months; subscriber data for the life of the contract plus one year.`,
    preservationDays: index % 5 === 0 ? 60 : 90,
    preservationExtendable: index % 7 !== 0,
    extensionNote: index % 7 !== 0 ? "Extension by a further period on a reasoned request before expiry." : null,
    acceptedLanguages: [...new Set(["en", ...(primary?.languages ?? [])])],
    acceptedTemplates: [
      "art29_preservation",
      "art31_subscriber",
      ...(index % 2 === 0 ? (["art30_disclosure"] as const) : []),
      ...(p.sapRatifiedOn ? (["sap_art9_emergency"] as const) : []),
    ],
    ackTargetMinutes: targets?.ackTargetMinutes ?? null,
    emergencyAckTargetMinutes: targets?.emergencyAckTargetMinutes ?? null,
    notes: null,
  };
}

/** Loads the demo network once: on a database that has no Party yet. Returns whether it did. */
export async function loadDemoNetwork(ctx: AppContext): Promise<boolean> {
  return ctx.db.tx(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(parties);
    if ((existing?.n ?? 0) > 0) return false;
    const at = ctx.clock.now();
    const partyIds = new Map<string, string>();
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
      partyIds.set(p.iso2, party.id);
      const row = await findPartyById(tx, party.id);
      if (!row) throw new Error("party vanished");
      const index = DEMO_PARTIES.indexOf(p);
      // A few Parties have not confirmed their entries for over 180 days, so the freshness views
      // have something to show; the others confirmed them when the demo was loaded.
      const confirmedAt = index % 13 === 5 ? new Date(at.getTime() - 200 * DAY_MS) : at;
      for (const [i, cp] of p.contactPoints.entries()) {
        const fields = ContactPointFields.parse({
          ...cp,
          isPrimary: i === 0,
          encryptionKeys: demoKeys(p.iso2, i, index, at),
          // The primary contact points of every third Party are shared with observer States.
          sharedWithObservers: i === 0 && index % 3 === 0,
        });
        await insertContactPoint(tx, row, fields, at, { lastConfirmedAt: confirmedAt });
      }
      // Most Parties have described their legal framework; some have not yet (completeness view).
      if (index % 9 !== 4) await saveLegalProfile(tx, party.id, demoLegalProfile(p, index), at);
    }
    // The authorities directory (Art. 27, Art. 24): 55 of the 76 Parties answered, as in December 2024.
    await seedDemoAuthorities(
      tx,
      partyIds,
      DEMO_PARTIES.map((p) => ({
        iso2: p.iso2,
        nameEn: p.nameEn,
        city: p.contactPoints[0]?.address?.split(",").pop()?.trim() || p.nameEn,
        languages: p.contactPoints[0]?.languages ?? [],
        ratifiedOn: p.conventionRatifiedOn ?? null,
      })),
      at,
    );
    let secretariatId: string | null = null;
    for (const a of DEMO_ACCOUNTS) {
      const user = await createUser(
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
          totp: { secret: newTotpSecret(), ring: ctx.keyring },
        },
        at,
      );
      if (a.role === "secretariat") secretariatId = user.id;
    }
    // Two past ping tests, the first reproducing the table of 7 June 2023 (report, history, trend).
    await seedDemoPings(tx, secretariatId);
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
        .select({ id: users.id, totpSecret: users.totpSecret })
        .from(users)
        .where(eq(users.email, a.email))
        .limit(1);
      if (u) {
        const secret = u.totpSecret ? openTotpSecret(ctx.keyring, u.totpSecret, accountSecretAad(u.id)) : null;
        out.push({ email: a.email, role: a.role, totpSecret: secret });
      }
    }
    return out;
  });
}

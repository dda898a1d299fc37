import { asc, eq } from "drizzle-orm";
import { type CompletenessRow, KEY_EXPIRY_WARNING_DAYS } from "../../shared/directory";
import { appendAudit } from "../audit/log";
import { can, canProposeFor } from "../auth/policy";
import { auditWho } from "../auth/sign-in";
import type { UserRow } from "../auth/users";
import type { AppContext, RequestMeta } from "../context";
import { SYSTEM_ACTOR, type Tx } from "../db/database";
import { forbidden, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { emailOn, notify } from "../notify/notifications";
import { emitWebhookEvent } from "../webhooks/webhooks";
import { type ContactPointRow, confirmPartyEntries, isStale, type PartyRow, requireParty } from "./entries";
import { contactPoints, legalProfiles, parties } from "./tables";

/**
 * Freshness and completeness: entries carry the date they were last confirmed; after 180 days they
 * are stale for everyone and their Party is reminded weekly; encryption keys about to expire warn
 * their owner; the Secretariat sees, per Party, what is missing or stale.
 */

const DAY_MS = 86_400_000;
export const REMINDER_INTERVAL_MS = 7 * DAY_MS;

export async function confirmEntries(
  ctx: AppContext,
  user: UserRow,
  iso2: string,
  meta: RequestMeta,
): Promise<{ confirmedAt: string; contactPoints: number }> {
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const party = await requireParty(tx, iso2);
    if (!can(user, "directory.manage") && !canProposeFor(user, party.id)) {
      throw forbidden("Only the Party itself or the Secretariat confirms its entries.");
    }
    const n = await confirmPartyEntries(tx, party.id, at);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "directory.entries.confirmed",
      targetType: "party",
      targetId: party.id,
      details: { party: party.iso2, contactPoints: n },
    });
    return { confirmedAt: at.toISOString(), contactPoints: n };
  }, actorOf(user));
}

/** Fields a complete entry has, beyond what the schema requires. */
function missingFields(cp: ContactPointRow): string[] {
  const missing: string[] = [];
  if (!cp.unit) missing.push("unit");
  if (!cp.address) missing.push("address");
  if (cp.emails.length === 0) missing.push("emails");
  if (cp.phones.length === 0) missing.push("phones");
  if (!cp.instructions) missing.push("instructions");
  if (cp.functions.length === 0) missing.push("functions");
  if (cp.networks.length === 0) missing.push("networks");
  if (!cp.mlaCoordination) missing.push("mlaCoordination");
  if (cp.encryptionKeys.length === 0) missing.push("encryptionKeys");
  return missing;
}

function expiringKeys(cp: ContactPointRow, now: Date): { fingerprint: string; expiresOn: string }[] {
  const limit = now.getTime() + KEY_EXPIRY_WARNING_DAYS * DAY_MS;
  return cp.encryptionKeys
    .filter((k) => k.expiresOn && Date.parse(`${k.expiresOn}T00:00:00Z`) <= limit)
    .map((k) => ({ fingerprint: k.fingerprint, expiresOn: k.expiresOn as string }));
}

async function partyStates(tx: Tx, now: Date): Promise<CompletenessRow[]> {
  const partyRows = await tx.select().from(parties).orderBy(asc(parties.nameEn));
  const cps = await tx.select().from(contactPoints);
  const profiles = await tx.select().from(legalProfiles);
  const profileOf = new Map(profiles.map((p) => [p.partyId, p]));
  const cpsOf = new Map<string, ContactPointRow[]>();
  for (const cp of cps) cpsOf.set(cp.partyId, [...(cpsOf.get(cp.partyId) ?? []), cp]);
  return partyRows.map((p: PartyRow) => {
    const list = cpsOf.get(p.id) ?? [];
    const lp = profileOf.get(p.id);
    const missing: CompletenessRow["missing"] = [];
    if (list.length === 0) missing.push({ contactPointId: null, field: "contactPoints" });
    if (!lp?.providerRetention) missing.push({ contactPointId: null, field: "legalProfile.providerRetention" });
    if (!lp?.preservationDays) missing.push({ contactPointId: null, field: "legalProfile.preservationDays" });
    if (!lp?.acceptedLanguages.length) missing.push({ contactPointId: null, field: "legalProfile.acceptedLanguages" });
    for (const cp of list) for (const field of missingFields(cp)) missing.push({ contactPointId: cp.id, field });
    const confirmations = list.map((c) => c.lastConfirmedAt?.getTime() ?? 0);
    return {
      party: { id: p.id, iso2: p.iso2, nameEn: p.nameEn, nameFr: p.nameFr },
      contactPointCount: list.length,
      staleCount: list.filter((c) => isStale(c.lastConfirmedAt, now)).length,
      oldestConfirmation: confirmations.length ? new Date(Math.min(...confirmations)).toISOString() : null,
      missing,
      expiringKeys: list.flatMap((cp) => expiringKeys(cp, now).map((k) => ({ contactPointId: cp.id, ...k }))),
      lastReminderAt: p.lastRemindedAt?.toISOString() ?? null,
    };
  });
}

export async function completenessReport(ctx: AppContext, user: UserRow): Promise<CompletenessRow[]> {
  if (!can(user, "directory.manage")) throw forbidden();
  return ctx.db.tx((tx) => partyStates(tx, ctx.clock.now()), actorOf(user));
}

/** Tells a Party's members what is stale or missing; records when, so the weekly job does not repeat it. */
async function remind(tx: Tx, row: CompletenessRow, at: Date, channels: { email: boolean }): Promise<number> {
  const n = await notify(
    tx,
    { partyId: row.party.id, roles: ["party_admin", "officer"] },
    {
      kind: "directory.reminder",
      params: { party: row.party.iso2, stale: row.staleCount, missing: row.missing.length },
      link: `/directory/parties/${row.party.iso2}`,
    },
    at,
    channels,
  );
  await emitWebhookEvent(
    tx,
    row.party.id,
    "directory.reminder",
    { party: row.party.iso2, stale: row.staleCount, missing: row.missing.length },
    at,
  );
  await tx.update(parties).set({ lastRemindedAt: at }).where(eq(parties.id, row.party.id));
  return n;
}

export async function remindParty(
  ctx: AppContext,
  user: UserRow,
  iso2: string,
  meta: RequestMeta,
): Promise<{ remindedAt: string; recipients: number }> {
  if (!can(user, "directory.manage")) throw forbidden();
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const row = (await partyStates(tx, at)).find((r) => r.party.iso2 === iso2.toUpperCase());
    if (!row) throw notFound(`No Party with code ${iso2.toUpperCase()}.`);
    const recipients = await remind(tx, row, at, emailOn(ctx));
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "directory.party.reminded",
      targetType: "party",
      targetId: row.party.id,
      details: { party: row.party.iso2, recipients },
    });
    return { remindedAt: at.toISOString(), recipients };
  }, actorOf(user));
}

/**
 * The scheduled check (hourly; idempotent): Parties with stale entries are reminded at most weekly,
 * and owners of keys expiring within 30 days are warned at most weekly per contact point.
 */
export async function runFreshnessChecks(ctx: AppContext): Promise<{ reminded: number; keyWarnings: number }> {
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    let reminded = 0;
    let keyWarnings = 0;
    const due = (last: Date | null) => !last || at.getTime() - last.getTime() >= REMINDER_INTERVAL_MS;
    const partyRows = new Map((await tx.select().from(parties)).map((p) => [p.id, p]));
    for (const row of await partyStates(tx, at)) {
      if (row.staleCount > 0 && due(partyRows.get(row.party.id)?.lastRemindedAt ?? null)) {
        await remind(tx, row, at, emailOn(ctx));
        reminded++;
      }
    }
    for (const cp of await tx.select().from(contactPoints)) {
      const keys = expiringKeys(cp, at);
      if (keys.length === 0 || !due(cp.keyWarningSentAt)) continue;
      const party = partyRows.get(cp.partyId);
      for (const k of keys) {
        await notify(
          tx,
          { partyId: cp.partyId, roles: ["party_admin"] },
          {
            kind: "directory.key_expiring",
            params: { party: party?.iso2 ?? null, fingerprint: k.fingerprint, expiresOn: k.expiresOn },
            link: `/directory/parties/${party?.iso2 ?? ""}`,
          },
          at,
          emailOn(ctx),
        );
      }
      await tx.update(contactPoints).set({ keyWarningSentAt: at }).where(eq(contactPoints.id, cp.id));
      keyWarnings++;
    }
    if (reminded || keyWarnings) {
      await appendAudit(
        tx,
        at,
        { userId: null, label: "scheduler", partyId: null },
        {
          action: "directory.freshness.checked",
          details: { reminded, keyWarnings },
        },
      );
    }
    return { reminded, keyWarnings };
  }, SYSTEM_ACTOR);
}

import { and, asc, eq, getTableColumns, inArray, ne, sql } from "drizzle-orm";
import {
  CONTACT_POINT_FIELD_NAMES,
  type ContactPoint,
  type ContactPointFields,
  DIRECTORY_FORMAT,
  type DirectoryDocument,
  type LegalProfile,
  type LegalProfileFields,
  type PartyFields,
  type ReleaseContactPoint,
  STALE_AFTER_DAYS,
} from "../../shared/directory";
import { foldCompact, foldSpaced } from "../../shared/text";
import type { Tx } from "../db/database";
import { type Params, shaped } from "../db/statement-shapes";
import { notFound } from "../http/errors";
import { contactPoints, legalProfiles, parties, searchWords } from "./tables";

/**
 * The directory's own data access: Parties, contact points and legal profiles. Every write of a
 * contact point goes through here so that its search text and revision stay right.
 */

export type PartyRow = typeof parties.$inferSelect;
export type ContactPointRow = typeof contactPoints.$inferSelect;
/** A contact point without its search columns, which are large and only ever queried in SQL. */
export type ContactPointEntry = Omit<ContactPointRow, "searchText" | "searchCompact" | "searchVector">;
const { searchText: _t, searchCompact: _c, searchVector: _v, ...entryColumns } = getTableColumns(contactPoints);
export const contactPointEntryColumns = entryColumns;
type PartyNames = Pick<PartyRow, "iso2" | "nameEn" | "nameFr" | "altNames">;

const DAY_MS = 86_400_000;

export function isStale(lastConfirmedAt: Date | null, now: Date): boolean {
  return !lastConfirmedAt || now.getTime() - lastConfirmedAt.getTime() > STALE_AFTER_DAYS * DAY_MS;
}

/** Everything a person might type to find this entry, folded (see shared/text.ts). */
export function searchDocument(
  party: PartyNames,
  cp: ContactPointFields,
): { searchText: string; searchCompact: string } {
  const parts = [
    party.iso2,
    party.nameEn,
    party.nameFr,
    ...party.altNames,
    cp.type.replace(/_/g, " "),
    cp.institution,
    cp.unit,
    cp.address,
    ...cp.phones.flatMap((p) => [p.number, p.note]),
    ...cp.emails.flatMap((e) => [e.address, e.note]),
    ...cp.secureChannels.flatMap((c) => [c.name, c.note]),
    cp.outOfHours,
    cp.instructions,
    cp.mlaCoordination,
    ...cp.languages,
    ...cp.functions.map((f) => f.replace(/_/g, " ")),
    ...cp.encryptionKeys.map((k) => k.fingerprint),
  ];
  const text = parts.filter((p): p is string => !!p).join(" ");
  return { searchText: foldSpaced(text), searchCompact: foldCompact(text) };
}

/** Adds the words of a search text to the dictionary that typo-tolerant search looks in. */
async function rememberWords(tx: Tx, searchText: string): Promise<void> {
  const words = [...new Set(searchText.split(" ").filter((w) => w.length > 0 && w.length <= 100))];
  if (words.length)
    await tx
      .insert(searchWords)
      .values(words.map((word) => ({ word })))
      .onConflictDoNothing();
}

/** The editable fields of a stored contact point, in the shared schema's shape. */
export function fieldsOf(row: ContactPointEntry): ContactPointFields {
  return {
    isPrimary: row.isPrimary,
    type: row.type,
    institution: row.institution,
    unit: row.unit,
    address: row.address,
    phones: row.phones.map((p) => ({ ...p, available247: p.available247 ?? false })),
    emails: row.emails,
    secureChannels: row.secureChannels,
    available247: row.available247,
    timeZone: row.timeZone,
    openingHours: row.openingHours,
    outOfHours: row.outOfHours,
    languages: row.languages,
    instructions: row.instructions,
    functions: row.functions as ContactPointFields["functions"],
    handlesSap: row.handlesSap,
    mlaCoordination: row.mlaCoordination,
    networks: row.networks as ContactPointFields["networks"],
    encryptionKeys: row.encryptionKeys,
    sharedWithObservers: row.sharedWithObservers,
  };
}

/** Presenter: the API's view of a contact point. */
export function presentContactPoint(row: ContactPointEntry, now: Date): ContactPoint {
  return {
    ...fieldsOf(row),
    id: row.id,
    partyId: row.partyId,
    lastConfirmedAt: row.lastConfirmedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    stale: isStale(row.lastConfirmedAt, now),
  };
}

export async function findPartyByIso2(tx: Tx, iso2: string): Promise<PartyRow | undefined> {
  const [row] = await tx.select().from(parties).where(eq(parties.iso2, iso2.toUpperCase())).limit(1);
  return row;
}

/** The Party with this ISO code, or a 404 naming the code. */
export async function requireParty(tx: Tx, iso2: string): Promise<PartyRow> {
  const party = await findPartyByIso2(tx, iso2);
  if (!party) throw notFound(`No Party with code ${iso2.toUpperCase()}.`);
  return party;
}

export async function findPartyById(tx: Tx, id: string): Promise<PartyRow | undefined> {
  const [row] = await tx.select().from(parties).where(eq(parties.id, id)).limit(1);
  return row;
}

export async function findContactPoint(tx: Tx, id: string): Promise<ContactPointRow | undefined> {
  const [row] = await contactPointById(tx, { id });
  return row;
}

const contactPointById = shaped((tx, p: Params<{ id: string }>) =>
  tx.select().from(contactPoints).where(eq(contactPoints.id, p.id)).limit(1),
);

/** A Party's contact points, primary first. `sharedOnly` keeps those shared with observers. */
export async function contactPointsOf(tx: Tx, partyId: string, sharedOnly = false): Promise<ContactPointRow[]> {
  return tx
    .select()
    .from(contactPoints)
    .where(
      sharedOnly
        ? and(eq(contactPoints.partyId, partyId), eq(contactPoints.sharedWithObservers, true))
        : eq(contactPoints.partyId, partyId),
    )
    .orderBy(sql`${contactPoints.isPrimary} desc`, asc(contactPoints.createdAt), asc(contactPoints.id));
}

const EMPTY_LEGAL_PROFILE: LegalProfileFields = {
  providerRetention: null,
  preservationDays: null,
  preservationExtendable: null,
  extensionNote: null,
  acceptedLanguages: [],
  acceptedTemplates: [],
  ackTargetMinutes: null,
  emergencyAckTargetMinutes: null,
  notes: null,
};

export async function legalProfileOf(tx: Tx, partyId: string): Promise<LegalProfile & { revision: number }> {
  const [row] = await tx.select().from(legalProfiles).where(eq(legalProfiles.partyId, partyId)).limit(1);
  if (!row) return { ...EMPTY_LEGAL_PROFILE, updatedAt: null, revision: 0 };
  return {
    providerRetention: row.providerRetention,
    preservationDays: row.preservationDays,
    preservationExtendable: row.preservationExtendable,
    extensionNote: row.extensionNote,
    acceptedLanguages: row.acceptedLanguages,
    acceptedTemplates: row.acceptedTemplates as LegalProfileFields["acceptedTemplates"],
    ackTargetMinutes: row.ackTargetMinutes,
    emergencyAckTargetMinutes: row.emergencyAckTargetMinutes,
    notes: row.notes,
    updatedAt: row.updatedAt.toISOString(),
    revision: row.revision,
  };
}

export function legalFieldsOf(p: LegalProfileFields): LegalProfileFields {
  return {
    providerRetention: p.providerRetention,
    preservationDays: p.preservationDays,
    preservationExtendable: p.preservationExtendable,
    extensionNote: p.extensionNote,
    acceptedLanguages: p.acceptedLanguages,
    acceptedTemplates: p.acceptedTemplates,
    ackTargetMinutes: p.ackTargetMinutes,
    emergencyAckTargetMinutes: p.emergencyAckTargetMinutes,
    notes: p.notes,
  };
}

export async function saveLegalProfile(tx: Tx, partyId: string, fields: LegalProfileFields, at: Date): Promise<void> {
  await tx
    .insert(legalProfiles)
    .values({ partyId, ...fields, updatedAt: at })
    .onConflictDoUpdate({
      target: legalProfiles.partyId,
      set: { ...fields, updatedAt: at, revision: sql`${legalProfiles.revision} + 1` },
    });
}

/** The only primary of its Party: another primary is demoted to secondary in the same transaction. */
async function demoteOtherPrimary(tx: Tx, partyId: string, keepId: string | null, at: Date): Promise<void> {
  await tx
    .update(contactPoints)
    .set({ isPrimary: false, updatedAt: at, revision: sql`${contactPoints.revision} + 1` })
    .where(
      and(
        eq(contactPoints.partyId, partyId),
        eq(contactPoints.isPrimary, true),
        keepId ? ne(contactPoints.id, keepId) : undefined,
      ),
    );
}

export async function insertContactPoint(
  tx: Tx,
  party: PartyRow,
  fields: ContactPointFields,
  at: Date,
  opts: { id?: string; lastConfirmedAt?: Date | null } = {},
): Promise<ContactPointRow> {
  if (fields.isPrimary) await demoteOtherPrimary(tx, party.id, null, at);
  const search = searchDocument(party, fields);
  await rememberWords(tx, search.searchText);
  const [row] = await tx
    .insert(contactPoints)
    .values({
      ...(opts.id ? { id: opts.id } : {}),
      partyId: party.id,
      ...fields,
      ...search,
      // A new entry is confirmed by the act of entering it.
      lastConfirmedAt: opts.lastConfirmedAt === undefined ? at : opts.lastConfirmedAt,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateContactPoint(
  tx: Tx,
  party: PartyRow,
  id: string,
  fields: ContactPointFields,
  at: Date,
  opts: { lastConfirmedAt?: Date | null } = {},
): Promise<ContactPointRow> {
  if (fields.isPrimary) await demoteOtherPrimary(tx, party.id, id, at);
  const search = searchDocument(party, fields);
  await rememberWords(tx, search.searchText);
  const [row] = await tx
    .update(contactPoints)
    .set({
      ...fields,
      ...search,
      lastConfirmedAt: opts.lastConfirmedAt === undefined ? at : opts.lastConfirmedAt,
      updatedAt: at,
      revision: sql`${contactPoints.revision} + 1`,
    })
    .where(and(eq(contactPoints.id, id), eq(contactPoints.partyId, party.id)))
    .returning();
  if (!row) throw new Error(`contact point ${id} not found in ${party.iso2}`);
  return row;
}

export async function deleteContactPoint(tx: Tx, id: string): Promise<void> {
  await tx.delete(contactPoints).where(eq(contactPoints.id, id));
}

/** Writes a Party's own fields and refreshes the search text of its contact points (names changed). */
export async function updateParty(tx: Tx, party: PartyRow, fields: PartyFields, at: Date): Promise<PartyRow> {
  const [row] = await tx
    .update(parties)
    .set({ ...fields, iso2: party.iso2, updatedAt: at })
    .where(eq(parties.id, party.id))
    .returning();
  if (!row) throw new Error("party vanished");
  for (const cp of await contactPointsOf(tx, party.id)) {
    const search = searchDocument(row, fieldsOf(cp));
    await rememberWords(tx, search.searchText);
    await tx.update(contactPoints).set(search).where(eq(contactPoints.id, cp.id));
  }
  return row;
}

export async function insertParty(tx: Tx, fields: PartyFields, at: Date): Promise<PartyRow> {
  const [row] = await tx
    .insert(parties)
    .values({ ...fields, createdAt: at, updatedAt: at })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** "Unchanged": the Party confirms all its entries at once. */
export async function confirmPartyEntries(tx: Tx, partyId: string, at: Date): Promise<number> {
  const rows = await tx
    .update(contactPoints)
    .set({ lastConfirmedAt: at })
    .where(eq(contactPoints.partyId, partyId))
    .returning({ id: contactPoints.id });
  return rows.length;
}

export function partyFieldsOf(row: PartyRow): PartyFields {
  return {
    iso2: row.iso2,
    nameEn: row.nameEn,
    nameFr: row.nameFr,
    altNames: row.altNames,
    status: row.status,
    conventionRatifiedOn: row.conventionRatifiedOn,
    sapRatifiedOn: row.sapRatifiedOn,
  };
}

function releaseContactPoint(row: ContactPointRow): ReleaseContactPoint {
  const fields = fieldsOf(row);
  // Fixed key order, so documents compare and print the same way every time.
  const ordered = Object.fromEntries(CONTACT_POINT_FIELD_NAMES.map((k) => [k, fields[k]])) as ContactPointFields;
  return { id: row.id, ...ordered, lastConfirmedAt: row.lastConfirmedAt?.toISOString() ?? null };
}

/**
 * The whole directory as one document (the release and export format), Parties by ISO code.
 * `sharedOnly`: what observers may see.
 */
export async function readDirectoryDocument(tx: Tx, opts: { sharedOnly?: boolean } = {}): Promise<DirectoryDocument> {
  const partyRows = await tx.select().from(parties).orderBy(asc(parties.iso2));
  const cpRows = await tx
    .select()
    .from(contactPoints)
    .where(opts.sharedOnly ? eq(contactPoints.sharedWithObservers, true) : undefined)
    .orderBy(sql`${contactPoints.isPrimary} desc`, asc(contactPoints.createdAt), asc(contactPoints.id));
  const profiles = partyRows.length
    ? await tx
        .select()
        .from(legalProfiles)
        .where(
          inArray(
            legalProfiles.partyId,
            partyRows.map((p) => p.id),
          ),
        )
    : [];
  const byParty = new Map<string, ContactPointRow[]>();
  for (const cp of cpRows) byParty.set(cp.partyId, [...(byParty.get(cp.partyId) ?? []), cp]);
  const profileOf = new Map(profiles.map((p) => [p.partyId, p]));
  const docParties = partyRows
    .filter((p) => !opts.sharedOnly || byParty.has(p.id))
    .map((p) => {
      const lp = profileOf.get(p.id);
      return {
        ...partyFieldsOf(p),
        legalProfile: lp
          ? {
              providerRetention: lp.providerRetention,
              preservationDays: lp.preservationDays,
              preservationExtendable: lp.preservationExtendable,
              extensionNote: lp.extensionNote,
              acceptedLanguages: lp.acceptedLanguages,
              acceptedTemplates: lp.acceptedTemplates as LegalProfileFields["acceptedTemplates"],
              ackTargetMinutes: lp.ackTargetMinutes,
              emergencyAckTargetMinutes: lp.emergencyAckTargetMinutes,
              notes: lp.notes,
            }
          : { ...EMPTY_LEGAL_PROFILE },
        contactPoints: (byParty.get(p.id) ?? []).map(releaseContactPoint),
      };
    });
  return { format: DIRECTORY_FORMAT, version: null, publishedAt: null, notes: "", parties: docParties };
}

/** What a ping test needs of each contact point, with its Party (pings/ asks here, not the tables). */
export type PingableContactPoint = {
  contactPointId: string;
  partyId: string;
  iso2: string;
  nameEn: string;
  nameFr: string;
  partyStatus: PartyRow["status"];
  institution: string;
  type: ContactPointRow["type"];
  timeZone: string;
  languages: string[];
  emails: string[];
};

/** Every contact point of the directory, by Party code, primary first. */
export async function pingableContactPoints(tx: Tx): Promise<PingableContactPoint[]> {
  const rows = await tx
    .select({
      contactPointId: contactPoints.id,
      partyId: parties.id,
      iso2: parties.iso2,
      nameEn: parties.nameEn,
      nameFr: parties.nameFr,
      partyStatus: parties.status,
      institution: contactPoints.institution,
      type: contactPoints.type,
      timeZone: contactPoints.timeZone,
      languages: contactPoints.languages,
      emails: contactPoints.emails,
    })
    .from(contactPoints)
    .innerJoin(parties, eq(parties.id, contactPoints.partyId))
    .orderBy(
      asc(parties.iso2),
      sql`${contactPoints.isPrimary} desc`,
      asc(contactPoints.createdAt),
      asc(contactPoints.id),
    );
  return rows.map((r) => ({ ...r, emails: [...new Set(r.emails.map((e) => e.address.toLowerCase()))] }));
}

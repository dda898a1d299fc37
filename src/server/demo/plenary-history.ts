import { count, eq } from "drizzle-orm";
import type { DirectoryDocument, ReleaseContactPoint, ReleaseParty } from "../../shared/directory";
import { ActivityInput, type RegistrationInput } from "../../shared/plenary";
import { users } from "../auth/tables";
import { insertActivity } from "../capacity-building/activities";
import type { AppContext } from "../context";
import { readDirectoryDocument } from "../directory/entries";
import { insertRelease } from "../directory/releases";
import { directoryReleases } from "../directory/tables";
import { insertMeeting, insertRegistration } from "../meetings/meetings";
import { DEMO_PARTIES } from "./network-data";

/*
 * The demo network's 2024, FICTIONAL like the rest of it, made so that the plenary report of
 * June–November 2024 reads as the Secretariat presented it to the 31st T-CY plenary (source
 * document 001): 12 updated versions of the directory shared (Albania, Benin, Bulgaria, Cameroon,
 * Côte d'Ivoire, Croatia, Finland, Fiji, Georgia, Italy, Kiribati, North Macedonia, Peru,
 * Philippines, Spain), the new contact points of Côte d'Ivoire, Benin, Kiribati and Fiji, the
 * annual meeting of 18 October 2024 at Europol (94 delegates, 81 in person and 13 online, from
 * 59 countries, 48 Parties and 11 observers, and 4 international organisations) and the year's
 * capacity building. The last version is the directory as loaded, so the figures agree.
 */

/** Parties whose primary contact point updated its instructions in 2024 (the older text before). */
const UPDATED = ["AL", "BG", "CM", "HR", "FI", "GE", "IT", "MK", "PE", "PH", "ES"];
/** Parties that joined the directory in 2024. */
const JOINED = ["BJ", "KI", "FJ"];
/** Côte d'Ivoire notified a further contact point in 2024: its INTERPOL bureau. */
const NEW_CONTACT_POINT = { iso2: "CI", unit: "BCN-Interpol Abidjan" };
const OLDER_INSTRUCTIONS = "Send requests by e-mail in English; call the duty phone to announce urgent ones.";

/** The baseline of May 2024, then the twelve versions of the period with the Parties each one changed. */
const VERSIONS: { version: string; at: string; parties: string[] }[] = [
  { version: "2024-05", at: "2024-05-15T10:00:00Z", parties: [] },
  { version: "2024-06", at: "2024-06-12T10:00:00Z", parties: ["AL"] },
  { version: "2024-06.1", at: "2024-06-27T10:00:00Z", parties: ["BJ"] },
  { version: "2024-07", at: "2024-07-10T10:00:00Z", parties: ["BG", "CM"] },
  { version: "2024-07.1", at: "2024-07-24T10:00:00Z", parties: ["CI"] },
  { version: "2024-08", at: "2024-08-21T10:00:00Z", parties: ["HR"] },
  { version: "2024-09", at: "2024-09-04T10:00:00Z", parties: ["FI", "FJ"] },
  { version: "2024-09.1", at: "2024-09-18T10:00:00Z", parties: ["GE"] },
  { version: "2024-10", at: "2024-10-02T10:00:00Z", parties: ["IT"] },
  { version: "2024-10.1", at: "2024-10-23T10:00:00Z", parties: ["KI"] },
  { version: "2024-10.2", at: "2024-10-30T10:00:00Z", parties: ["MK", "PE"] },
  { version: "2024-11", at: "2024-11-13T10:00:00Z", parties: ["PH"] },
  { version: "2024-11.1", at: "2024-11-27T10:00:00Z", parties: ["ES"] },
];

/** A Party as it was before its 2024 change; null when it was not in the directory yet. */
function before(p: ReleaseParty): ReleaseParty | null {
  if (JOINED.includes(p.iso2)) return null;
  if (p.iso2 === NEW_CONTACT_POINT.iso2)
    return { ...p, contactPoints: p.contactPoints.filter((cp) => cp.unit !== NEW_CONTACT_POINT.unit) };
  if (UPDATED.includes(p.iso2)) {
    const [primary, ...rest] = p.contactPoints;
    if (!primary) return p;
    const older: ReleaseContactPoint = { ...primary, instructions: OLDER_INSTRUCTIONS };
    return { ...p, contactPoints: [older, ...rest] };
  }
  return p;
}

function stateAfter(current: DirectoryDocument, changed: Set<string>): DirectoryDocument {
  return {
    ...current,
    parties: current.parties
      .map((p) => (changed.has(p.iso2) ? p : before(p)))
      .filter((p): p is ReleaseParty => p !== null),
  };
}

const OBSERVERS = ["EC", "KZ", "MX", "NZ", "KR", "VU", "TT", "JO", "LB", "GT", "DZ"];
const ORGANISATIONS: [string, number][] = [
  ["Europol", 3],
  ["INTERPOL", 2],
  ["Eurojust", 1],
  ["UNODC", 1],
];

/** 94 delegates who came (81 in person, 13 online), and some who were invited and did not. */
export function demoRegistrations(): RegistrationInput[] {
  const partyCodes = DEMO_PARTIES.filter((p) => p.status === "party")
    .map((p) => p.iso2)
    .slice(0, 48);
  const out: RegistrationInput[] = [];
  const delegate = (
    kind: RegistrationInput["kind"],
    key: string,
    extra: Partial<RegistrationInput>,
  ): RegistrationInput => ({
    name: `Delegate ${key}`,
    email: `delegate.${key.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@example.org`,
    kind,
    organisation: null,
    mode: "in_person",
    status: "registered",
    attended: true,
    ...extra,
  });
  // 76 delegates of 48 Parties: one each, a second one for the first 28; 8 of them online.
  partyCodes.forEach((iso2, i) => {
    out.push(delegate("party", `${iso2}-1`, { country: iso2, mode: i < 8 ? "online" : "in_person" }));
    if (i < 28) out.push(delegate("party", `${iso2}-2`, { country: iso2 }));
  });
  // 11 observer States, one delegate each; 5 online.
  OBSERVERS.forEach((iso2, i) => {
    out.push(delegate("observer", `${iso2}-1`, { country: iso2, mode: i >= 6 ? "online" : "in_person" }));
  });
  // 4 international organisations, 7 delegates, all in person.
  for (const [name, n] of ORGANISATIONS) {
    for (let k = 1; k <= n; k++) out.push(delegate("organisation", `${name}-${k}`, { organisation: name }));
  }
  // Invited and never answered, declined, registered and absent: none of them counts.
  const rest = DEMO_PARTIES.filter((p) => p.status === "party").slice(48, 54);
  rest.forEach((p, i) => {
    const status = i < 2 ? "invited" : i < 4 ? "declined" : "registered";
    out.push(delegate("party", `${p.iso2}-1`, { country: p.iso2, status, attended: false }));
  });
  return out;
}

const ACTIVITIES = [
  {
    title: "Responsibilities, regulations, templates, internal cooperation and promotion, training",
    kind: "contact_point_setup",
    countries: ["EC", "KI", "CM", "GD"],
    startsOn: "2024-06-18",
    project: "GLACY-e",
  },
  {
    title: "Contribution of experienced 24/7 contact points to the support of new ones",
    kind: "contact_point_setup",
    countries: ["AM", "EE", "RO", "CZ", "CR", "CO", "CL", "PE", "DO"],
    startsOn: "2024-07-02",
    project: "GLACY-e",
  },
  {
    title: "Regional meeting on the implementation of the Second Additional Protocol (10 Latin American countries)",
    kind: "regional_meeting",
    countries: ["CO"],
    startsOn: "2024-07-16",
    project: "GLACY-e",
  },
  {
    title: "Workshop on legislation",
    kind: "workshop",
    countries: ["TN"],
    startsOn: "2024-09-10",
    project: "CyberSouth",
  },
  {
    title: "Workshop on acceding to the Budapest Convention",
    kind: "workshop",
    countries: ["KZ"],
    startsOn: "2024-09-24",
    project: "Octopus",
  },
  {
    title: "Study visit of the 24/7 contact point of Ecuador to the Dominican Republic",
    kind: "study_visit",
    countries: ["EC", "DO"],
    startsOn: "2024-10-08",
    project: "GLACY-e",
  },
  {
    title: "Dedicated workshops for new members of the Network",
    kind: "workshop",
    countries: ["BJ", "CI", "FJ", "VU"],
    startsOn: "2024-11-05",
    project: "GLACY-e",
  },
] as const;

/**
 * Loads the demo's 2024 once, as the system, after the demo network (demo/seed.ts): on a
 * database whose directory has never been released. Returns whether it did.
 */
export async function loadDemoPlenaryHistory(ctx: AppContext): Promise<boolean> {
  const now = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const [released] = await tx.select({ n: count() }).from(directoryReleases);
    if ((released?.n ?? 0) > 0) return false;
    const [desk] = await tx.select({ id: users.id }).from(users).where(eq(users.email, "secretariat@example.org"));
    const current = await readDirectoryDocument(tx);
    const changed = new Set<string>();
    for (const v of VERSIONS) {
      for (const p of v.parties) changed.add(p);
      const notes = v.parties.length
        ? `Updated entries: ${v.parties.join(", ")}.`
        : "Directory of the 24/7 contact points as of May 2024.";
      await insertRelease(tx, stateAfter(current, changed), {
        version: v.version,
        notes,
        at: new Date(v.at),
        by: desk?.id ?? null,
        signedAt: now,
      });
    }
    const meetingId = await insertMeeting(
      tx,
      {
        title: "2024 Annual meeting of the 24/7 Network of contact points",
        startsOn: "2024-10-18",
        place: "EUROPOL, The Hague",
        notes:
          "Updates by new members; good practices; functioning of the Network, capacity building, international cooperation, synergies with other networks.",
      },
      new Date("2024-07-01T09:00:00Z"),
    );
    for (const r of demoRegistrations()) await insertRegistration(tx, meetingId, r, new Date("2024-09-01T09:00:00Z"));
    for (const a of ACTIVITIES) await insertActivity(tx, ActivityInput.parse(a), new Date(`${a.startsOn}T08:00:00Z`));
    return true;
  });
}

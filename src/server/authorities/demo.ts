import {
  type AuthorityChannel,
  type AuthorityFields,
  type AuthorityRole,
  AuthoritySubmission,
  EMPTY_AUTHORITY,
} from "../../shared/authorities";
import type { Tx } from "../db/database";
import { authorityDeclarations, authoritySubmissions } from "./tables";

/*
 * The demo network's authorities directory (FICTIONAL data: invented names, example.org
 * addresses, +99 numbers). It reproduces the state of play reported to the T-CY in December 2024:
 * 55 of the 76 Parties gave input; some left fields empty (the declaration's data are shown
 * instead, or nothing where the declaration has none, e.g. no e-mail address); some copied their
 * declarations; a few gave data that differ from their declarations. Four recent Parties have no
 * declaration on record.
 */

export type DemoAuthorityParty = {
  iso2: string;
  nameEn: string;
  city: string;
  languages: string[];
  ratifiedOn: string | null;
};

/** The 21 Parties that have not answered yet (the campaign's first addressees). */
export const DEMO_NO_INPUT = [
  "AD",
  "BJ",
  "CV",
  "CM",
  "CI",
  "CL",
  "FJ",
  "GH",
  "GD",
  "KI",
  "MU",
  "MA",
  "NG",
  "PA",
  "PY",
  "SN",
  "SL",
  "LK",
  "TO",
  "TN",
  "MC",
] as const;
/** Parties whose answer differs from their declaration (the data they gave are kept). */
export const DEMO_DIFFERING = ["RO", "FR", "DE", "JP", "PH", "UA"] as const;
/** Recent Parties with no declaration on record with the Treaty Office (in the demo). */
const NO_DECLARATION = new Set(["KI", "TO", "GD", "FJ"]);

const slug = (iso2: string) => iso2.toLowerCase();
const phone = (seed: number) => `+99${String(2000000 + seed * 7919).slice(0, 9)}`;

function declared(p: DemoAuthorityParty, role: AuthorityRole, i: number): AuthorityFields {
  const channels: AuthorityChannel[] =
    role === "mla" ? ["central_authority", "diplomatic"] : role === "extradition" ? ["diplomatic"] : ["interpol"];
  const name =
    role === "mla"
      ? `Ministry of Justice of ${p.nameEn}, Directorate of International Legal Co-operation`
      : role === "extradition"
        ? `Ministry of Justice of ${p.nameEn}, Extradition Unit`
        : `National Central Bureau of INTERPOL, ${p.city}`;
  return {
    ...EMPTY_AUTHORITY,
    name,
    address: `${10 + (i % 40)} Treaty Street, ${p.city}`,
    phones: [phone(i * 3 + (role === "mla" ? 0 : role === "extradition" ? 1 : 2))],
    // Many declarations give no e-mail address: every third one here.
    emails:
      i % 3 === 0
        ? []
        : [`${role === "mla" ? "mla" : role === "extradition" ? "extradition" : "ncb"}.${slug(p.iso2)}@example.org`],
    languages: [...new Set(["en", ...p.languages.slice(0, 1)])],
    channels,
  };
}

function submission(p: DemoAuthorityParty, i: number, decl: (r: AuthorityRole) => AuthorityFields | null) {
  const mla = decl("mla");
  const ext = decl("extradition");
  const own = (role: AuthorityRole): AuthorityFields => ({
    ...(decl(role) ?? declared(p, role, i)),
    emails: [`${role === "mla" ? "central.authority" : "extradition.desk"}.${slug(p.iso2)}@example.org`],
    notes:
      role === "mla" ? "Urgent requests in advance by e-mail, then through the central authority (Art. 25(3))." : null,
  });
  if ((DEMO_DIFFERING as readonly string[]).includes(p.iso2)) {
    // The Party names another body than its declaration, with its own contacts.
    return {
      mla: {
        ...own("mla"),
        name: `Prosecutor General's Office of ${p.nameEn}, International Co-operation Department`,
        address: `${5 + (i % 20)} Justice Square, ${p.city}`,
        phones: [phone(i * 3 + 90)],
        channels: ["central_authority", "email", "interpol"] as AuthorityChannel[],
      },
      extradition: own("extradition"),
      provisionalArrest: { ...EMPTY_AUTHORITY },
    };
  }
  if (i % 3 === 0 && mla && ext) {
    // Copied from the declarations, field for field.
    return { mla, extradition: ext, provisionalArrest: { ...EMPTY_AUTHORITY } };
  }
  if (i % 4 === 1) {
    // Left fields empty: the declarations' data show instead, where they have any.
    return {
      mla: { ...own("mla"), emails: [], address: null },
      extradition: { ...EMPTY_AUTHORITY, name: ext?.name ?? `Ministry of Justice of ${p.nameEn}`, languages: ["en"] },
      provisionalArrest: { ...EMPTY_AUTHORITY },
    };
  }
  return {
    mla: own("mla"),
    extradition: own("extradition"),
    provisionalArrest: i % 5 === 2 ? own("provisionalArrest") : { ...EMPTY_AUTHORITY },
  };
}

/** Writes the demo's declarations and answers (in the demo loader's transaction, as the system). */
export async function seedDemoAuthorities(
  tx: Tx,
  partyIds: ReadonlyMap<string, string>,
  demo: readonly DemoAuthorityParty[],
  at: Date,
): Promise<void> {
  for (const [i, p] of demo.entries()) {
    const partyId = partyIds.get(p.iso2);
    if (!partyId) throw new Error(`demo party ${p.iso2} missing`);
    const declaredOn = p.ratifiedOn ?? "2015-01-01";
    const decl = (role: AuthorityRole) =>
      NO_DECLARATION.has(p.iso2) || role === "provisionalArrest" ? null : declared(p, role, i);
    for (const role of ["mla", "extradition"] as const) {
      const fields = decl(role);
      if (!fields) continue;
      await tx.insert(authorityDeclarations).values({
        partyId,
        role,
        reference: `ETS185-${role === "mla" ? "27" : "24"}-${p.iso2}`,
        declaredOn,
        fields,
        recordedAt: at,
      });
    }
    if ((DEMO_NO_INPUT as readonly string[]).includes(p.iso2)) continue;
    // Parsed like any answer: the demo's data obey the form's rules.
    const fields = AuthoritySubmission.parse(submission(p, i, decl));
    // Answered before the June 2024 plenary welcomed the draft directory: months before "now".
    const submittedAt = new Date(at.getTime() - (150 + (i % 30)) * 86_400_000);
    await tx.insert(authoritySubmissions).values({ partyId, fields, submittedAt });
  }
}

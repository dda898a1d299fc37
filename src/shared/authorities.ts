import { z } from "zod";
import { Email, type Locale } from "./auth";
import { E164, IsoDate, LanguageCode } from "./directory";

/**
 * The complementary directory of authorities for mutual assistance (Art. 27) and extradition
 * (Art. 24) of the Budapest Convention (issue 8). Per Party, the authorities it gave in its own
 * submission and those of its official declarations with the Treaty Office: every field says where
 * it comes from, and where the two differ both are shown and the Party's data are used.
 * Shared by the server's routes and the web forms.
 */

/** Art. 27 central authority; Art. 24 extradition authority and provisional arrest authority. */
export const AUTHORITY_ROLES = ["mla", "extradition", "provisionalArrest"] as const;
export const AuthorityRole = z.enum(AUTHORITY_ROLES);
export type AuthorityRole = z.infer<typeof AuthorityRole>;
export const ROLE_ARTICLE: Record<AuthorityRole, 24 | 27> = { mla: 27, extradition: 24, provisionalArrest: 24 };

/** How requests may reach the authority. */
export const AUTHORITY_CHANNELS = [
  "central_authority",
  "diplomatic",
  "interpol",
  "email",
  "post",
  "fax",
  "secure_platform",
] as const;
export const AuthorityChannel = z.enum(AUTHORITY_CHANNELS);
export type AuthorityChannel = z.infer<typeof AuthorityChannel>;

export const AUTHORITY_FIELDS = ["name", "address", "phones", "emails", "languages", "channels", "notes"] as const;
export type AuthorityField = (typeof AUTHORITY_FIELDS)[number];

/**
 * What a complete entry has: these fields of the Art. 27 and the Art. 24 extradition authority.
 * The provisional arrest authority is given only where another body handles it (else the
 * extradition authority does), and notes are optional: neither counts as missing.
 */
export const COUNTED_ROLES = ["mla", "extradition"] as const satisfies readonly AuthorityRole[];
export const COUNTED_FIELDS = [
  "name",
  "address",
  "phones",
  "emails",
  "languages",
  "channels",
] as const satisfies readonly AuthorityField[];
/** "mla.emails", "extradition.name"…: how missing fields and discrepancies are named. */
export const COUNTED_FIELD_PATHS: readonly string[] = COUNTED_ROLES.flatMap((r) =>
  COUNTED_FIELDS.map((f) => `${r}.${f}`),
);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((s) => (s ? s : null));

const uniqueList = <T extends z.ZodType<string>>(item: T, max: number, many: string, one: string) =>
  z
    .array(item)
    .max(max, `At most ${max} ${many}`)
    .default([])
    .refine((a) => new Set(a).size === a.length, { message: `The same ${one} is listed twice` });

/** One authority as a Party or a declaration gives it. Every field may be empty; a name is needed once anything is given. */
export const AuthorityFields = z
  .object({
    name: optionalText(300),
    address: optionalText(1000),
    phones: uniqueList(E164, 10, "phone numbers", "phone number"),
    emails: uniqueList(Email, 10, "e-mail addresses", "e-mail address"),
    languages: uniqueList(LanguageCode, 20, "languages", "language"),
    channels: uniqueList(AuthorityChannel, AUTHORITY_CHANNELS.length, "channels", "channel"),
    notes: optionalText(2000),
  })
  .superRefine((a, ctx) => {
    const anything =
      a.address || a.notes || a.phones.length || a.emails.length || a.languages.length || a.channels.length;
    if (anything && !a.name) {
      ctx.addIssue({ code: "custom", path: ["name"], message: "Give the authority's name" });
    }
  });
export type AuthorityFields = z.infer<typeof AuthorityFields>;
export type AuthorityFieldsInput = z.input<typeof AuthorityFields>;

export const EMPTY_AUTHORITY: AuthorityFields = {
  name: null,
  address: null,
  phones: [],
  emails: [],
  languages: [],
  channels: [],
  notes: null,
};

/** A Party's answer to the collection form: its three authorities. */
export const AuthoritySubmission = z
  .object({
    mla: AuthorityFields.default(EMPTY_AUTHORITY),
    extradition: AuthorityFields.default(EMPTY_AUTHORITY),
    provisionalArrest: AuthorityFields.default(EMPTY_AUTHORITY),
  })
  .superRefine((s, ctx) => {
    if (!s.mla.name && !s.extradition.name) {
      ctx.addIssue({
        code: "custom",
        path: ["mla", "name"],
        message: "Give at least the central authority (Art. 27) or the extradition authority (Art. 24)",
      });
    }
  });
export type AuthoritySubmission = z.infer<typeof AuthoritySubmission>;
export type AuthoritySubmissionInput = z.input<typeof AuthoritySubmission>;

/** An official declaration registered with the Treaty Office, as the Secretariat records it. */
export const DeclarationInput = z.object({
  reference: z.string().trim().min(1, "Give the declaration's reference").max(200),
  declaredOn: IsoDate,
  fields: AuthorityFields,
});
export type DeclarationInput = z.infer<typeof DeclarationInput>;

export type FieldValue = string | string[] | null;
const FieldValueSchema = z.union([z.string(), z.array(z.string())]).nullable();

/** One field as shown: its value, where it comes from, and the declaration's value beside it. */
export const FieldView = z.object({
  value: FieldValueSchema,
  source: z.enum(["party", "declaration"]).nullable(),
  declared: FieldValueSchema,
  /** The Party's value differs from its declaration's: both are shown, the Party's is used. */
  discrepancy: z.boolean(),
});
export type FieldView = z.infer<typeof FieldView>;

export const DeclarationRef = z.object({ reference: z.string(), declaredOn: z.string() });
export type DeclarationRef = z.infer<typeof DeclarationRef>;

export const RoleView = z.object({
  role: AuthorityRole,
  article: z.number(),
  declaration: DeclarationRef.nullable(),
  fields: z.object({
    name: FieldView,
    address: FieldView,
    phones: FieldView,
    emails: FieldView,
    languages: FieldView,
    channels: FieldView,
    notes: FieldView,
  }),
});
export type RoleView = z.infer<typeof RoleView>;

export const Discrepancy = z.object({
  role: AuthorityRole,
  field: z.enum(AUTHORITY_FIELDS),
  party: FieldValueSchema,
  declared: FieldValueSchema,
  declaration: DeclarationRef,
});
export type Discrepancy = z.infer<typeof Discrepancy>;

const PartyRef = z.object({ iso2: z.string(), nameEn: z.string(), nameFr: z.string() });

export const PartyAuthorities = z.object({
  party: PartyRef,
  /** The Party has answered the collection form (or the Secretariat entered its answer). */
  provided: z.boolean(),
  submittedAt: z.string().nullable(),
  roles: z.array(RoleView),
  discrepancies: z.array(Discrepancy),
  /** Counted fields its own answer leaves empty ("mla.emails"): all of them without an answer. */
  missing: z.array(z.string()),
  /** The Party's own answer as given, to edit it. */
  submission: z
    .object({ mla: z.unknown(), extradition: z.unknown(), provisionalArrest: z.unknown() })
    .nullable() as z.ZodType<AuthoritySubmission | null>,
  /** Whether the caller may answer for this Party (its own members; the Secretariat for any). */
  canSubmit: z.boolean(),
});
export type PartyAuthorities = z.infer<typeof PartyAuthorities>;

export const AuthoritiesOverview = z.object({
  provided: z.number(),
  total: z.number(),
  parties: z.array(
    PartyRef.extend({
      provided: z.boolean(),
      mlaName: z.string().nullable(),
      extraditionName: z.string().nullable(),
      missingCount: z.number(),
      discrepancyCount: z.number(),
    }),
  ),
});
export type AuthoritiesOverview = z.infer<typeof AuthoritiesOverview>;

export const CampaignInput = z.object({
  /** The date the Secretariat asks the answers by (optional). */
  dueOn: IsoDate.nullish().transform((d) => d ?? null),
});
export type CampaignInput = z.infer<typeof CampaignInput>;

export const CampaignSummary = z.object({
  id: z.string(),
  startedAt: z.string(),
  dueOn: z.string().nullable(),
  /** Parties asked when it started. */
  asked: z.number(),
  /** Of those, how many have answered since. */
  answered: z.number(),
  lastReminderAt: z.string().nullable(),
  reminders: z.number(),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;

export const CollectionProgress = z.object({
  provided: z.number(),
  total: z.number(),
  missing: z.array(PartyRef.extend({ provided: z.boolean(), fields: z.array(z.string()) })),
  campaign: CampaignSummary.nullable(),
});
export type CollectionProgress = z.infer<typeof CollectionProgress>;

export const RemindResult = z.object({ parties: z.number(), recipients: z.number(), at: z.string() });

export const PublishAuthoritiesRelease = z.object({
  version: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/, "Letters, digits, dots, dashes; at most 40 characters"),
  notes: z.string().trim().max(2000).default(""),
});

export const AuthoritiesReleaseSummary = z.object({
  id: z.string(),
  version: z.string(),
  publishedAt: z.string(),
  notes: z.string(),
  provided: z.number(),
  total: z.number(),
  sha256: z.string(),
});
export type AuthoritiesReleaseSummary = z.infer<typeof AuthoritiesReleaseSummary>;

export const AuthoritiesExportFormat = z.enum(["json", "csv", "pdf"]);
export type AuthoritiesExportFormat = z.infer<typeof AuthoritiesExportFormat>;

/** A frozen release: what JSON exports carry, byte for byte under the signature. */
export type AuthoritiesDocument = {
  format: "vigil-authorities/1";
  version: string;
  publishedAt: string;
  notes: string;
  provided: number;
  total: number;
  parties: {
    iso2: string;
    nameEn: string;
    nameFr: string;
    provided: boolean;
    submittedAt: string | null;
    authorities: RoleView[];
    discrepancies: Discrepancy[];
    missing: string[];
  }[];
};

// ---------------------------------------------------------------------------------------------
// The rules: provenance, discrepancies, what is missing. Pure, used by the server.
// ---------------------------------------------------------------------------------------------

const fold = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

function isEmpty(v: FieldValue): boolean {
  return v === null || (Array.isArray(v) && v.length === 0);
}

/** Same data written differently (case, spaces, order of a list) is no discrepancy. */
export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const set = (v: FieldValue) => [...new Set((Array.isArray(v) ? v : v ? [v] : []).map(fold))].sort();
    return JSON.stringify(set(a)) === JSON.stringify(set(b));
  }
  return fold(a ?? "") === fold(b ?? "");
}

export type Declaration = { reference: string; declaredOn: string; fields: AuthorityFields };

/**
 * One role as shown: a field the Party gave is the Party's (a discrepancy where the declaration
 * says otherwise); one it left empty is taken from the declaration, naming it.
 */
export function roleView(
  role: AuthorityRole,
  given: AuthorityFields | null,
  declaration: Declaration | null,
): RoleView {
  const fields = {} as RoleView["fields"];
  for (const f of AUTHORITY_FIELDS) {
    const mine: FieldValue = given ? given[f] : null;
    const declared: FieldValue = declaration ? declaration.fields[f] : null;
    const fromParty = !isEmpty(mine);
    const fromDeclaration = !fromParty && !isEmpty(declared);
    fields[f] = {
      value: fromParty ? mine : fromDeclaration ? declared : null,
      source: fromParty ? "party" : fromDeclaration ? "declaration" : null,
      declared: isEmpty(declared) ? null : declared,
      discrepancy: fromParty && !isEmpty(declared) && !sameValue(mine, declared),
    };
  }
  return {
    role,
    article: ROLE_ARTICLE[role],
    declaration: declaration ? { reference: declaration.reference, declaredOn: declaration.declaredOn } : null,
    fields,
  };
}

export function discrepanciesOf(views: readonly RoleView[]): Discrepancy[] {
  return views.flatMap((v) =>
    v.declaration
      ? AUTHORITY_FIELDS.filter((f) => v.fields[f].discrepancy).map((f) => ({
          role: v.role,
          field: f,
          party: v.fields[f].value,
          declared: v.fields[f].declared,
          declaration: v.declaration as DeclarationRef,
        }))
      : [],
  );
}

/** The counted fields a Party's own answer leaves empty; every one of them without an answer. */
export function missingFields(submission: AuthoritySubmission | null): string[] {
  if (!submission) return [...COUNTED_FIELD_PATHS];
  return COUNTED_ROLES.flatMap((r) => COUNTED_FIELDS.filter((f) => isEmpty(submission[r][f])).map((f) => `${r}.${f}`));
}

// ---------------------------------------------------------------------------------------------
// The e-mail a Party may send to the Treaty Office to update its declaration
// ---------------------------------------------------------------------------------------------

export const TREATY_OFFICE_EMAIL = "treaty.office@coe.int";

const WORDS = {
  en: {
    role: {
      mla: "central authority for mutual assistance (Article 27)",
      extradition: "authority responsible for extradition (Article 24, paragraph 7)",
      provisionalArrest: "authority responsible for provisional arrest (Article 24, paragraph 7)",
    },
    field: {
      name: "Name",
      address: "Address",
      phones: "Telephone",
      emails: "E-mail",
      languages: "Languages",
      channels: "Accepted channels",
      notes: "Notes",
    },
    subject: (party: string) => `${party}: update of declarations under the Convention on Cybercrime (ETS No. 185)`,
    intro: (party: string) =>
      `On behalf of ${party}, we kindly ask the Treaty Office to update the following declaration(s) made under the Convention on Cybercrime (ETS No. 185), so that they read as follows.`,
    declaration: (ref: string, date: string) => `Declaration ${ref} of ${date}`,
    now: "currently registered",
    closing:
      "This e-mail is sent by the Ministry of Foreign Affairs, the Permanent Representation, an Embassy or a Consulate of the State concerned; no hard-copy note verbale is needed.",
  },
  fr: {
    role: {
      mla: "autorité centrale pour l'entraide (article 27)",
      extradition: "autorité responsable de l'extradition (article 24, paragraphe 7)",
      provisionalArrest: "autorité responsable de l'arrestation provisoire (article 24, paragraphe 7)",
    },
    field: {
      name: "Nom",
      address: "Adresse",
      phones: "Téléphone",
      emails: "Courriel",
      languages: "Langues",
      channels: "Canaux acceptés",
      notes: "Remarques",
    },
    subject: (party: string) =>
      `${party} : mise à jour de déclarations relatives à la Convention sur la cybercriminalité (STE n° 185)`,
    intro: (party: string) =>
      `Au nom de ${party}, nous prions le Bureau des Traités de bien vouloir mettre à jour la ou les déclarations suivantes faites au titre de la Convention sur la cybercriminalité (STE n° 185), afin qu'elles se lisent comme suit.`,
    declaration: (ref: string, date: string) => `Déclaration ${ref} du ${date}`,
    now: "actuellement enregistré",
    closing:
      "Ce courriel est envoyé par le ministère des Affaires étrangères, la Représentation permanente, une ambassade ou un consulat de l'État concerné ; aucune note verbale sur papier n'est nécessaire.",
  },
} as const;

const show = (v: FieldValue) => (Array.isArray(v) ? v.join(", ") : (v ?? "—"));

/**
 * The short official e-mail the Party can send to the Treaty Office (the source document: "a
 * simple official email", no note verbale): each declaration whose data differ, the registered
 * value and the one to replace it. Null when nothing differs.
 */
export function declarationUpdateEmail(
  partyName: string,
  discrepancies: readonly Discrepancy[],
  locale: Locale,
): { to: string; subject: string; body: string } | null {
  if (discrepancies.length === 0) return null;
  const w = WORDS[locale];
  // French puts a space before the colon.
  const colon = locale === "fr" ? " : " : ": ";
  const lines: string[] = [w.intro(partyName), ""];
  for (const role of AUTHORITY_ROLES) {
    const mine = discrepancies.filter((d) => d.role === role);
    const first = mine[0];
    if (!first) continue;
    lines.push(
      `${w.declaration(first.declaration.reference, first.declaration.declaredOn)} — ${w.role[role]}${colon.trimEnd()}`,
    );
    for (const d of mine) {
      lines.push(`- ${w.field[d.field]}${colon}${show(d.party)} (${w.now}${colon}${show(d.declared)})`);
    }
    lines.push("");
  }
  lines.push(w.closing);
  return { to: TREATY_OFFICE_EMAIL, subject: w.subject(partyName), body: lines.join("\n") };
}

import type { Locale } from "../../shared/auth";
import type { ContactPointType } from "../../shared/directory";
import type { ActivityKind, Participation, PlenaryReport } from "../../shared/plenary";
import { rowLine } from "../pings/export";
import { countryName } from "./countries";

/** "1 delegate", "94 delegates": English takes the singular for one only. */
const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
/** French takes the singular for 0 and 1 ("0 observateur", "1 Partie"). */
const nFr = (count: number, one: string, many: string) => `${count} ${count < 2 ? one : many}`;

/*
 * The plenary report's words in English and French, laid out once as sections of paragraphs,
 * bullets and tables; pdf.ts and docx.ts print this layout and nothing else, so both files say
 * the same. Every number comes from the report model.
 */

export type Block =
  | { kind: "p"; text: string; bold?: boolean }
  | { kind: "bullets"; items: string[] }
  | { kind: "table"; columns: string[]; rows: string[][] };
export type PlenarySection = { id: string; heading: string; blocks: Block[] };
export type PlenaryLayout = { title: string; subtitle: string; restricted: string; sections: PlenarySection[] };

/** The Convention's text (ETS 185, Article 35), in the Council of Europe's two official languages. */
const ARTICLE_35 = {
  en: [
    "1. Each Party shall designate a point of contact available on a twenty-four hour, seven-day-a-week basis, in order to ensure the provision of immediate assistance for the purpose of investigations or proceedings concerning criminal offences related to computer systems and data, or for the collection of evidence in electronic form of a criminal offence. Such assistance shall include facilitating, or, if permitted by its domestic law and practice, directly carrying out the following measures: a) the provision of technical advice; b) the preservation of data pursuant to Articles 29 and 30; c) the collection of evidence, the provision of legal information, and locating of suspects.",
    "2. a) A Party's point of contact shall have the capacity to carry out communications with the point of contact of another Party on an expedited basis. b) If the point of contact designated by a Party is not part of that Party's authority or authorities responsible for international mutual assistance or extradition, the point of contact shall ensure that it is able to co-ordinate with such authority or authorities on an expedited basis.",
    "3. Each Party shall ensure that trained and equipped personnel are available, in order to facilitate the operation of the network.",
  ],
  fr: [
    "1. Chaque Partie désigne un point de contact joignable vingt-quatre heures sur vingt-quatre, sept jours sur sept, afin d'assurer une assistance immédiate pour des investigations concernant les infractions pénales liées à des systèmes et à des données informatiques, ou pour recueillir les preuves sous forme électronique d'une infraction pénale. Cette assistance englobera la facilitation, ou, si le droit et la pratique internes le permettent, l'application directe des mesures suivantes : a) l'apport de conseils techniques ; b) la conservation des données, conformément aux articles 29 et 30 ; c) le recueil de preuves, l'apport d'informations à caractère juridique, et la localisation des suspects.",
    "2. a) Le point de contact d'une Partie aura les moyens de correspondre avec le point de contact d'une autre Partie selon une procédure accélérée. b) Si le point de contact désigné par une Partie ne dépend pas de l'autorité ou des autorités de cette Partie responsables de l'entraide internationale ou de l'extradition, le point de contact veillera à pouvoir agir en coordination avec cette ou ces autorités, selon une procédure accélérée.",
    "3. Chaque Partie fera en sorte de disposer d'un personnel formé et équipé en vue de faciliter le fonctionnement du réseau.",
  ],
} as const;

const TYPES: Record<Locale, Record<ContactPointType, string>> = {
  en: {
    police: "Police",
    prosecution: "Prosecution",
    ministry_of_justice: "Ministry of Justice",
    security_service: "Security services",
    cybersecurity: "Cybersecurity",
    other: "Other",
  },
  fr: {
    police: "Police",
    prosecution: "Ministère public",
    ministry_of_justice: "Ministère de la Justice",
    security_service: "Services de sécurité",
    cybersecurity: "Cybersécurité",
    other: "Autre",
  },
};

const KINDS: Record<Locale, Record<ActivityKind, string>> = {
  en: {
    contact_point_setup: "Support to the establishment of the 24/7 contact point",
    workshop: "Workshop",
    study_visit: "Study visit",
    regional_meeting: "Regional meeting",
    training: "Training",
    other: "Other activity",
  },
  fr: {
    contact_point_setup: "Soutien à la mise en place du point de contact 24/7",
    workshop: "Atelier",
    study_visit: "Visite d'étude",
    regional_meeting: "Réunion régionale",
    training: "Formation",
    other: "Autre activité",
  },
};

const W = {
  en: {
    colon: ": ",
    title: "Functioning of the 24/7 Network of contact points",
    period: "Period",
    restricted: "Prepared by the T-CY Secretariat from the data of Vigil. Restricted to the Parties and the T-CY.",
    article35: "Convention on Cybercrime – Article 35 – 24/7 Network",
    established: "24/7 Network: contact points established",
    partiesWith: "Parties with contact points",
    moreThanOne: "Parties with more than 1 contact point",
    types: "Types of contact point",
    asOfRelease: (v: string) => `As in the directory version ${v}.`,
    asOfNow: "As in the directory today.",
    developments: "Latest developments",
    noDevelopments: "No contact point was notified or withdrawn in the period.",
    versions: "Directory versions shared",
    versionsLine: (n: number, names: string) =>
      n === 0
        ? "No updated version of the directory was shared with the Network in the period."
        : `${n} updated ${n === 1 ? "version" : "versions"} shared with the Network${names ? ` (${names})` : ""}`,
    versionColumns: ["Version", "Shared on", "Parties updated"],
    pings: "24/7 Network: responsiveness",
    pingsIntro: (day: string) =>
      `Results of the latest “ping” test (${day}) – response times by contact point of Parties:`,
    pingsNone: "No ping test was sent before the end of the period.",
    noAnswer: (n: number) => `No answer: ${n} Parties`,
    parties: "Parties",
    mla: "Directory of authorities for mutual assistance (Art. 27) and extradition (Art. 24)",
    mlaLine: (p: number, t: number) => `${p}/${t} Parties provided input`,
    mlaNone: "No data yet: the directory of authorities gives no figure to this report.",
    meeting: "Annual meeting of the 24/7 Network",
    meetingAt: (place: string, day: string) => `${place}, ${day}`,
    meetingNone: "No annual meeting was held in the period.",
    participation: (p: Participation) =>
      `Participation: ${n(p.delegates, "delegate", "delegates")} (${p.inPerson} in person and ${p.online} online), representing ${n(p.countries, "country", "countries")} (${n(p.parties, "Party", "Parties")} and ${n(p.observers, "Observer", "Observers")}) and ${n(p.organisations, "international organisation", "international organisations")}`,
    invitations: (p: Participation) => `Invitations: ${p.invited}; registrations: ${p.registered}.`,
    capacity: "Capacity building activities",
    capacityNone: "No capacity-building activity was recorded in the period.",
    conclusions: "24/7 Network: conclusions",
    conclusionsNone: "(No conclusions written.)",
  },
  fr: {
    colon: " : ",
    title: "Fonctionnement du réseau 24/7 de points de contact",
    period: "Période",
    restricted:
      "Établi par le Secrétariat du T-CY à partir des données de Vigil. Diffusion restreinte aux Parties et au T-CY.",
    article35: "Convention sur la cybercriminalité – Article 35 – Réseau 24/7",
    established: "Réseau 24/7 : points de contact établis",
    partiesWith: "Parties ayant un point de contact",
    moreThanOne: "Parties ayant plus d'un point de contact",
    types: "Types de point de contact",
    asOfRelease: (v: string) => `Selon la version ${v} de l'annuaire.`,
    asOfNow: "Selon l'annuaire à ce jour.",
    developments: "Derniers développements",
    noDevelopments: "Aucun point de contact n'a été notifié ou retiré pendant la période.",
    versions: "Versions de l'annuaire diffusées",
    versionsLine: (n: number, names: string) =>
      n === 0
        ? "Aucune version mise à jour de l'annuaire n'a été diffusée au réseau pendant la période."
        : `${n} ${n === 1 ? "version mise à jour diffusée" : "versions mises à jour diffusées"} au réseau${names ? ` (${names})` : ""}`,
    versionColumns: ["Version", "Diffusée le", "Parties mises à jour"],
    pings: "Réseau 24/7 : réactivité",
    pingsIntro: (day: string) =>
      `Résultats du dernier test de disponibilité (${day}) – délais de réponse des points de contact des Parties :`,
    pingsNone: "Aucun test de disponibilité n'a été envoyé avant la fin de la période.",
    noAnswer: (n: number) => `Pas de réponse : ${n} Parties`,
    parties: "Parties",
    mla: "Répertoire des autorités d'entraide (art. 27) et d'extradition (art. 24)",
    mlaLine: (p: number, t: number) => `${p}/${t} Parties ont fourni des informations`,
    mlaNone: "Pas encore de données : le répertoire des autorités ne fournit aucun chiffre à ce rapport.",
    meeting: "Réunion annuelle du réseau 24/7",
    meetingAt: (place: string, day: string) => `${place}, ${day}`,
    meetingNone: "Aucune réunion annuelle ne s'est tenue pendant la période.",
    participation: (p: Participation) =>
      `Participation : ${nFr(p.delegates, "délégué", "délégués")} (${p.inPerson} en présentiel et ${p.online} en ligne), représentant ${p.countries} pays (${nFr(p.parties, "Partie", "Parties")} et ${nFr(p.observers, "observateur", "observateurs")}) et ${nFr(p.organisations, "organisation internationale", "organisations internationales")}`,
    invitations: (p: Participation) => `Invitations : ${p.invited} ; inscriptions : ${p.registered}.`,
    capacity: "Activités de renforcement des capacités",
    capacityNone: "Aucune activité de renforcement des capacités n'a été enregistrée pendant la période.",
    conclusions: "Réseau 24/7 : conclusions",
    conclusionsNone: "(Aucune conclusion rédigée.)",
  },
} as const;

/** "7 June 2023" / "7 juin 2023", read in UTC. */
export function longDay(iso: string, lang: Locale): string {
  const day = iso.length === 10 ? `${iso}T00:00:00Z` : iso;
  return new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(day));
}

export function plenaryLayout(r: PlenaryReport, lang: Locale): PlenaryLayout {
  const w = W[lang];
  const name = (p: { nameEn: string; nameFr: string }) => (lang === "fr" ? p.nameFr : p.nameEn);
  const cp = r.contactPoints;
  const sections: PlenarySection[] = [
    { id: "article35", heading: w.article35, blocks: ARTICLE_35[lang].map((text) => ({ kind: "p", text })) },
    {
      id: "established",
      heading: w.established,
      blocks: [
        {
          kind: "bullets",
          items: [`${w.partiesWith}${w.colon}${cp.parties}`, `${w.moreThanOne}${w.colon}${cp.moreThanOne}`],
        },
        { kind: "p", text: `${w.types}${w.colon.trimEnd()}`, bold: true },
        { kind: "bullets", items: cp.byType.map((t) => `${TYPES[lang][t.type]}${w.colon}${t.count}`) },
        { kind: "p", text: cp.asOf ? w.asOfRelease(cp.asOf) : w.asOfNow },
      ],
    },
    {
      id: "developments",
      heading: w.developments,
      blocks: r.developments.length
        ? [{ kind: "bullets", items: r.developments.map((d) => d[lang]) }]
        : [{ kind: "p", text: w.noDevelopments }],
    },
    {
      id: "versions",
      heading: w.versions,
      blocks: [
        { kind: "p", text: w.versionsLine(r.versions.count, r.versions.parties.map(name).join(", ")) },
        ...(r.versions.items.length
          ? [
              {
                kind: "table" as const,
                columns: [...w.versionColumns],
                rows: r.versions.items.map((v) => [
                  v.version,
                  longDay(v.publishedAt, lang),
                  v.parties.map(name).join(", ") || "—",
                ]),
              },
            ]
          : []),
      ],
    },
    {
      id: "pings",
      heading: w.pings,
      blocks: r.pings
        ? [
            { kind: "p", text: w.pingsIntro(longDay(r.pings.firedAt, lang)) },
            { kind: "bullets", items: r.pings.rows.map((row, i) => rowLine(row, i, w.parties, lang)) },
            { kind: "p", text: w.noAnswer(r.pings.unanswered) },
          ]
        : [{ kind: "p", text: w.pingsNone }],
    },
    {
      id: "mla",
      heading: w.mla,
      blocks: [{ kind: "p", text: r.mlaProgress ? w.mlaLine(r.mlaProgress.provided, r.mlaProgress.total) : w.mlaNone }],
    },
    {
      id: "meeting",
      heading: r.meeting
        ? `${w.meeting} (${w.meetingAt(r.meeting.place, longDay(r.meeting.startsOn, lang))})`
        : w.meeting,
      blocks: r.meeting
        ? [
            { kind: "p", text: r.meeting.title, bold: true },
            { kind: "bullets", items: [w.participation(r.meeting.participation)] },
            { kind: "p", text: w.invitations(r.meeting.participation) },
          ]
        : [{ kind: "p", text: w.meetingNone }],
    },
    {
      id: "capacity",
      heading: w.capacity,
      blocks: r.capacityBuilding.length
        ? [
            {
              kind: "bullets",
              items: r.capacityBuilding.map((a) => {
                const where = a.countries.length ? ` (${a.countries.map((c) => countryName(c, lang)).join(", ")})` : "";
                const project = a.project ? ` – ${a.project}` : "";
                return `${longDay(a.startsOn, lang)} · ${KINDS[lang][a.kind]}${w.colon}${a.title}${where}${project}`;
              }),
            },
          ]
        : [{ kind: "p", text: w.capacityNone }],
    },
    {
      id: "conclusions",
      heading: w.conclusions,
      blocks: r.conclusions
        ? r.conclusions.split(/\n+/).map((text) => ({ kind: "p" as const, text }))
        : [{ kind: "p", text: w.conclusionsNone }],
    },
  ];
  return {
    title: w.title,
    subtitle: `${w.period}${w.colon}${longDay(r.from, lang)} – ${longDay(r.to, lang)}`,
    restricted: w.restricted,
    sections,
  };
}

import type { z } from "zod";
import type {
  AssistanceDetails,
  ConfirmationContact,
  EmergencyDetails,
  HandlingConditions,
  Identifier,
  ONWARD_SHARING,
  ParentRelation,
  PreservationDetails,
  REPLY_CHANNELS,
  RequestingAuthority,
  RequestState,
  RequestType,
  SubscriberDetails,
  TrafficDisclosureDetails,
} from "../../../shared/requests";
import type { DocumentLocale } from "./input";

/**
 * Every heading and label of a request document, in English and French. The French follows the
 * official French texts of the Convention (ETS No. 185) and of its Second Additional Protocol
 * (CETS No. 224). Label sets are typed by the schemas' keys, so a field added to a schema does
 * not compile until it has a label in both languages.
 */

type Keys<S extends z.ZodType> = keyof z.infer<S>;
type Labels<S extends z.ZodType, Except extends PropertyKey = never> = Record<Exclude<Keys<S>, Except>, string>;

export type DocumentLabels = {
  titles: Record<RequestType, string>;
  sections: {
    date: string;
    status: string;
    requested: string;
    requesting: string;
    confirmation: string;
    /** Subscriber information: the authorities in charge and the domestic legal basis. */
    authorities: string;
    substance: string;
    preservationSubstance: string;
    identifiers: string;
    handling: string;
    basis: string;
  };
  request: {
    date: string;
    notSent: (createdOn: string) => string;
    number: string;
    reference: string;
    language: string;
    state: string;
    relation: string;
    urgency: string;
    emergency: string;
    notEmergency: string;
    exercise: string;
    isExercise: string;
    notExercise: string;
    answerNeededBy: string;
    /** An emergency sent without a date: Vigil's default deadline after sending. */
    answerWithin: (hours: number) => string;
    requestedParty: string;
    contactPoint: string;
    routed: string;
    requestingParty: string;
    sapStatement: string;
    sapStatementValue: string;
    basis: string;
  };
  requestingAuthority: Labels<typeof RequestingAuthority, "timeZone">;
  confirmationContact: Labels<typeof ConfirmationContact>;
  handlingConditions: Labels<typeof HandlingConditions>;
  details: {
    /** Article 29(2)(a): the authority seeking preservation (the requesting organisation). */
    preservation: Labels<typeof PreservationDetails> & { authority: string };
    traffic: Labels<typeof TrafficDisclosureDetails>;
    subscriber: Labels<typeof SubscriberDetails>;
    emergency: Labels<typeof EmergencyDetails>;
    assistance: Labels<typeof AssistanceDetails>;
  };
  mlaToFollow: string;
  period: (from: string, to: string) => string;
  identifierKinds: Record<Identifier["kind"], string>;
  identifierColumns: { kind: string; value: string; when: string; zone: string; port: string; note: string };
  service: (name: string) => string;
  utc: (utc: string) => string;
  utcAmbiguous: (a: string, b: string) => string;
  utcGap: string;
  noIdentifiers: string;
  onwardSharing: Record<(typeof ONWARD_SHARING)[number], string>;
  replyChannels: Record<(typeof REPLY_CHANNELS)[number], string>;
  confidential: { yes: string; no: string };
  sensitive: { yes: string; no: string };
  noUseLimits: string;
  states: Record<RequestState, string>;
  newRequest: string;
  relations: Record<ParentRelation, (number: string) => string>;
  notStated: string;
  emergencyBanner: string;
  draftBanner: string;
  exerciseBanner: string;
  confidentialityNote: string;
  /** Pages as text: the Word renderer passes placeholders it replaces with page-number fields. */
  footer: (number: string, page: string, total: string) => string;
  subject: string;
};

const en: DocumentLabels = {
  titles: {
    preservation: "Request for expedited preservation of stored computer data (Article 29)",
    traffic_disclosure: "Request for expedited disclosure of preserved traffic data (Article 30)",
    subscriber_information: "Mutual legal assistance request for subscriber information (Article 31)",
    emergency_disclosure:
      "Request for expedited disclosure of stored computer data in an emergency (Second Additional Protocol, Article 9)",
    emergency_mutual_assistance: "Request for emergency mutual assistance (Second Additional Protocol, Article 10)",
    technical_advice: "Request for technical advice (Article 35)",
    legal_information: "Request for legal information (Article 35)",
    locating_suspects: "Request for help in locating suspects (Article 35)",
    collection_of_evidence: "Request for help in collecting evidence (Article 35)",
    other: "Request for assistance (Article 35)",
  },
  sections: {
    date: "Date and reference",
    status: "Request status",
    requested: "Requested authority",
    requesting: "Requesting authority",
    confirmation: "Contact for confirmation",
    authorities: "Authorities in charge and domestic legal basis",
    substance: "Particulars of the request",
    preservationSubstance: "Particulars of the request (Article 29(2))",
    identifiers: "Identifiers",
    handling: "Handling conditions",
    basis: "Legal basis",
  },
  request: {
    date: "Date of the request",
    notSent: (createdOn) => `Not sent (draft of ${createdOn})`,
    number: "Vigil number",
    reference: "Reference / case number",
    language: "Language of the request",
    state: "Processing state in Vigil",
    relation: "Status",
    urgency: "Urgency",
    emergency: "Emergency: a significant and imminent risk to the life or safety of a natural person",
    notEmergency: "Not an emergency",
    exercise: "Exercise",
    isExercise: "Training exercise: not a real request",
    notExercise: "Real request (not an exercise)",
    answerNeededBy: "Answer needed by",
    answerWithin: (hours) => `Within ${hours} hours of sending`,
    requestedParty: "Requested Party",
    contactPoint: "Contact point",
    routed: "The Party's 24/7 contact point, as routed by Vigil",
    requestingParty: "Requesting Party",
    sapStatement: "Statement",
    sapStatementValue:
      "This request is issued pursuant to the Second Additional Protocol to the Convention on Cybercrime.",
    basis: "This request is made under",
  },
  requestingAuthority: {
    organisation: "Organisation",
    personInCharge: "Person in charge",
    address: "Address",
    phone: "Telephone",
    mobile: "Mobile",
    email: "E-mail",
    fax: "Fax",
    officeHours: "Office hours and time zone",
    preferredReply: "Preferred means of reply",
  },
  confirmationContact: {
    name: "Name",
    jobTitle: "Job title",
    function: "Function",
    phone: "Telephone",
    mobile: "Mobile",
    email: "E-mail",
  },
  handlingConditions: {
    purpose: "Purpose (investigation or proceedings)",
    useLimits: "Limits of use",
    onwardSharing: "Onward sharing",
    confidential: "Confidentiality",
    sensitive: "Sensitive data",
  },
  details: {
    preservation: {
      authority: "(a) Authority seeking the preservation",
      offence: "(b) Offence under investigation",
      facts: "(b) Brief summary of the facts",
      dataToPreserve: "(c) Stored computer data to be preserved",
      relationToOffence: "(c) Relationship of the data to the offence",
      period: "Period the data cover",
      custodian: "(d) Custodian of the data or location of the computer system",
      necessity: "(e) Necessity of the preservation",
      mlaToFollow: "(f) Request for mutual assistance to follow",
    },
    traffic: {
      offence: "Offence under investigation",
      facts: "Brief summary of the facts",
      trafficDataSought: "Traffic data to be disclosed (enough to identify the service providers and the path)",
      provider: "Service provider",
    },
    subscriber: {
      investigativeAuthority: "Investigative authority in charge (if different)",
      prosecutionOrCourt: "Prosecution office or court, case numbers and decisions",
      legalBasis: "Domestic legal basis",
      offence: "Offence under investigation",
      facts: "Brief summary of the facts",
      dataSought: "Subscriber information sought",
      relevance: "Relevance of the data to the investigation",
      provider: "Service provider",
      neededBy: "Answer needed by",
    },
    emergency: {
      provider: "Service provider in possession or control of the data",
      offence: "Offence under investigation",
      provisionsAndPenalties: "Legal provisions and applicable penalties",
      emergencyFacts: "Facts showing the emergency",
      dataLink: "How the data sought relate to the emergency",
      dataSought: "Detailed description of the data sought",
      instructions: "Special procedural instructions",
    },
    assistance: {
      subject: "Subject",
      details: "Assistance sought",
    },
  },
  mlaToFollow:
    "The requesting Party intends to submit a request for mutual assistance for the search or similar access, seizure or similar securing, or disclosure of the data.",
  period: (from, to) => `from ${from} to ${to}`,
  identifierKinds: {
    ip: "IP address",
    email: "E-mail address",
    account: "Account or user name",
    domain: "Domain name",
    url: "URL",
    phone: "Telephone number",
  },
  identifierColumns: {
    kind: "Type",
    value: "Identifier",
    when: "Date and time",
    zone: "Time zone",
    port: "Source port",
    note: "Details",
  },
  service: (name) => `Service: ${name}`,
  utc: (utc) => `(UTC ${utc})`,
  utcAmbiguous: (a, b) => `(UTC ${a} or ${b}: the clocks changed that night)`,
  utcGap: "(this local time does not exist: the clocks changed)",
  noIdentifiers: "None given",
  onwardSharing: {
    prohibited: "Prohibited: the data may not be passed on to any other State, organisation or authority",
    with_prior_authorisation: "Only with the prior authorisation of the requesting authority",
    within_investigation: "Allowed within the investigation or proceedings stated above",
  },
  replyChannels: {
    vigil: "Through Vigil",
    email: "By e-mail",
    phone: "By telephone",
    secure_channel: "Through a secure channel",
    other: "By other expedited means",
  },
  confidential: {
    yes: "Confidential: do not notify the subscriber or account holder",
    no: "No confidentiality requested: the subscriber may be notified",
  },
  sensitive: {
    yes: "Includes special categories of personal data: access restricted to the persons handling the request",
    no: "No special categories of personal data",
  },
  noUseLimits: "No limits beyond the purpose stated",
  states: {
    draft: "Draft (not sent)",
    sent: "Sent",
    acknowledged: "Acknowledged",
    in_progress: "In progress",
    executed: "Executed",
    partially_executed: "Partially executed",
    refused: "Refused",
    closed: "Closed",
  },
  newRequest: "New request",
  relations: {
    extension: (n) => `Extension of request ${n}`,
    follow_up: (n) => `Follow-up to request ${n}`,
    mla_follow_up: (n) => `Request for mutual assistance following request ${n}`,
  },
  notStated: "Not stated",
  emergencyBanner: "EMERGENCY",
  draftBanner: "DRAFT — not sent",
  exerciseBanner: "TRAINING EXERCISE — not a real request",
  confidentialityNote:
    "Confidential: for the 24/7 contact points and authorities handling this request only, and only under the conditions stated (Budapest Convention, Article 28).",
  footer: (number, page, total) => `Vigil · ${number} · page ${page} of ${total}`,
  subject: "Request between contact points of the 24/7 Network (Budapest Convention on Cybercrime, Article 35)",
};

const fr: DocumentLabels = {
  titles: {
    preservation: "Demande de conservation rapide de données informatiques stockées (article 29)",
    traffic_disclosure: "Demande de divulgation rapide de données relatives au trafic conservées (article 30)",
    subscriber_information: "Demande d'entraide judiciaire relative aux informations sur les abonnés (article 31)",
    emergency_disclosure:
      "Demande de divulgation accélérée de données informatiques stockées en cas d'urgence (deuxième Protocole additionnel, article 9)",
    emergency_mutual_assistance: "Demande d'entraide d'urgence (deuxième Protocole additionnel, article 10)",
    technical_advice: "Demande de conseils techniques (article 35)",
    legal_information: "Demande d'informations d'ordre juridique (article 35)",
    locating_suspects: "Demande d'aide à la localisation de suspects (article 35)",
    collection_of_evidence: "Demande d'aide au recueil de preuves (article 35)",
    other: "Demande d'assistance (article 35)",
  },
  sections: {
    date: "Date et référence",
    status: "Statut de la demande",
    requested: "Autorité requise",
    requesting: "Autorité requérante",
    confirmation: "Personne à contacter pour confirmation",
    authorities: "Autorités compétentes et base juridique nationale",
    substance: "Objet de la demande",
    preservationSubstance: "Objet de la demande (article 29, paragraphe 2)",
    identifiers: "Identifiants",
    handling: "Conditions de traitement",
    basis: "Base juridique",
  },
  request: {
    date: "Date de la demande",
    notSent: (createdOn) => `Non envoyée (brouillon du ${createdOn})`,
    number: "Numéro Vigil",
    reference: "Référence / numéro de dossier",
    language: "Langue de la demande",
    state: "État du traitement dans Vigil",
    relation: "Statut",
    urgency: "Urgence",
    emergency: "Urgence : risque important et imminent pour la vie ou la sécurité d'une personne physique",
    notEmergency: "Pas d'urgence",
    exercise: "Exercice",
    isExercise: "Exercice de formation : pas une demande réelle",
    notExercise: "Demande réelle (pas un exercice)",
    answerNeededBy: "Réponse requise avant le",
    answerWithin: (hours) => `Dans les ${hours} heures suivant l'envoi`,
    requestedParty: "Partie requise",
    contactPoint: "Point de contact",
    routed: "Le point de contact 24/7 de la Partie, désigné par Vigil",
    requestingParty: "Partie requérante",
    sapStatement: "Déclaration",
    sapStatementValue:
      "La présente demande est présentée en vertu du deuxième Protocole additionnel à la Convention sur la cybercriminalité.",
    basis: "La présente demande est présentée en vertu de",
  },
  requestingAuthority: {
    organisation: "Organisme",
    personInCharge: "Responsable",
    address: "Adresse",
    phone: "Téléphone",
    mobile: "Téléphone mobile",
    email: "Courriel",
    fax: "Télécopie",
    officeHours: "Horaires de bureau et fuseau horaire",
    preferredReply: "Mode de réponse souhaité",
  },
  confirmationContact: {
    name: "Nom",
    jobTitle: "Titre",
    function: "Fonction",
    phone: "Téléphone",
    mobile: "Téléphone mobile",
    email: "Courriel",
  },
  handlingConditions: {
    purpose: "Finalité (enquête ou procédure)",
    useLimits: "Limites d'utilisation",
    onwardSharing: "Transfert ultérieur",
    confidential: "Confidentialité",
    sensitive: "Données sensibles",
  },
  details: {
    preservation: {
      authority: "a) Autorité qui demande la conservation",
      offence: "b) Infraction faisant l'objet de l'enquête ou de la procédure pénale",
      facts: "b) Bref exposé des faits",
      dataToPreserve: "c) Données informatiques stockées à conserver",
      relationToOffence: "c) Nature du lien entre les données et l'infraction",
      period: "Période couverte par les données",
      custodian: "d) Gardien des données ou emplacement du système informatique",
      necessity: "e) Nécessité de la mesure de conservation",
      mlaToFollow: "f) Demande d'entraide à venir",
    },
    traffic: {
      offence: "Infraction faisant l'objet de l'enquête ou de la procédure pénale",
      facts: "Bref exposé des faits",
      trafficDataSought:
        "Données relatives au trafic à divulguer (en quantité suffisante pour identifier les fournisseurs de services et la voie de transmission)",
      provider: "Fournisseur de services",
    },
    subscriber: {
      investigativeAuthority: "Autorité chargée de l'enquête (si elle est différente)",
      prosecutionOrCourt: "Parquet ou juridiction, numéros de dossier et décisions",
      legalBasis: "Base juridique nationale",
      offence: "Infraction faisant l'objet de l'enquête ou de la procédure pénale",
      facts: "Bref exposé des faits",
      dataSought: "Informations relatives aux abonnés demandées",
      relevance: "Pertinence des données pour l'enquête",
      provider: "Fournisseur de services",
      neededBy: "Réponse requise avant le",
    },
    emergency: {
      provider: "Fournisseur de services qui détient ou contrôle les données",
      offence: "Infraction faisant l'objet de l'enquête ou de la procédure pénale",
      provisionsAndPenalties: "Dispositions légales et peines applicables",
      emergencyFacts: "Faits établissant l'urgence",
      dataLink: "Lien entre les données demandées et l'urgence",
      dataSought: "Description détaillée des données demandées",
      instructions: "Instructions procédurales particulières",
    },
    assistance: {
      subject: "Objet",
      details: "Assistance demandée",
    },
  },
  mlaToFollow:
    "La Partie requérante entend soumettre une demande d'entraide en vue de la perquisition ou de l'accès par un moyen similaire, de la saisie ou de l'obtention par un moyen similaire, ou de la divulgation des données.",
  period: (from, to) => `du ${from} au ${to}`,
  identifierKinds: {
    ip: "Adresse IP",
    email: "Adresse électronique",
    account: "Compte ou nom d'utilisateur",
    domain: "Nom de domaine",
    url: "URL",
    phone: "Numéro de téléphone",
  },
  identifierColumns: {
    kind: "Type",
    value: "Identifiant",
    when: "Date et heure",
    zone: "Fuseau horaire",
    port: "Port source",
    note: "Précisions",
  },
  service: (name) => `Service : ${name}`,
  utc: (utc) => `(UTC ${utc})`,
  utcAmbiguous: (a, b) => `(UTC ${a} ou ${b} : changement d'heure cette nuit-là)`,
  utcGap: "(cette heure locale n'existe pas : changement d'heure)",
  noIdentifiers: "Aucun",
  onwardSharing: {
    prohibited: "Interdit : les données ne peuvent être transmises à aucun autre État, organisation ou autorité",
    with_prior_authorisation: "Uniquement avec l'autorisation préalable de l'autorité requérante",
    within_investigation: "Autorisé dans le cadre de l'enquête ou de la procédure indiquée ci-dessus",
  },
  replyChannels: {
    vigil: "Par Vigil",
    email: "Par courriel",
    phone: "Par téléphone",
    secure_channel: "Par un canal sécurisé",
    other: "Par un autre moyen rapide",
  },
  confidential: {
    yes: "Confidentiel : ne pas informer l'abonné ou le titulaire du compte",
    no: "Pas de confidentialité demandée : l'abonné peut être informé",
  },
  sensitive: {
    yes: "Comprend des catégories particulières de données à caractère personnel : accès réservé aux personnes chargées de la demande",
    no: "Aucune catégorie particulière de données à caractère personnel",
  },
  noUseLimits: "Aucune limite autre que la finalité indiquée",
  states: {
    draft: "Brouillon (non envoyée)",
    sent: "Envoyée",
    acknowledged: "Réception confirmée",
    in_progress: "En cours de traitement",
    executed: "Exécutée",
    partially_executed: "Partiellement exécutée",
    refused: "Refusée",
    closed: "Clôturée",
  },
  newRequest: "Nouvelle demande",
  relations: {
    extension: (n) => `Prolongation de la demande ${n}`,
    follow_up: (n) => `Suite donnée à la demande ${n}`,
    mla_follow_up: (n) => `Demande d'entraide faisant suite à la demande ${n}`,
  },
  notStated: "Non précisé",
  emergencyBanner: "URGENCE",
  draftBanner: "BROUILLON — non envoyée",
  exerciseBanner: "EXERCICE DE FORMATION — pas une demande réelle",
  confidentialityNote:
    "Confidentiel : réservé aux points de contact 24/7 et aux autorités chargées de cette demande, et uniquement dans les conditions indiquées (Convention de Budapest, article 28).",
  footer: (number, page, total) => `Vigil · ${number} · page ${page} sur ${total}`,
  subject:
    "Demande entre points de contact du Réseau 24/7 (Convention de Budapest sur la cybercriminalité, article 35)",
};

export const DOCUMENT_LABELS: Record<DocumentLocale, DocumentLabels> = { en, fr };

/**
 * The legal basis as REQUEST_TYPE_INFO states it ("Budapest Convention, Article 35(1)(a)"), in
 * the document's language ("Convention de Budapest, article 35, paragraphe 1, alinéa a").
 */
export function basisLabel(basis: string, locale: DocumentLocale): string {
  if (locale === "en") return basis;
  return basis
    .replace("Budapest Convention", "Convention de Budapest")
    .replace("Second Additional Protocol", "Deuxième Protocole additionnel")
    .replace(
      /Article (\d+)(?:\((\d+)\))?(?:\(([a-z])\))?/g,
      (_, article: string, paragraph?: string, letter?: string) =>
        `article ${article}${paragraph ? `, paragraphe ${paragraph}` : ""}${letter ? `, alinéa ${letter}` : ""}`,
    );
}

/** "fr" → "French" / "Français", in the document's language. */
export function languageName(code: string, locale: DocumentLocale): string {
  const name = new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** "2026-11-01" → "1 November 2026" / "1er novembre 2026" (a calendar date: no time zone applies). */
export function formatDay(isoDate: string, locale: DocumentLocale): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const text = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
  // French writes the first of the month as an ordinal.
  return locale === "fr" && date.getUTCDate() === 1 ? text.replace(/^1 /, "1er ") : text;
}

/** An instant as the reader in `timeZone` says it: "21 November 2026, 09:30 (Europe/Paris)". */
export function formatInstant(at: Date, timeZone: string, locale: DocumentLocale): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const day = formatDay(`${part("year")}-${part("month")}-${part("day")}`, locale);
  const time = `${part("hour")}:${part("minute")}`;
  return locale === "fr" ? `${day} à ${time} (${timeZone})` : `${day}, ${time} (${timeZone})`;
}

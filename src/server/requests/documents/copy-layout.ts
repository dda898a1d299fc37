import type { AccessKind } from "../../../shared/access-log";
import type { DataProtectionCopy, PersonCopies, RequestCopy } from "../../../shared/data-protection";
import type { DocumentLocale } from "./input";
import { basisLabel, DOCUMENT_LABELS, formatDay, formatInstant } from "./labels";
import type { PrintLayout } from "./pdf";

/**
 * A data-protection copy (SAP Art. 14(11–12)) laid out for the request renderer (pdf.ts): one
 * block of sections per request, in English or French. Times in UTC: the copy goes to a person
 * or an authority whose zone is not known.
 */

type CopyLabels = {
  title: string;
  personTitle: (q: string) => string;
  subtitle: string;
  produced: string;
  producedBy: string;
  party: string;
  sections: {
    request: string;
    basis: string;
    data: string;
    retention: string;
    recipients: string;
    accesses: string;
    refusal: string;
    purged: string;
  };
  number: string;
  type: string;
  state: string;
  direction: string;
  sent: string;
  received: string;
  reference: string;
  createdAt: string;
  sentAt: string;
  legalBasis: string;
  purpose: string;
  useLimits: string;
  onwardSharing: string;
  categories: Record<DataProtectionCopy["dataCategories"][number]["category"], string>;
  identifierColumns: [string, string, string];
  retentionBasis: { final: string; open: string };
  retentionValue: (days: number, since: string, basis: string) => string;
  endsOn: string;
  sender: string;
  requested: string;
  contactPoint: string;
  onward: string;
  onwardStatus: Record<"pending" | "authorised" | "refused", string>;
  noOnward: string;
  accessColumns: [string, string, string, string];
  kinds: Record<AccessKind, string>;
  noAccess: string;
  refusedAt: string;
  reason: string;
  purgedValue: (day: string, days: number, basis: string) => string;
  purgedRemoved: string;
  removed: Record<NonNullable<DataProtectionCopy["purged"]>["removed"][number], string>;
  matchedIn: string;
  none: string;
  truncated: string;
  purgedNotSearchable: (n: number) => string;
  noMatch: string;
  confidentiality: string;
  footer: (page: string, total: string) => string;
};

const en: CopyLabels = {
  title: "Data-protection copy of a request",
  personTitle: (q) => `Data-protection copy: requests naming “${q}”`,
  subtitle: "Second Additional Protocol to the Budapest Convention, Article 14(11–12)",
  produced: "Produced",
  producedBy: "Produced by",
  party: "Party",
  sections: {
    request: "The request",
    basis: "Legal basis and purpose",
    data: "Personal data concerned",
    retention: "Retention",
    recipients: "Recipients",
    accesses: "Who accessed it",
    refusal: "Refusal",
    purged: "Purged under the retention rule",
  },
  number: "Number",
  type: "Type",
  state: "State",
  direction: "Direction",
  sent: "Sent by this Party",
  received: "Received by this Party",
  reference: "Sender's reference",
  createdAt: "Created",
  sentAt: "Sent",
  legalBasis: "Legal basis",
  purpose: "Purpose",
  useLimits: "Limits on use",
  onwardSharing: "Onward sharing",
  categories: {
    identifiers: "Identifiers (IP addresses, accounts, e-mail, domains, URLs, phone numbers)",
    requesting_authority: "Officials of the requesting authority (names and contact details)",
    confirmation_contact: "Contact person for confirmation (name and contact details)",
    case_facts: "Facts of the case and details of the assistance sought",
    messages: "Messages between the two Parties",
    attachments: "Attached files",
    corrections: "Corrections of the form by the sender, with the values they replaced",
  },
  identifierColumns: ["Kind", "Identifier", "Details"],
  retentionBasis: { final: "after the request ended", open: "without activity while open" },
  retentionValue: (days, since, basis) => `${days} days ${basis}, counted from ${since}`,
  endsOn: "Content removed on or after",
  sender: "Sending Party",
  requested: "Requested Party",
  contactPoint: "Contact point that received it",
  onward: "Onward transfers",
  onwardStatus: { pending: "asked, not decided", authorised: "authorised", refused: "refused" },
  noOnward: "None asked",
  accessColumns: ["When (UTC)", "Who", "What", "Why"],
  kinds: {
    read: "Opened",
    exported: "Printed or downloaded",
    attachment_downloaded: "Attachment downloaded",
    onward_transfers_read: "Onward transfers read",
    release_exported: "Directory release exported",
    purpose_given: "Purpose given to open it",
    copy_produced: "Data-protection copy produced",
  },
  noAccess: "No access recorded",
  refusedAt: "Refused",
  reason: "Reason given",
  purgedValue: (day, days, basis) => `On ${day}, ${days} days ${basis}`,
  purgedRemoved: "Removed",
  removed: {
    content: "the request form",
    identifiers: "the identifiers",
    handling_conditions: "the handling conditions",
    messages: "the messages",
    attachments: "the attached files",
    timeline_notes: "the notes and names on its timeline",
    onward_transfer_details: "the purposes, names and notes of its onward transfers",
  },
  matchedIn: "Where the person appears",
  none: "—",
  truncated: "More requests matched than one copy holds: narrow the search.",
  purgedNotSearchable: (n) =>
    `${n} purged request(s) of this Party could not be searched: their content no longer exists.`,
  noMatch: "No request of this Party names this person.",
  confidentiality:
    "Produced by Vigil at the request of a data subject or a supervisory authority. The production of this copy is recorded in the Party's access log.",
  footer: (page, total) => `Vigil · data-protection copy · page ${page} of ${total}`,
};

const fr: CopyLabels = {
  title: "Copie relative à la protection des données d'une demande",
  personTitle: (q) => `Copie relative à la protection des données : demandes mentionnant « ${q} »`,
  subtitle: "Deuxième Protocole additionnel à la Convention de Budapest, article 14, paragraphes 11 et 12",
  produced: "Établie le",
  producedBy: "Établie par",
  party: "Partie",
  sections: {
    request: "La demande",
    basis: "Base juridique et finalité",
    data: "Données personnelles concernées",
    retention: "Conservation",
    recipients: "Destinataires",
    accesses: "Qui y a accédé",
    refusal: "Refus",
    purged: "Supprimée selon la règle de conservation",
  },
  number: "Numéro",
  type: "Type",
  state: "État",
  direction: "Sens",
  sent: "Envoyée par cette Partie",
  received: "Reçue par cette Partie",
  reference: "Référence de l'expéditeur",
  createdAt: "Créée",
  sentAt: "Envoyée",
  legalBasis: "Base juridique",
  purpose: "Finalité",
  useLimits: "Limites d'utilisation",
  onwardSharing: "Transmission ultérieure",
  categories: {
    identifiers: "Identifiants (adresses IP, comptes, courriels, domaines, URL, numéros de téléphone)",
    requesting_authority: "Agents de l'autorité requérante (noms et coordonnées)",
    confirmation_contact: "Personne à contacter pour confirmation (nom et coordonnées)",
    case_facts: "Faits de l'affaire et détails de l'entraide demandée",
    messages: "Messages entre les deux Parties",
    attachments: "Fichiers joints",
    corrections: "Corrections du formulaire par l'expéditeur, avec les valeurs remplacées",
  },
  identifierColumns: ["Nature", "Identifiant", "Précisions"],
  retentionBasis: { final: "après la fin de la demande", open: "sans activité tant qu'elle est ouverte" },
  retentionValue: (days, since, basis) => `${days} jours ${basis}, à compter du ${since}`,
  endsOn: "Contenu supprimé à partir du",
  sender: "Partie requérante",
  requested: "Partie requise",
  contactPoint: "Point de contact destinataire",
  onward: "Transferts ultérieurs",
  onwardStatus: { pending: "demandé, non décidé", authorised: "autorisé", refused: "refusé" },
  noOnward: "Aucun demandé",
  accessColumns: ["Quand (UTC)", "Qui", "Quoi", "Pourquoi"],
  kinds: {
    read: "Consultée",
    exported: "Imprimée ou téléchargée",
    attachment_downloaded: "Pièce jointe téléchargée",
    onward_transfers_read: "Transferts ultérieurs consultés",
    purpose_given: "Motif donné pour l'ouvrir",
    release_exported: "Édition de l'annuaire exportée",
    copy_produced: "Copie relative à la protection des données établie",
  },
  noAccess: "Aucun accès enregistré",
  refusedAt: "Refusée",
  reason: "Motif donné",
  purgedValue: (day, days, basis) => `Le ${day}, ${days} jours ${basis}`,
  purgedRemoved: "Supprimé",
  removed: {
    content: "le formulaire de la demande",
    identifiers: "les identifiants",
    handling_conditions: "les conditions de traitement",
    messages: "les messages",
    attachments: "les fichiers joints",
    timeline_notes: "les notes et les noms de son historique",
    onward_transfer_details: "les finalités, noms et notes de ses transferts ultérieurs",
  },
  matchedIn: "Où la personne apparaît",
  none: "—",
  truncated: "Plus de demandes correspondent que n'en contient une copie : précisez la recherche.",
  purgedNotSearchable: (n) =>
    `${n} demande(s) supprimée(s) de cette Partie n'ont pu être recherchées : leur contenu n'existe plus.`,
  noMatch: "Aucune demande de cette Partie ne mentionne cette personne.",
  confidentiality:
    "Établie par Vigil à la demande d'une personne concernée ou d'une autorité de contrôle. L'établissement de cette copie est inscrit au registre des accès de la Partie.",
  footer: (page, total) => `Vigil · copie protection des données · page ${page} sur ${total}`,
};

export const COPY_LABELS: Record<DocumentLocale, CopyLabels> = { en, fr };

const row = (label: string, value: string) => ({ label, value, fields: [] as string[] });
const utc = (iso: string, locale: DocumentLocale) => formatInstant(new Date(iso), "UTC", locale);

function copySections(c: DataProtectionCopy, locale: DocumentLocale, prefix: string): PrintLayout["sections"] {
  const L = COPY_LABELS[locale];
  const D = DOCUMENT_LABELS[locale];
  const name = (p: { nameEn: string; nameFr: string; iso2: string }) =>
    `${locale === "fr" ? p.nameFr : p.nameEn} (${p.iso2})`;
  const sections: PrintLayout["sections"] = [];
  const add = (
    heading: string,
    rows: ReturnType<typeof row>[],
    table: PrintLayout["sections"][number]["table"] = null,
  ) => sections.push({ heading: `${prefix}${heading}`, rows, table, prominent: false });
  add(L.sections.request, [
    row(L.number, c.request.number),
    row(L.type, D.titles[c.request.type]),
    row(L.state, D.states[c.request.state]),
    row(L.direction, c.request.direction === "sent" ? L.sent : L.received),
    row(L.reference, c.request.reference ?? L.none),
    row(L.createdAt, utc(c.request.createdAt, locale)),
    row(L.sentAt, c.request.sentAt ? utc(c.request.sentAt, locale) : L.none),
    ...(c.matchedIn.length ? [row(L.matchedIn, c.matchedIn.join(", "))] : []),
  ]);
  const hc = c.handlingConditions;
  add(L.sections.basis, [
    row(L.legalBasis, basisLabel(c.legalBasis, locale)),
    row(L.purpose, c.purpose ?? L.none),
    ...(hc
      ? [
          row(L.useLimits, hc.useLimits || D.noUseLimits),
          row(L.onwardSharing, D.onwardSharing[hc.onwardSharing]),
          row(D.handlingConditions.confidential, hc.confidential ? D.confidential.yes : D.confidential.no),
          row(D.handlingConditions.sensitive, hc.sensitive ? D.sensitive.yes : D.sensitive.no),
        ]
      : []),
  ]);
  add(
    L.sections.data,
    c.dataCategories.map((d) => row(L.categories[d.category], String(d.count))),
    c.identifiers.length
      ? {
          columns: [...L.identifierColumns],
          rows: c.identifiers.map((i) => [i.kind, i.value, i.detail || L.none]),
          fields: [],
          widths: [1, 2.5, 2.5],
        }
      : null,
  );
  if (c.retention) {
    const since = formatDay(c.retention.since.slice(0, 10), locale);
    add(L.sections.retention, [
      row(L.sections.retention, L.retentionValue(c.retention.days, since, L.retentionBasis[c.retention.basis])),
      row(L.endsOn, formatDay(c.retention.endsOn, locale)),
    ]);
  }
  const onward = c.recipients.onwardTransfers;
  add(L.sections.recipients, [
    row(L.sender, name(c.recipients.sender)),
    row(L.requested, c.recipients.requested ? name(c.recipients.requested) : L.none),
    row(
      L.contactPoint,
      c.recipients.contactPoint
        ? [c.recipients.contactPoint.institution, c.recipients.contactPoint.unit].filter(Boolean).join(", ")
        : L.none,
    ),
    row(
      L.onward,
      onward.length
        ? onward
            .map(
              (o) =>
                `${o.recipientState ?? o.recipientName ?? "?"}: ${L.onwardStatus[o.status]}` +
                (o.decisionNote ? ` (${o.decisionNote})` : ""),
            )
            .join("\n")
        : L.noOnward,
    ),
  ]);
  add(
    L.sections.accesses,
    c.accesses.length ? [] : [row(L.sections.accesses, L.noAccess)],
    c.accesses.length
      ? {
          columns: [...L.accessColumns],
          rows: c.accesses.map((a) => [
            utc(a.at, locale),
            `${a.who ?? "—"}${a.party ? ` (${a.party})` : ""}`,
            `${L.kinds[a.kind]}${a.format ? ` (${a.format.toUpperCase()})` : ""}`,
            a.purpose ?? L.none,
          ]),
          fields: [],
          widths: [1.6, 2, 1.6, 1.6],
        }
      : null,
  );
  if (c.refusal) {
    add(L.sections.refusal, [
      row(L.refusedAt, `${utc(c.refusal.at, locale)}${c.refusal.party ? ` (${c.refusal.party})` : ""}`),
      row(L.reason, c.refusal.reason ?? L.none),
    ]);
  }
  if (c.purged) {
    add(L.sections.purged, [
      row(
        L.sections.purged,
        L.purgedValue(formatDay(c.purged.at.slice(0, 10), locale), c.purged.days, L.retentionBasis[c.purged.basis]),
      ),
      row(L.purgedRemoved, c.purged.removed.map((r) => L.removed[r]).join(", ")),
    ]);
  }
  return sections;
}

function header(
  h: { producedAt: string; producedBy: string; party: { iso2: string; nameEn: string; nameFr: string } },
  locale: DocumentLocale,
) {
  const L = COPY_LABELS[locale];
  return {
    heading: L.subtitle,
    rows: [
      row(L.party, `${locale === "fr" ? h.party.nameFr : h.party.nameEn} (${h.party.iso2})`),
      row(L.produced, utc(h.producedAt, locale)),
      row(L.producedBy, h.producedBy),
    ],
    table: null,
    prominent: false,
  };
}

function frame(locale: DocumentLocale, title: string, at: string, sections: PrintLayout["sections"]): PrintLayout {
  const L = COPY_LABELS[locale];
  return {
    locale,
    title,
    banner: null,
    draft: null,
    exercise: null,
    sections,
    confidentialityNote: L.confidentiality,
    footer: L.footer,
    info: { title, subject: L.subtitle, date: new Date(at) },
  };
}

export function requestCopyLayout(copy: RequestCopy, locale: DocumentLocale): PrintLayout {
  const L = COPY_LABELS[locale];
  return frame(locale, `${L.title} ${copy.copy.request.number}`, copy.producedAt, [
    header(copy, locale),
    ...copySections(copy.copy, locale, ""),
  ]);
}

export function personCopiesLayout(copies: PersonCopies, locale: DocumentLocale): PrintLayout {
  const L = COPY_LABELS[locale];
  const notes = [
    ...(copies.copies.length === 0 ? [row(L.sections.request, L.noMatch)] : []),
    ...(copies.truncated ? [row(L.sections.request, L.truncated)] : []),
    ...(copies.purgedNotSearchable ? [row(L.sections.purged, L.purgedNotSearchable(copies.purgedNotSearchable))] : []),
  ];
  const head = header(copies, locale);
  return frame(locale, L.personTitle(copies.query), copies.producedAt, [
    { ...head, rows: [...head.rows, ...notes] },
    ...copies.copies.flatMap((c) => copySections(c, locale, `${c.request.number} · `)),
  ]);
}

import {
  EMERGENCY_ANSWER_HOURS,
  type Identifier,
  REQUEST_TYPE_INFO,
  type RequestContent,
} from "../../../shared/requests";
import type { DocumentLocale, DocumentParty, RequestDocumentInput } from "./input";
import { basisLabel, DOCUMENT_LABELS, type DocumentLabels, formatDay, formatInstant, languageName } from "./labels";

/**
 * A request document as an ordered list of sections, in the order of the T-CY templates: date and
 * reference, request status, requested authority, requesting authority, contact for confirmation,
 * then the substance of the request's type, its identifiers, the handling conditions and the legal
 * basis. The PDF and the Word renderers both draw this, so the two never disagree.
 *
 * Each row names the request fields it shows (`fields`, paths such as "details.offence"), so a
 * test can check that no field of the schemas is left out of the document.
 */

export type LayoutRow = { label: string; value: string; fields: string[] };
export type LayoutTable = { columns: string[]; rows: string[][]; fields: string[] };
export type SectionId =
  | "date"
  | "status"
  | "requested"
  | "requesting"
  | "confirmation"
  | "authorities"
  | "substance"
  | "identifiers"
  | "handling"
  | "basis";
export type LayoutSection = {
  id: SectionId;
  /** Numbered: "4. Requesting authority". */
  heading: string;
  rows: LayoutRow[];
  table: LayoutTable | null;
  /** Printed so that it cannot be missed (the handling conditions). */
  prominent: boolean;
};
export type RequestLayout = {
  locale: DocumentLocale;
  title: string;
  /** "EMERGENCY — Second Additional Protocol, Article 9", or null. */
  banner: string | null;
  /** Set while the request is a draft, so a printed draft is not taken for a sent request. */
  draft: string | null;
  /** Set on a training exercise, so its print-out is never acted on as a real request. */
  exercise: string | null;
  sections: LayoutSection[];
  confidentialityNote: string;
  footer: (page: string, total: string) => string;
  info: { title: string; subject: string; date: Date };
};

export function requestLayout(input: RequestDocumentInput): RequestLayout {
  const L = DOCUMENT_LABELS[input.locale];
  const c = input.content;
  const info = REQUEST_TYPE_INFO[c.type];
  const zone = c.requestingAuthority.timeZone;
  const given = (v: string | null | undefined) => (v?.trim() ? v.trim() : L.notStated);
  const row = (label: string, value: string, ...fields: string[]): LayoutRow => ({ label, value, fields });
  const emergency = c.emergency || info.emergency;

  const sections: Omit<LayoutSection, "heading">[] = [];
  const add = (id: SectionId, rows: LayoutRow[], extra: Partial<Pick<LayoutSection, "table" | "prominent">> = {}) =>
    sections.push({ id, rows, table: extra.table ?? null, prominent: extra.prominent ?? false });

  add("date", [
    row(
      L.request.date,
      input.sentAt
        ? formatInstant(input.sentAt, zone, input.locale)
        : L.request.notSent(formatInstant(input.createdAt, zone, input.locale)),
    ),
    row(L.request.number, input.number),
    row(L.request.reference, given(c.reference), "reference"),
    row(L.request.language, languageName(c.language, input.locale), "language"),
    row(L.request.state, L.states[input.state]),
  ]);

  add("status", [
    row(
      L.request.relation,
      input.parent ? L.relations[input.parent.relation](input.parent.number) : L.newRequest,
      "parent",
    ),
    row(L.request.urgency, emergency ? L.request.emergency : L.request.notEmergency, "emergency"),
    row(L.request.answerNeededBy, answerNeededBy(input, emergency, L), "answerNeededBy"),
    row(L.request.exercise, c.exercise ? L.request.isExercise : L.request.notExercise, "exercise"),
  ]);

  add("requested", [
    row(L.request.requestedParty, partyName(input.to, input.locale), "requestedParty"),
    row(
      L.request.contactPoint,
      input.contactPoint
        ? [input.contactPoint.institution, input.contactPoint.unit].filter(Boolean).join(" – ")
        : L.request.routed,
      "contactPointId",
    ),
  ]);

  const ra = c.requestingAuthority;
  const raL = L.requestingAuthority;
  add("requesting", [
    row(L.request.requestingParty, partyName(input.from, input.locale)),
    row(raL.organisation, given(ra.organisation), "requestingAuthority.organisation"),
    row(raL.personInCharge, given(ra.personInCharge), "requestingAuthority.personInCharge"),
    row(raL.address, given(ra.address), "requestingAuthority.address"),
    row(raL.phone, ra.phone, "requestingAuthority.phone"),
    row(raL.mobile, given(ra.mobile), "requestingAuthority.mobile"),
    row(raL.email, ra.email, "requestingAuthority.email"),
    row(raL.fax, given(ra.fax), "requestingAuthority.fax"),
    row(
      raL.officeHours,
      `${given(ra.officeHours)} (${ra.timeZone})`,
      "requestingAuthority.officeHours",
      "requestingAuthority.timeZone",
    ),
    row(raL.preferredReply, L.replyChannels[ra.preferredReply], "requestingAuthority.preferredReply"),
  ]);

  const cc = c.confirmationContact;
  const ccL = L.confirmationContact;
  add("confirmation", [
    row(ccL.name, given(cc.name), "confirmationContact.name"),
    row(ccL.jobTitle, given(cc.jobTitle), "confirmationContact.jobTitle"),
    row(ccL.function, given(cc.function), "confirmationContact.function"),
    row(ccL.phone, cc.phone, "confirmationContact.phone"),
    row(ccL.mobile, given(cc.mobile), "confirmationContact.mobile"),
    row(ccL.email, cc.email, "confirmationContact.email"),
  ]);

  for (const s of substance(c, L, input.locale, given)) add(s.id, s.rows);

  if (c.identifiers.length) {
    add("identifiers", [], { table: identifierTable(c.identifiers, L) });
  } else {
    add("identifiers", [row(L.sections.identifiers, L.noIdentifiers, "identifiers")]);
  }

  const hc = c.handlingConditions;
  const hcL = L.handlingConditions;
  add(
    "handling",
    [
      row(hcL.purpose, given(hc.purpose), "handlingConditions.purpose"),
      row(hcL.useLimits, hc.useLimits.trim() || L.noUseLimits, "handlingConditions.useLimits"),
      row(hcL.onwardSharing, L.onwardSharing[hc.onwardSharing], "handlingConditions.onwardSharing"),
      row(
        hcL.confidential,
        hc.confidential ? L.confidential.yes : L.confidential.no,
        "handlingConditions.confidential",
      ),
      row(hcL.sensitive, hc.sensitive ? L.sensitive.yes : L.sensitive.no, "handlingConditions.sensitive"),
    ],
    { prominent: true },
  );

  add("basis", [row(L.request.basis, basisLabel(info.basis, input.locale), "type")]);

  const title = L.titles[c.type];
  return {
    locale: input.locale,
    title,
    banner: emergency
      ? info.sap
        ? `${L.emergencyBanner} — ${basisLabel(info.basis, input.locale)}`
        : L.emergencyBanner
      : null,
    draft: input.state === "draft" ? L.draftBanner : null,
    exercise: c.exercise ? L.exerciseBanner : null,
    sections: sections.map((s, i) => ({
      ...s,
      heading: `${i + 1}. ${L.sections[s.id === "substance" ? substanceHeading(c) : s.id]}`,
    })),
    confidentialityNote: L.confidentialityNote,
    footer: (page, total) => L.footer(input.number, page, total),
    info: { title: `${title} — ${input.number}`, subject: L.subject, date: input.sentAt ?? input.createdAt },
  };
}

/** The sender's date; for an emergency without one, Vigil's default of 24 hours after sending. */
function answerNeededBy(input: RequestDocumentInput, emergency: boolean, L: DocumentLabels): string {
  const c = input.content;
  if (c.answerNeededBy) return formatInstant(new Date(c.answerNeededBy), c.requestingAuthority.timeZone, input.locale);
  if (!emergency) return L.notStated;
  if (!input.sentAt) return L.request.answerWithin(EMERGENCY_ANSWER_HOURS);
  const due = new Date(input.sentAt.getTime() + EMERGENCY_ANSWER_HOURS * 3_600_000);
  return formatInstant(due, c.requestingAuthority.timeZone, input.locale);
}

function substanceHeading(c: RequestContent): "substance" | "preservationSubstance" {
  return c.type === "preservation" ? "preservationSubstance" : "substance";
}

function partyName(p: DocumentParty, locale: DocumentLocale): string {
  return `${locale === "fr" ? p.nameFr : p.nameEn} (${p.iso2})`;
}

/** The sections between the opening blocks and the identifiers, per type of request. */
function substance(
  c: RequestContent,
  L: DocumentLabels,
  locale: DocumentLocale,
  given: (v: string | null | undefined) => string,
): { id: SectionId; rows: LayoutRow[] }[] {
  const row = (label: string, value: string, ...fields: string[]): LayoutRow => ({ label, value, fields });
  switch (c.type) {
    case "preservation": {
      const d = c.details;
      const l = L.details.preservation;
      // The six items of Article 29(2), in the article's order.
      return [
        {
          id: "substance",
          rows: [
            row(l.authority, given(c.requestingAuthority.organisation)),
            row(l.offence, given(d.offence), "details.offence"),
            row(l.facts, given(d.facts), "details.facts"),
            row(l.dataToPreserve, given(d.dataToPreserve), "details.dataToPreserve"),
            row(l.relationToOffence, given(d.relationToOffence), "details.relationToOffence"),
            row(
              l.period,
              d.period ? L.period(formatDay(d.period.from, locale), formatDay(d.period.to, locale)) : L.notStated,
              "details.period",
            ),
            row(l.custodian, given(d.custodian), "details.custodian"),
            row(l.necessity, given(d.necessity), "details.necessity"),
            row(l.mlaToFollow, d.mlaToFollow ? L.mlaToFollow : L.notStated, "details.mlaToFollow"),
          ],
        },
      ];
    }
    case "traffic_disclosure": {
      const d = c.details;
      const l = L.details.traffic;
      return [
        {
          id: "substance",
          rows: [
            row(l.offence, given(d.offence), "details.offence"),
            row(l.facts, given(d.facts), "details.facts"),
            row(l.trafficDataSought, given(d.trafficDataSought), "details.trafficDataSought"),
            row(l.provider, given(d.provider), "details.provider"),
          ],
        },
      ];
    }
    case "subscriber_information": {
      const d = c.details;
      const l = L.details.subscriber;
      return [
        {
          id: "authorities",
          rows: [
            row(l.investigativeAuthority, given(d.investigativeAuthority), "details.investigativeAuthority"),
            row(l.prosecutionOrCourt, given(d.prosecutionOrCourt), "details.prosecutionOrCourt"),
            row(l.legalBasis, given(d.legalBasis), "details.legalBasis"),
          ],
        },
        {
          id: "substance",
          rows: [
            row(l.offence, given(d.offence), "details.offence"),
            row(l.facts, given(d.facts), "details.facts"),
            row(l.dataSought, given(d.dataSought), "details.dataSought"),
            row(l.relevance, given(d.relevance), "details.relevance"),
            row(l.provider, given(d.provider), "details.provider"),
            row(l.neededBy, d.neededBy ? formatDay(d.neededBy, locale) : L.notStated, "details.neededBy"),
          ],
        },
      ];
    }
    case "emergency_disclosure":
    case "emergency_mutual_assistance": {
      const d = c.details;
      const l = L.details.emergency;
      // Second Additional Protocol, Article 9(3): the statement, provider, offence with its
      // provisions and penalties, the facts of the emergency and the data's link to it, the data.
      return [
        {
          id: "substance",
          rows: [
            row(L.request.sapStatement, L.request.sapStatementValue),
            row(l.provider, given(d.provider), "details.provider"),
            row(l.offence, given(d.offence), "details.offence"),
            row(l.provisionsAndPenalties, given(d.provisionsAndPenalties), "details.provisionsAndPenalties"),
            row(l.emergencyFacts, given(d.emergencyFacts), "details.emergencyFacts"),
            row(l.dataLink, given(d.dataLink), "details.dataLink"),
            row(l.dataSought, given(d.dataSought), "details.dataSought"),
            row(l.instructions, given(d.instructions), "details.instructions"),
          ],
        },
      ];
    }
    case "technical_advice":
    case "legal_information":
    case "locating_suspects":
    case "collection_of_evidence":
    case "other": {
      const d = c.details;
      const l = L.details.assistance;
      return [
        {
          id: "substance",
          rows: [
            row(l.subject, given(d.subject), "details.subject"),
            row(l.details, given(d.details), "details.details"),
          ],
        },
      ];
    }
  }
}

const NONE = "—";

function identifierTable(identifiers: Identifier[], L: DocumentLabels): LayoutTable {
  const col = L.identifierColumns;
  return {
    columns: [col.kind, col.value, col.when, col.zone, col.port, col.note],
    fields: ["identifiers"],
    rows: identifiers.map((id) => {
      const kind = L.identifierKinds[id.kind];
      if (id.kind === "ip") {
        const when = observedTime(id.observedAt, id.timeZone);
        const utc =
          when.utc.length === 0
            ? L.utcGap
            : when.utc.length === 1
              ? L.utc(when.utc[0] ?? "")
              : L.utcAmbiguous(when.utc[0] ?? "", when.utc[1] ?? "");
        return [
          kind,
          id.value,
          `${when.local}\n${utc}`,
          when.zone,
          id.port === null ? NONE : String(id.port),
          id.note || NONE,
        ];
      }
      const note = id.kind === "account" ? [L.service(id.service), id.note].filter(Boolean).join("\n") : id.note;
      return [kind, id.value, NONE, NONE, NONE, note || NONE];
    }),
  };
}

// Times of IP addresses --------------------------------------------------------------------------

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/**
 * An IP address's time as the sender gave it ("2026-11-21T02:14" in Europe/Paris, or with an
 * offset), and the same instant in UTC, which is how providers keep their logs. A local time in
 * the hour the clocks go back happens twice: both instants are given rather than a guess.
 */
export function observedTime(
  observedAt: string,
  timeZone: string | null,
): { local: string; zone: string; utc: string[] } {
  const offset = OFFSET.exec(observedAt)?.[1];
  const wall = observedAt.replace(OFFSET, "").replace(/\.\d+$/, "");
  const withSeconds = wall.length > 16;
  const local = wall.replace("T", " ");
  const show = (ms: number) =>
    new Date(ms)
      .toISOString()
      .slice(0, withSeconds ? 19 : 16)
      .replace("T", " ");
  const wallMs = Date.parse(`${wall}Z`);
  if (offset) {
    const zoneText = offset === "Z" ? "UTC" : `UTC${offset}`;
    const sign = offset.startsWith("-") ? -1 : 1;
    const offsetMs =
      offset === "Z" ? 0 : sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
    return { local, zone: timeZone ? `${timeZone} (${zoneText})` : zoneText, utc: [show(wallMs - offsetMs)] };
  }
  const zone = timeZone ?? "UTC";
  // The zone's offset on either side of the date covers any change of the clocks in between.
  const candidates = new Set([zoneOffset(zone, wallMs - 86_400_000), zoneOffset(zone, wallMs + 86_400_000)]);
  const instants = [...candidates]
    .map((o) => wallMs - o)
    .filter((utc) => zoneOffset(zone, utc) === wallMs - utc)
    .sort((a, b) => a - b);
  return { local, zone, utc: instants.map(show) };
}

/** How far `zone`'s clocks are ahead of UTC at the instant `utcMs`, in milliseconds. */
function zoneOffset(zone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const n = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

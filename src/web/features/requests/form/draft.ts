import {
  ALLOWED_PARENTS,
  IDENTIFIER_KINDS,
  ONWARD_SHARING,
  PARENT_RELATIONS,
  type ParentRelation,
  REPLY_CHANNELS,
  REQUEST_TYPE_INFO,
  REQUEST_TYPES,
  type RequestContentInput,
  type RequestType,
} from "../../../../shared/requests";
import { keepFilled, type RowMaps, rowKey } from "../../directory/formState";
import { isoToZoned, zonedToIso } from "../time";
import { detailFields } from "./detailFields";

// The request form's state, apart from the form so that it can be tested without a browser. Field
// names follow the shared schema's, so that an error's path ("identifiers.0.timeZone") is also
// where its value sits in the draft.

export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export type IdentifierRow = {
  key: number;
  kind: IdentifierKind;
  value: string;
  /** IP only. */
  port: string;
  observedAt: string;
  timeZone: string;
  /** Account only: the service it is on. */
  service: string;
  note: string;
};

export type Period = { from: string; to: string };
export type DetailValue = string | boolean | Period;

export type RequestDraft = {
  type: RequestType;
  requestedParty: string | null;
  language: string;
  reference: string;
  emergency: boolean;
  /** A training exercise: the whole workflow, labelled, in no statistic, deleted once over. */
  exercise: boolean;
  /** "YYYY-MM-DDTHH:MM" in the sender's own time zone (`zone`). */
  answerNeededBy: string;
  parent: { relation: ParentRelation | ""; requestId: string };
  requestingAuthority: {
    organisation: string;
    personInCharge: string;
    address: string;
    phone: string;
    mobile: string;
    email: string;
    fax: string;
    officeHours: string;
    timeZone: string;
    preferredReply: (typeof REPLY_CHANNELS)[number];
  };
  confirmationContact: {
    name: string;
    jobTitle: string;
    function: string;
    phone: string;
    mobile: string;
    email: string;
  };
  handlingConditions: {
    purpose: string;
    useLimits: string;
    onwardSharing: (typeof ONWARD_SHARING)[number];
    confidential: boolean;
    sensitive: boolean;
  };
  identifiers: IdentifierRow[];
  /** Every type's details in one record: fields that several types share keep their value when the type changes. */
  details: Record<string, DetailValue>;
};

export const newIdentifier = (kind: IdentifierKind = "ip"): IdentifierRow => ({
  key: rowKey(),
  kind,
  value: "",
  port: "",
  observedAt: "",
  timeZone: "",
  service: "",
  note: "",
});

export function emptyDraft(options: { type?: RequestType; timeZone: string }): RequestDraft {
  const type = options.type ?? "preservation";
  return {
    type,
    requestedParty: null,
    language: "en",
    reference: "",
    emergency: REQUEST_TYPE_INFO[type].emergency,
    exercise: false,
    answerNeededBy: "",
    parent: { relation: "", requestId: "" },
    requestingAuthority: {
      organisation: "",
      personInCharge: "",
      address: "",
      phone: "",
      mobile: "",
      email: "",
      fax: "",
      officeHours: "",
      timeZone: options.timeZone,
      preferredReply: "vigil",
    },
    confirmationContact: { name: "", jobTitle: "", function: "", phone: "", mobile: "", email: "" },
    handlingConditions: {
      purpose: "",
      useLimits: "",
      onwardSharing: "with_prior_authorisation",
      confidential: true,
      sensitive: false,
    },
    identifiers: REQUEST_TYPE_INFO[type].needsIdentifier ? [newIdentifier()] : [],
    details: { mlaToFollow: false },
  };
}

/** The relations the type allows (ALLOWED_PARENTS), empty when it cannot follow an earlier request. */
export function allowedRelations(type: RequestType): ParentRelation[] {
  return (ALLOWED_PARENTS[type] ?? []).map((a) => a.relation);
}

export function parentTypesFor(type: RequestType, relation: ParentRelation): RequestType[] {
  return ALLOWED_PARENTS[type]?.find((a) => a.relation === relation)?.parentTypes ?? [];
}

/** Changing the type: emergencies are always urgent; a relation the new type cannot have goes. */
export function withType(d: RequestDraft, type: RequestType): RequestDraft {
  const info = REQUEST_TYPE_INFO[type];
  const keepParent = d.parent.relation !== "" && allowedRelations(type).includes(d.parent.relation);
  return {
    ...d,
    type,
    emergency: info.emergency || (REQUEST_TYPE_INFO[d.type].emergency ? false : d.emergency),
    parent: keepParent ? d.parent : { relation: "", requestId: "" },
    identifiers: info.needsIdentifier && d.identifiers.length === 0 ? [newIdentifier()] : d.identifiers,
  };
}

const orNull = (value: string): string | null => (value.trim() ? value : null);

function identifierInput(row: IdentifierRow): Record<string, unknown> {
  const base = { kind: row.kind, value: row.value, note: row.note };
  switch (row.kind) {
    case "ip": {
      const port = row.port.trim();
      return {
        ...base,
        // A port that is not a number goes as typed, so that the schema says what is wrong.
        port: port === "" ? null : /^\d+$/.test(port) ? Number(port) : port,
        observedAt: row.observedAt,
        timeZone: orNull(row.timeZone),
      };
    }
    case "account":
      return { ...base, service: row.service };
    default:
      return base;
  }
}

const filledIdentifier = (row: IdentifierRow) =>
  Boolean(row.value.trim() || row.port.trim() || row.observedAt.trim() || row.service.trim() || row.note.trim());

function detailsInput(d: RequestDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of detailFields(d.type)) {
    const value = d.details[field.name];
    switch (field.input) {
      case "confirm":
        out[field.name] = value === true;
        break;
      case "period": {
        const p = typeof value === "object" && value ? value : { from: "", to: "" };
        // Both ends or neither: a half-given period is sent as it is so that the schema names the missing end.
        out[field.name] = p.from || p.to ? { from: p.from, to: p.to } : null;
        break;
      }
      case "date":
        out[field.name] = typeof value === "string" && value ? value : null;
        break;
      default:
        out[field.name] = typeof value === "string" ? value : "";
    }
  }
  return out;
}

/** The draft as the shared schema (RequestContent) expects it; blank identifier rows are left out (see RowMaps). */
export function draftToInput(d: RequestDraft, zone: string): { input: RequestContentInput; maps: RowMaps } {
  const identifiers = keepFilled(d.identifiers, filledIdentifier, identifierInput);
  const emergency = REQUEST_TYPE_INFO[d.type].emergency || d.emergency;
  const ra = d.requestingAuthority;
  const cc = d.confirmationContact;
  const input = {
    type: d.type,
    requestedParty: d.requestedParty ?? "",
    contactPointId: null,
    language: d.language,
    reference: d.reference,
    emergency,
    exercise: d.exercise,
    answerNeededBy: emergency && d.answerNeededBy ? (zonedToIso(d.answerNeededBy, zone) ?? d.answerNeededBy) : null,
    parent:
      d.parent.relation || d.parent.requestId ? { relation: d.parent.relation, requestId: d.parent.requestId } : null,
    requestingAuthority: { ...ra, mobile: orNull(ra.mobile), fax: orNull(ra.fax) },
    confirmationContact: { ...cc, mobile: orNull(cc.mobile) },
    handlingConditions: { ...d.handlingConditions },
    identifiers: identifiers.values,
    details: detailsInput(d),
  };
  // The form holds strings where the schema wants choices; the schema, not the type system, judges them.
  return { input: input as unknown as RequestContentInput, maps: { identifiers: identifiers.map } };
}

// --- Reading a saved draft back --------------------------------------------------------------

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const oneOf = <T extends string>(values: readonly T[], v: unknown, fallback: T): T =>
  typeof v === "string" && (values as readonly string[]).includes(v) ? (v as T) : fallback;

function identifierFrom(v: unknown): IdentifierRow {
  const o = obj(v);
  return {
    key: rowKey(),
    kind: oneOf(IDENTIFIER_KINDS, o.kind, "ip"),
    value: str(o.value),
    port: str(o.port),
    observedAt: str(o.observedAt),
    timeZone: str(o.timeZone),
    service: str(o.service),
    note: str(o.note),
  };
}

/**
 * A form from what was saved (a draft's content, or an earlier request's blocks). Lenient: a
 * draft may be incomplete or come from an older version of the form.
 */
export function draftFromContent(
  content: Json,
  fallback: { type: RequestType; requestedParty: string | null; timeZone: string },
  zone: string,
): RequestDraft {
  const type = oneOf(REQUEST_TYPES, content.type, fallback.type);
  const base = emptyDraft({ type, timeZone: fallback.timeZone });
  const ra = obj(content.requestingAuthority);
  const cc = obj(content.confirmationContact);
  const hc = obj(content.handlingConditions);
  const parent = obj(content.parent);
  const details: Record<string, DetailValue> = { ...base.details };
  for (const [name, value] of Object.entries(obj(content.details))) {
    if (typeof value === "string" || typeof value === "boolean") details[name] = value;
    else if (value && typeof value === "object") details[name] = { from: str(obj(value).from), to: str(obj(value).to) };
  }
  const answer = str(content.answerNeededBy);
  return {
    ...base,
    requestedParty: str(content.requestedParty) || fallback.requestedParty,
    language: str(content.language) || base.language,
    reference: str(content.reference),
    emergency: REQUEST_TYPE_INFO[type].emergency || content.emergency === true,
    exercise: content.exercise === true,
    answerNeededBy: answer ? isoToZoned(answer, zone) : "",
    parent: { relation: oneOf([...PARENT_RELATIONS, ""], parent.relation, ""), requestId: str(parent.requestId) },
    requestingAuthority: authorityFrom(ra, base.requestingAuthority),
    confirmationContact: contactFrom(cc, base.confirmationContact),
    handlingConditions: {
      purpose: str(hc.purpose),
      useLimits: str(hc.useLimits),
      onwardSharing: oneOf(ONWARD_SHARING, hc.onwardSharing, base.handlingConditions.onwardSharing),
      confidential: typeof hc.confidential === "boolean" ? hc.confidential : base.handlingConditions.confidential,
      sensitive: hc.sensitive === true,
    },
    identifiers: Array.isArray(content.identifiers) ? content.identifiers.map(identifierFrom) : base.identifiers,
    details,
  };
}

export function authorityFrom(
  ra: Json,
  base: RequestDraft["requestingAuthority"],
): RequestDraft["requestingAuthority"] {
  return {
    organisation: str(ra.organisation),
    personInCharge: str(ra.personInCharge),
    address: str(ra.address),
    phone: str(ra.phone),
    mobile: str(ra.mobile),
    email: str(ra.email),
    fax: str(ra.fax),
    officeHours: str(ra.officeHours),
    timeZone: str(ra.timeZone) || base.timeZone,
    preferredReply: oneOf(REPLY_CHANNELS, ra.preferredReply, base.preferredReply),
  };
}

export function contactFrom(cc: Json, base: RequestDraft["confirmationContact"]): RequestDraft["confirmationContact"] {
  return {
    name: str(cc.name) || base.name,
    jobTitle: str(cc.jobTitle),
    function: str(cc.function),
    phone: str(cc.phone),
    mobile: str(cc.mobile),
    email: str(cc.email),
  };
}

import { RequestContent, type RequestContentInput, type RequestType } from "../../../shared/requests";
import type { DocumentLocale, RequestDocumentInput } from "./input";
import type { RequestLayout } from "./layout";

/**
 * Fictional requests for the documents' tests: invented Parties (XA, XB), example.org addresses,
 * +99 numbers, documentation IP addresses (RFC 5737, RFC 3849). The content goes through the
 * request schema, so a sample is a request the API would accept; overrides are plain JSON, as a
 * client would send them, and the schema checks them.
 */

/** Parts of a request's content, as JSON. */
export type ContentOverrides = { [K in keyof RequestContentInput]?: unknown };

const XANDIA = { iso2: "XA", nameEn: "Xandia", nameFr: "Xandie" };
const YORVANIA = { iso2: "XB", nameEn: "Yorvania", nameFr: "République de Yorvanie" };

const opening = {
  requestedParty: "XB",
  language: "en",
  reference: "NCU-2026-117",
  requestingAuthority: {
    organisation: "Xandia Police, National Cybercrime Unit",
    personInCharge: "Chief Inspector Ana Exemplar",
    address: "1 Sample Street\n1000 Xandia City",
    phone: "+99 21 555 0100",
    mobile: "+99 70 555 0101",
    email: "ncu.duty@police.example.org",
    officeHours: "Mon–Fri 08:00–18:00; duty officer on the mobile at other times",
    timeZone: "Europe/Paris",
    preferredReply: "email",
  },
  confirmationContact: {
    name: "Ben Placeholder",
    jobTitle: "Detective Sergeant",
    function: "Case officer",
    phone: "+99 21 555 0110",
    email: "ben.placeholder@police.example.org",
  },
  handlingConditions: {
    purpose: "Criminal investigation NCU-2026-117 into computer-related fraud against a regional hospital",
    useLimits: "Only in investigation NCU-2026-117 and the proceedings that follow it",
    onwardSharing: "with_prior_authorisation",
    confidential: true,
  },
};

const preservationDetails = {
  offence: "Computer-related fraud (Convention, Article 8; Criminal Code of Xandia, section 245)",
  facts: "On 21 November 2026 the hospital's payment system was used to divert 40 000 units to accounts abroad.",
  dataToPreserve: "Subscriber and connection logs of the IP address below, and the content of the account",
  relationToOffence: "The diverting transfers were ordered from this address and account",
  custodian: "ExampleNet Hosting, Yorvania City",
  necessity: "The provider keeps connection logs for 30 days only",
  period: { from: "2026-11-01", to: "2026-11-21" },
  mlaToFollow: true as const,
};

const emergencyDetails = {
  provider: "ExampleMail Ltd., 5 Placeholder Road, Yorvania City",
  offence: "Threat to kill and abduction of a child",
  provisionsAndPenalties: "Criminal Code of Xandia, sections 180 and 212 (up to 15 years' imprisonment)",
  emergencyFacts: "A 12-year-old was taken this morning; the abductor writes from the account below.",
  dataLink: "The account's login IP addresses would show where the child is held",
  dataSought: "Login IP addresses with dates and times of the last 72 hours; subscriber details",
  instructions: "Do not notify the account holder; call the duty officer before answering",
};

const assistanceDetails = {
  subject: "Reading a cryptocurrency exchange's records",
  details: "Advice on what they show",
};

const DETAILS: Record<RequestType, Record<string, unknown>> = {
  preservation: preservationDetails,
  traffic_disclosure: {
    offence: preservationDetails.offence,
    facts: preservationDetails.facts,
    trafficDataSought: "Source IP addresses and ports of the connections to the server below",
    provider: "ExampleNet Hosting",
  },
  subscriber_information: {
    offence: preservationDetails.offence,
    facts: preservationDetails.facts,
    investigativeAuthority: "",
    prosecutionOrCourt: "Xandia City Prosecution Office, case 2026/4471; production order of 22 November 2026",
    legalBasis: "Code of Criminal Procedure of Xandia, article 151",
    dataSought: "Name, address and payment details of the holder of the account below",
    relevance: "The account received the diverted funds",
    provider: "ExampleChat Inc.",
    neededBy: "2026-12-01",
  },
  emergency_disclosure: emergencyDetails,
  emergency_mutual_assistance: emergencyDetails,
  technical_advice: assistanceDetails,
  legal_information: assistanceDetails,
  locating_suspects: assistanceDetails,
  collection_of_evidence: assistanceDetails,
  other: assistanceDetails,
};

const IDENTIFIERS: Record<string, unknown>[] = [
  {
    kind: "ip",
    value: "192.0.2.10",
    port: 51234,
    observedAt: "2026-11-21T02:14:09",
    timeZone: "Europe/Paris",
    note: "Behind carrier-grade NAT",
  },
  { kind: "ip", value: "2001:db8::1", observedAt: "2026-11-20T23:05:00-05:00" },
  { kind: "account", value: "shadow_trader", service: "ExampleChat" },
  { kind: "email", value: "suspect@example.org" },
];

export function sampleContent(type: RequestType, overrides: ContentOverrides = {}): RequestContent {
  return RequestContent.parse({
    ...opening,
    type,
    details: DETAILS[type],
    identifiers: IDENTIFIERS,
    ...(type.startsWith("emergency") ? { emergency: true, answerNeededBy: "2026-11-21T12:00:00+01:00" } : {}),
    ...overrides,
  });
}

export function sampleInput(
  type: RequestType,
  locale: DocumentLocale,
  overrides: Partial<Omit<RequestDocumentInput, "content">> & { content?: ContentOverrides } = {},
): RequestDocumentInput {
  const { content, ...rest } = overrides;
  return {
    number: "XA-2026-00042",
    state: "sent",
    sentAt: new Date("2026-11-21T08:30:00Z"),
    createdAt: new Date("2026-11-21T08:10:00Z"),
    from: XANDIA,
    to: YORVANIA,
    contactPoint: { institution: "Yorvania National Police", unit: "Cybercrime Division" },
    content: sampleContent(type, content),
    parent: null,
    locale,
    ...rest,
  };
}

/** The text of a layout in reading order (marks, title, then each section), for checking renderers. */
export function readingOrder(layout: RequestLayout): string[] {
  return [
    ...(layout.exercise ? [layout.exercise] : []),
    ...(layout.banner ? [layout.banner] : []),
    ...(layout.draft ? [layout.draft] : []),
    layout.title,
    ...layout.sections.flatMap((s) => [
      s.heading,
      ...s.rows.flatMap((r) => [r.label, r.value]),
      ...(s.table ? [...s.table.columns, ...s.table.rows.flat()] : []),
    ]),
  ];
}

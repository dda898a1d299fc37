import type { Art35Function, ContactPointType, Network, PartyStatus } from "../../../shared/directory";

/**
 * English labels for the printable formats (PDF, Word, vCard). The Network's working language
 * for the printed directory is English; Party names are given in English and French.
 */
export const CONTACT_POINT_TYPE_LABELS: Record<ContactPointType, string> = {
  police: "Police",
  prosecution: "Prosecution",
  ministry_of_justice: "Ministry of justice",
  security_service: "Security service",
  cybersecurity: "Cybersecurity",
  other: "Other",
};

export const FUNCTION_LABELS: Record<Art35Function, string> = {
  technical_advice: "technical advice",
  preservation: "preservation of data",
  collection_of_evidence: "collection of evidence",
  legal_information: "legal information",
  locating_suspects: "locating suspects",
};

export const NETWORK_LABELS: Record<Network, string> = {
  budapest_art35: "Budapest Art. 35",
  un_art41: "UN Convention Art. 41",
  g7: "G7 24/7 Network",
  interpol: "INTERPOL",
};

export const STATUS_LABELS: Record<PartyStatus, string> = {
  party: "Party",
  signatory: "Signatory",
  observer: "Observer",
};

export const TEMPLATE_LABELS: Record<string, string> = {
  art29_preservation: "Art. 29 preservation",
  art30_disclosure: "Art. 30 disclosure of traffic data",
  art31_subscriber: "Art. 31 subscriber information",
  sap_art9_emergency: "SAP Art. 9 emergency disclosure",
};

/** "en, fr" → "English, French", for readers who do not know the codes. */
// Made once: building an Intl formatter costs far more than using it, and a release of 10,000
// contact points asks for tens of thousands of names and dates.
const LANGUAGE_NAMES = new Intl.DisplayNames(["en"], { type: "language" });
const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

export function languageNames(codes: readonly string[]): string {
  return codes.map((c) => LANGUAGE_NAMES.of(c) ?? c).join(", ");
}

/** "2024-12-16T09:00:00.000Z" → "16 December 2024" (UTC, so every reader sees the same date). */
export function formatDate(iso: string | null): string {
  if (!iso) return "not published";
  return DATE_FORMAT.format(new Date(iso));
}

/** "Version 2024-12 of 16 December 2024", or "Working copy" for an unpublished document. */
export function versionLine(doc: { version: string | null; publishedAt: string | null }): string {
  return doc.version ? `Version ${doc.version} of ${formatDate(doc.publishedAt)}` : "Working copy (not a release)";
}

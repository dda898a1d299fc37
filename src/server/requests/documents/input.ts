import type { ParentRelation, RequestContent, RequestState } from "../../../shared/requests";

/** A Party as printed: its code and its names in the two languages documents are rendered in. */
export type DocumentParty = { iso2: string; nameEn: string; nameFr: string };

/** The languages a request document is rendered in (labels only: the sender's text stays as written). */
export const DOCUMENT_LOCALES = ["en", "fr"] as const;
export type DocumentLocale = (typeof DOCUMENT_LOCALES)[number];

/**
 * What a request document is made from: the request as sent (content), and what Vigil knows
 * about it (its number, state, Parties, the contact point it went to, the request it follows).
 */
export type RequestDocumentInput = {
  number: string;
  state: RequestState;
  sentAt: Date | null;
  createdAt: Date;
  from: DocumentParty;
  to: DocumentParty;
  /** The contact point the request went to; null when Vigil has not routed it yet. */
  contactPoint: { institution: string; unit: string | null } | null;
  content: RequestContent;
  parent: { number: string; relation: ParentRelation } | null;
  locale: DocumentLocale;
};

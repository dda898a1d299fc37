import {
  ConfirmResult,
  ContactPoint,
  type ContactPointFields,
  LegalProfile,
  type LegalProfileFields,
  PartyDetail,
  PartyList,
  Proposal,
  type ProposalBody,
  SearchResult,
} from "../../../shared/directory";
import { api, apiRequest } from "../../app/api";

/** What the search form sends; empty values are left out of the address. */
export type SearchParams = {
  q: string;
  type: string | null;
  language: string | null;
  function: string | null;
  availableNow: boolean;
};

export const SEARCH_LIMIT = 200;

export function searchQueryString(params: SearchParams): string {
  const query = new URLSearchParams();
  if (params.q.trim()) query.set("q", params.q.trim());
  if (params.type) query.set("type", params.type);
  if (params.language) query.set("language", params.language);
  if (params.function) query.set("function", params.function);
  if (params.availableNow) query.set("availability", "now");
  query.set("limit", String(SEARCH_LIMIT));
  return query.toString();
}

const party = (iso2: string) => `/api/directory/parties/${encodeURIComponent(iso2)}`;

export const directoryApi = {
  parties: (signal: AbortSignal) => api.get("/api/directory/parties", PartyList, signal),
  party: (iso2: string, signal: AbortSignal) => api.get(party(iso2), PartyDetail, signal),
  search: (params: SearchParams, signal: AbortSignal) =>
    api.get(`/api/directory/search?${searchQueryString(params)}`, SearchResult, signal),
  confirm: (iso2: string) => api.post(`${party(iso2)}/confirm`, undefined, ConfirmResult),
  propose: (iso2: string, body: ProposalBody) => api.post(`${party(iso2)}/proposals`, body, Proposal),
  // Direct edits (Secretariat).
  createContactPoint: (iso2: string, fields: ContactPointFields) =>
    apiRequest("POST", `${party(iso2)}/contact-points`, { body: fields, schema: ContactPoint }),
  updateContactPoint: (id: string, fields: ContactPointFields) =>
    apiRequest("PUT", `/api/directory/contact-points/${encodeURIComponent(id)}`, {
      body: fields,
      schema: ContactPoint,
    }),
  deleteContactPoint: (id: string) => apiRequest("DELETE", `/api/directory/contact-points/${encodeURIComponent(id)}`),
  updateLegalProfile: (iso2: string, fields: LegalProfileFields) =>
    apiRequest("PUT", `${party(iso2)}/legal-profile`, { body: fields, schema: LegalProfile }),
};

import { z } from "zod";
import {
  AuthoritiesOverview,
  AuthoritiesReleaseSummary,
  type AuthoritySubmissionInput,
  CollectionProgress,
  PartyAuthorities,
  RemindResult,
} from "../../../shared/authorities";
import { api } from "../../app/api";

/** The calls of the authorities directory: reading, answering, the campaign, releases. */
export const authoritiesApi = {
  overview: (signal?: AbortSignal) => api.get("/api/authorities", AuthoritiesOverview, signal),
  party: (iso2: string, signal?: AbortSignal) => api.get(`/api/authorities/parties/${iso2}`, PartyAuthorities, signal),
  submit: (iso2: string, body: AuthoritySubmissionInput) =>
    api.put(`/api/authorities/parties/${iso2}/submission`, body, PartyAuthorities),
  progress: (signal?: AbortSignal) => api.get("/api/authorities/progress", CollectionProgress, signal),
  startCampaign: (dueOn: string | null) => api.post("/api/authorities/campaigns", { dueOn }, CollectionProgress),
  remind: (id: string) => api.post(`/api/authorities/campaigns/${id}/remind`, {}, RemindResult),
  releases: (signal?: AbortSignal) =>
    api.get("/api/authorities/releases", z.object({ releases: z.array(AuthoritiesReleaseSummary) }), signal),
  publish: (version: string, notes: string) =>
    api.post("/api/authorities/releases", { version, notes }, AuthoritiesReleaseSummary),
  exportUrl: (version: string, format: "json" | "csv" | "pdf") =>
    `/api/authorities/releases/${encodeURIComponent(version)}/export?format=${format}`,
};

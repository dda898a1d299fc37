import {
  OpenPingList,
  PingAcknowledged,
  type PingAcknowledgeInput,
  PingCampaign,
  type PingCampaignInput,
  PingCampaignList,
  PingLinkStatus,
  PingPartyHistory,
  type PingPhoneAnswerInput,
  PingPreview,
  PingReport,
  type PingSelection,
  PingTrend,
} from "../../../shared/pings";
import { api } from "../../app/api";

/** The calls of ping tests: the Secretariat's, the officers' answer, and the public link's. */
export const pingsApi = {
  list: (signal?: AbortSignal) => api.get("/api/pings", PingCampaignList, signal),
  preview: (body: PingSelection) => api.post("/api/pings/preview", body, PingPreview),
  create: (body: PingCampaignInput) => api.post("/api/pings", body, PingCampaign),
  campaign: (id: string, signal?: AbortSignal) => api.get(`/api/pings/${id}`, PingCampaign, signal),
  close: (id: string) => api.post(`/api/pings/${id}/close`, {}, PingCampaign),
  report: (id: string, signal?: AbortSignal) => api.get(`/api/pings/${id}/report`, PingReport, signal),
  exportUrl: (id: string, format: "csv" | "pdf", lang: string) =>
    `/api/pings/${id}/report/export?format=${format}&lang=${lang === "fr" ? "fr" : "en"}`,
  recordPhone: (id: string, body: PingPhoneAnswerInput) => api.post(`/api/pings/${id}/answers`, body, PingAcknowledged),
  trend: (signal?: AbortSignal) => api.get("/api/pings/trend", PingTrend, signal),
  history: (iso2: string, signal?: AbortSignal) =>
    api.get(`/api/pings/parties/${iso2}/history`, PingPartyHistory, signal),
  open: (signal?: AbortSignal) => api.get("/api/pings/open", OpenPingList, signal),
  acknowledge: (targetId: string) => api.post(`/api/pings/targets/${targetId}/acknowledge`, {}, PingAcknowledged),
  linkStatus: (token: string, signal?: AbortSignal) =>
    api.get(`/api/pings/ack/${encodeURIComponent(token)}`, PingLinkStatus, signal),
  acknowledgeLink: (token: string, body: PingAcknowledgeInput) =>
    api.post(`/api/pings/ack/${encodeURIComponent(token)}`, body, PingAcknowledged),
};

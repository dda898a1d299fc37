import { AccessLog, type AccessLogQuery } from "../../../shared/access-log";
import { DataProtectionReport, type ReportQuery } from "../../../shared/data-protection";
import { Incident, type IncidentInput, IncidentList, type IncidentUpdateInput } from "../../../shared/incidents";
import {
  type LiftInput,
  OnwardTransfer,
  type OnwardTransferAsk,
  type OnwardTransferDecision,
  OnwardTransferList,
  type SuspendInput,
  Suspension,
  SuspensionList,
} from "../../../shared/transfers";
import { api } from "../../app/api";

function query(q: Record<string, string | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
  return params;
}

/** A request's data-protection copy (a download: it may ask to sign in again). */
export const copyUrl = (requestId: string, format: "json" | "pdf", lang: "en" | "fr") =>
  `/api/data-protection/requests/${requestId}/copy?${query({ format, lang })}`;

/** Every request of the Party naming a person, as one copy. */
export const personCopyUrl = (q: string, format: "json" | "pdf", lang: "en" | "fr") =>
  `/api/data-protection/person-copies?${query({ q, format, lang })}`;

/** The Party's report for the period as a file. */
export const reportFileUrl = (period: ReportQuery, format: "csv" | "pdf", lang: "en" | "fr") =>
  `/api/data-protection/report/export?${query({ ...period, format, lang })}`;

/** The calls of Art. 14's incidents, suspensions and onward transfers. */
export const dataProtectionApi = {
  incidents: (signal?: AbortSignal) => api.get("/api/incidents", IncidentList, signal),
  incident: (id: string, signal?: AbortSignal) => api.get(`/api/incidents/${id}`, Incident, signal),
  recordIncident: (body: IncidentInput) => api.post("/api/incidents", body, Incident),
  updateIncident: (id: string, body: IncidentUpdateInput) => api.post(`/api/incidents/${id}/updates`, body, Incident),
  suspensions: (all: boolean, signal?: AbortSignal) =>
    api.get(`/api/transfer-suspensions${all ? "?all=true" : ""}`, SuspensionList, signal),
  suspend: (body: SuspendInput) => api.post("/api/transfer-suspensions", body, Suspension),
  lift: (id: string, body: LiftInput) => api.post(`/api/transfer-suspensions/${id}/lift`, body, Suspension),
  accessLog: (q: Partial<AccessLogQuery>, signal?: AbortSignal) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
    return api.get(`/api/audit/access-log?${params}`, AccessLog, signal);
  },
  report: (q: ReportQuery, signal?: AbortSignal) =>
    api.get(`/api/data-protection/report?${query(q)}`, DataProtectionReport, signal),
  onwardTransfers: (requestId: string, signal?: AbortSignal) =>
    api.get(`/api/requests/${requestId}/onward-transfers`, OnwardTransferList, signal),
  askOnward: (requestId: string, body: OnwardTransferAsk) =>
    api.post(`/api/requests/${requestId}/onward-transfers`, body, OnwardTransfer),
  decideOnward: (requestId: string, onwardId: string, body: OnwardTransferDecision) =>
    api.post(`/api/requests/${requestId}/onward-transfers/${onwardId}/decision`, body, OnwardTransfer),
};

import { z } from "zod";
import {
  type AssignBody,
  AttachmentInfo,
  type CorrectionBody,
  type DraftBody,
  type FeedbackBody,
  type MessageBody,
  type PurposeBody,
  RequestDetail,
  RequestList,
  type RequestState,
  type RequestType,
  RoutePreview,
  type TransitionBody,
} from "../../../shared/requests";
import { api, apiRequest } from "../../app/api";

export type Box = "inbox" | "outbox" | "drafts";

/** The list's filters, as they appear in the page's address and in the API's query. */
export type ListFilters = {
  box: Box;
  type: RequestType | null;
  state: RequestState | null;
  party: string | null;
  overdue: boolean;
  offset: number;
};

export const PAGE_SIZE = 50;

export function listQueryString(f: ListFilters, limit = PAGE_SIZE): string {
  const q = new URLSearchParams({ box: f.box });
  if (f.type) q.set("type", f.type);
  if (f.state) q.set("state", f.state);
  if (f.party) q.set("party", f.party);
  if (f.overdue) q.set("overdue", "true");
  q.set("limit", String(limit));
  if (f.offset > 0) q.set("offset", String(f.offset));
  return q.toString();
}

const Created = z.object({ id: z.uuid() });
/** The feed's address is a secret stored only as a hash: the server shows it once, when it is made. */
const CalendarFeed = z.object({ url: z.string().nullable(), active: z.boolean(), createdAt: z.string().nullable() });
export type CalendarFeed = z.infer<typeof CalendarFeed>;
const Verification = z.object({ valid: z.boolean(), reason: z.string().optional(), payload: z.unknown().optional() });
export type Verification = z.infer<typeof Verification>;

const BASE = "/api/requests";
const one = (id: string, rest = "") => `${BASE}/${encodeURIComponent(id)}${rest}`;

export type DocumentFormat = "pdf" | "docx";

export const requestsApi = {
  list: (filters: ListFilters, signal?: AbortSignal, limit?: number) =>
    api.get(`${BASE}?${listQueryString(filters, limit)}`, RequestList, signal),
  route: (party: string, type: RequestType, language: string | null, signal?: AbortSignal) => {
    const q = new URLSearchParams({ party, type });
    if (language) q.set("language", language);
    return api.get(`${BASE}/route?${q}`, RoutePreview, signal);
  },
  get: (id: string, signal?: AbortSignal) => api.get(one(id), RequestDetail, signal),
  createDraft: (body: DraftBody) => api.post(BASE, body, Created),
  saveDraft: (id: string, body: DraftBody) => apiRequest("PUT", one(id, "/draft"), { body, schema: Created }),
  deleteDraft: (id: string) => apiRequest("DELETE", one(id)),
  /** The body is the whole form, checked again by the server with the same schema. */
  send: (id: string, content: unknown) => api.post(one(id, "/send"), content, RequestDetail),
  transition: (id: string, body: TransitionBody) => api.post(one(id, "/transitions"), body, RequestDetail),
  message: (id: string, body: MessageBody) => api.post(one(id, "/messages"), body, RequestDetail),
  feedback: (id: string, body: FeedbackBody) => api.post(one(id, "/feedback"), body, RequestDetail),
  /** The sender's correction of a sent request's form: the whole form and why. */
  correct: (id: string, body: CorrectionBody) => api.post(one(id, "/corrections"), body, RequestDetail),
  /** Why one opens a request one does not handle; answers the request, read under that purpose. */
  givePurpose: (id: string, body: PurposeBody) => api.post(one(id, "/purpose"), body, RequestDetail),
  /** Take it (no userId) or, as a Party admin, assign an officer. */
  assign: (id: string, body: AssignBody) => api.post(one(id, "/assignments"), body, RequestDetail),
  unassign: (id: string, userId: string) =>
    apiRequest("DELETE", one(id, `/assignments/${encodeURIComponent(userId)}`), { schema: RequestDetail }),
  /** The file itself is the body; the server recognises its type from the content. */
  attach: (id: string, file: File) =>
    apiRequest("POST", one(id, `/attachments?filename=${encodeURIComponent(file.name)}`), {
      file,
      schema: AttachmentInfo,
    }),
  verifyReceipt: (receipt: string) => api.post("/api/receipts/verify", { receipt }, Verification),
  calendar: (signal?: AbortSignal) => api.get("/api/me/calendar", CalendarFeed, signal),
  /** Makes a new address (the previous one stops working) and shows it, this once. */
  rotateCalendar: () => api.post("/api/me/calendar/rotate", undefined, CalendarFeed),
  /** Turns the feed off; 204. */
  revokeCalendar: () => apiRequest("DELETE", "/api/me/calendar"),
};

/** Downloads are plain links: the session cookie goes with them and the browser saves the file. */
export function receiptUrl(requestId: string, eventId: string): string {
  return one(requestId, `/receipts/${encodeURIComponent(eventId)}`);
}

export function attachmentUrl(requestId: string, attachmentId: string): string {
  return one(requestId, `/attachments/${encodeURIComponent(attachmentId)}`);
}

/** As the server's MAX_ATTACHMENT_BYTES: refused here before a phone uploads it for nothing. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export function documentUrl(requestId: string, format: DocumentFormat, lang: "en" | "fr"): string {
  return one(requestId, `/document?format=${format}&lang=${lang}`);
}

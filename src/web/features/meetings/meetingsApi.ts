import type { z } from "zod";
import {
  type AttendanceInput,
  MeetingDetail,
  type MeetingInput,
  MeetingList,
  type RegistrationInput,
} from "../../../shared/plenary";
import { api } from "../../app/api";

// The forms send what the user typed (the schemas' input), checked first with the same schema:
// the parsed output turns empty optional text into null, which the schema does not take back.
export type MeetingFields = z.input<typeof MeetingInput>;
export type RegistrationFields = z.input<typeof RegistrationInput>;

/** The annual meetings' calls (the Secretariat's; the server refuses anyone else). */
export const meetingsApi = {
  list: (signal?: AbortSignal) => api.get("/api/meetings", MeetingList, signal),
  get: (id: string, signal?: AbortSignal) => api.get(`/api/meetings/${id}`, MeetingDetail, signal),
  create: (body: MeetingFields) => api.post("/api/meetings", body, MeetingDetail),
  addRegistration: (id: string, body: RegistrationFields) =>
    api.post(`/api/meetings/${id}/registrations`, body, MeetingDetail),
  updateRegistration: (id: string, registrationId: string, body: AttendanceInput) =>
    api.patch(`/api/meetings/${id}/registrations/${registrationId}`, body, MeetingDetail),
};

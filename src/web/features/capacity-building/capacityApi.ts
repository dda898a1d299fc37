import type { z } from "zod";
import { Activity, type ActivityInput, ActivityList } from "../../../shared/plenary";
import { api } from "../../app/api";

/** What the form sends: the schema's input, checked with it first (see meetingsApi.ts). */
export type ActivityFields = z.input<typeof ActivityInput>;

/** Capacity-building activities (the Secretariat's). */
export const capacityApi = {
  list: (signal?: AbortSignal) => api.get("/api/capacity-building", ActivityList, signal),
  create: (body: ActivityFields) => api.post("/api/capacity-building", body, Activity),
  remove: (id: string) => api.delete(`/api/capacity-building/${id}`),
};

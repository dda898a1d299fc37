import { RequestOverview } from "../../../shared/requests";
import { api } from "../../app/api";

export type Period = { from: string | null; to: string | null };

export const statisticsApi = {
  /** Counts and median timings of requests per Party: no content, no reference, ever. */
  requests: (period: Period, signal?: AbortSignal) => {
    const q = new URLSearchParams();
    if (period.from) q.set("from", period.from);
    if (period.to) q.set("to", period.to);
    const query = q.toString();
    return api.get(`/api/requests/overview${query ? `?${query}` : ""}`, RequestOverview, signal);
  },
};

import type { RequestType, RoutePreview } from "../../../../shared/requests";
import { useApiQuery } from "../../../app/useApiQuery";
import { requestsApi } from "../requestsApi";

/** Where a request would go, asked again whenever the Party, the type or the language changes; null before a Party is chosen. */
export function useRoutePreview(party: string | null, type: RequestType, language: string) {
  return useApiQuery<RoutePreview | null>(`route-${party ?? ""}-${type}-${language}`, (signal) =>
    party ? requestsApi.route(party, type, language || null, signal) : Promise.resolve(null),
  );
}
export type RoutePreviewQuery = ReturnType<typeof useRoutePreview>;

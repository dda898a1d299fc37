import { ApiToken, ApiTokenCreated, type ApiTokenInput, ApiTokenList } from "../../../shared/api-tokens";
import { api } from "../../app/api";

/** The permission that shows the panel: a Party admin manages their own Party's tokens. */
export const API_TOKENS_PERMISSION = "apiTokens.manage";

const BASE = "/api/api-tokens";

export const apiTokensApi = {
  list: (signal?: AbortSignal) => api.get(BASE, ApiTokenList, signal),
  /** The answer carries the token itself, which the server never gives again. */
  create: (input: ApiTokenInput) => api.post(BASE, input, ApiTokenCreated),
  revoke: (id: string) => api.post(`${BASE}/${encodeURIComponent(id)}/revoke`, undefined, ApiToken),
};

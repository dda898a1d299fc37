// API tokens: a Party's national systems call Vigil (the directory now, requests later) without a person signing in.
export { ApiTokensPanel } from "./ApiTokensPanel";
export { API_TOKENS_PERMISSION } from "./apiTokensApi";

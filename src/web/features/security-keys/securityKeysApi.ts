import { z } from "zod";
import { SecurityKeyInfo, SessionInfo, WebAuthnOptions } from "../../../shared/auth";
import { api } from "../../app/api";

const KEYS = "/api/me/security-keys";

export const securityKeysApi = {
  list: (signal?: AbortSignal) => api.get(KEYS, z.array(SecurityKeyInfo), signal),
  /** Registration: options for navigator.credentials.create(), then the browser's answer. */
  registrationOptions: () => api.post(`${KEYS}/options`, undefined, WebAuthnOptions),
  add: (name: string, response: unknown) => api.post(KEYS, { name, response }, SecurityKeyInfo),
  remove: (id: string) => api.delete(`${KEYS}/${id}`),
  /** A challenge for the account's keys (second sign-in step or re-authentication). */
  challenge: () => api.post("/api/auth/security-key/options", undefined, WebAuthnOptions),
  signIn: (response: unknown) => api.post("/api/auth/security-key", { response }, SessionInfo),
  reauth: (body: unknown) => api.post("/api/auth/reauth", body),
};

import type { z } from "zod";
import { ApiError as ApiErrorBody } from "../../shared/errors";

export type ApiIssue = { path: string; message: string };

/** An API failure as the UI sees it: the HTTP status and the server's error code drive the message shown. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];

  constructor(status: number, code: string, message: string, issues: ApiIssue[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

/** Codes the client itself produces when no usable answer came back from the server. */
export const CLIENT_ERROR_CODES = {
  network: "network_error",
  badResponse: "unexpected_response",
} as const;

/** 401 codes that mean "wrong secret", not "no session": they must not end the session. */
const CREDENTIAL_FAILURES = new Set(["invalid_credentials", "invalid_code", "invalid_security_key"]);

/** The server's answer to a sensitive action when the last proof of identity is too old. */
export const REAUTH_REQUIRED = "reauth_required";

/**
 * Asks the user to confirm their password and second factor (the re-authentication modal);
 * resolves true once the server accepted them, false if the user gave up.
 */
type ReauthHandler = () => Promise<boolean>;
let reauthHandler: ReauthHandler | null = null;

export function setReauthHandler(handler: ReauthHandler | null): void {
  reauthHandler = handler;
}

// Kept in memory only (never in storage) so that another site cannot read it; it is
// refreshed by every sign-in and session answer.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthenticatedListener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Called whenever a request is refused because the session is missing or expired. */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => {
    unauthenticatedListeners.delete(listener);
  };
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

type RequestOptions<S extends z.ZodType | undefined> = {
  body?: unknown;
  /** A file sent as it is (application/octet-stream) instead of a JSON body. */
  file?: Blob;
  /** Schema of a successful answer; omit for 204 answers. */
  schema?: S;
  signal?: AbortSignal;
};

type Result<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Sends one request; a refusal becomes an ApiError (and a lost session is announced). */
async function send(method: Method, path: string, options: RequestOptions<z.ZodType | undefined>): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  // Only when there is a body: Fastify rejects an empty body declared as JSON.
  if (options.file !== undefined) headers["content-type"] = "application/octet-stream";
  else if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError(0, CLIENT_ERROR_CODES.network, cause instanceof Error ? cause.message : String(cause));
  }
  if (response.ok) return response;

  const payload = await readJson(response);
  const parsed = ApiErrorBody.safeParse(payload);
  const error = parsed.success
    ? new ApiError(response.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.issues)
    : new ApiError(response.status, `http_${response.status}`, response.statusText);
  if (response.status === 401 && !CREDENTIAL_FAILURES.has(error.code)) {
    for (const listener of unauthenticatedListeners) listener(error);
  }
  throw error;
}

/**
 * `send`, and when a sensitive action is refused for an old proof of identity, asks the user to
 * confirm it (the modal) and tries once more.
 */
async function sendConfirmed(
  method: Method,
  path: string,
  options: RequestOptions<z.ZodType | undefined>,
): Promise<Response> {
  try {
    return await send(method, path, options);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === REAUTH_REQUIRED && reauthHandler)) throw error;
    if (!(await reauthHandler())) throw error;
    return send(method, path, options);
  }
}

export async function apiRequest<S extends z.ZodType | undefined = undefined>(
  method: Method,
  path: string,
  options: RequestOptions<S> = {},
): Promise<Result<S>> {
  const response = await sendConfirmed(method, path, options);
  const payload = await readJson(response);
  if (!options.schema) return undefined as Result<S>;
  const parsed = options.schema.safeParse(payload);
  if (!parsed.success) {
    // The shared schemas are the contract: an answer that does not match is a server bug, not data to show.
    throw new ApiError(response.status, CLIENT_ERROR_CODES.badResponse, `Unexpected answer from ${method} ${path}`);
  }
  return parsed.data as Result<S>;
}

/** The file name of a Content-Disposition header (filename* first), or null. */
export function dispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // A malformed name: fall through to the plain one.
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? null;
}

/**
 * Downloads a file through the API (so that a sensitive export can ask for re-authentication
 * first) and hands it to the browser under the server's file name.
 */
export async function downloadFile(path: string): Promise<void> {
  const response = await sendConfirmed("GET", path, {});
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = dispositionFilename(response.headers.get("content-disposition")) ?? "download";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal) =>
    apiRequest("GET", path, { schema, signal }),
  post: <S extends z.ZodType | undefined = undefined>(path: string, body?: unknown, schema?: S) =>
    apiRequest<S>("POST", path, { body, schema }),
  patch: <S extends z.ZodType>(path: string, body: unknown, schema: S) => apiRequest("PATCH", path, { body, schema }),
  put: <S extends z.ZodType>(path: string, body: unknown, schema: S) => apiRequest("PUT", path, { body, schema }),
  delete: (path: string) => apiRequest("DELETE", path),
};

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

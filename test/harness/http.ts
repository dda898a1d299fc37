import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { SESSION_COOKIE } from "../../src/server/http/guard";

/** A client over Fastify's inject that keeps the session cookie and sends the CSRF token, like the web client. */
export class TestClient {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
    opts: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse & { data: any }> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookie) headers.cookie = `${SESSION_COOKIE}=${this.cookie}`;
    if (method !== "GET" && opts.csrf !== false && this.csrf) headers["x-csrf-token"] = this.csrf;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const set = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (set) this.cookie = set.value || undefined;
    let data: unknown;
    try {
      data = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      data = res.body;
    }
    if (data && typeof data === "object" && "csrfToken" in data) this.csrf = (data as { csrfToken: string }).csrfToken;
    if (data && typeof data === "object" && "session" in data) {
      const s = (data as { session?: { csrfToken?: string } }).session;
      if (s?.csrfToken) this.csrf = s.csrfToken;
    }
    return Object.assign(res, { data: data as any });
  }
  get(url: string) {
    return this.request("GET", url);
  }
  post(url: string, body?: unknown, opts?: { csrf?: boolean }) {
    return this.request("POST", url, body ?? {}, opts);
  }
  patch(url: string, body?: unknown, opts?: { csrf?: boolean }) {
    return this.request("PATCH", url, body ?? {}, opts);
  }
}

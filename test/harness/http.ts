import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { totpCodeAt } from "../../src/server/auth/totp";
import type { UserRow } from "../../src/server/auth/users";
import type { AppContext } from "../../src/server/context";
import { SESSION_COOKIE } from "../../src/server/http/guard";
import type { Role } from "../../src/shared/auth";
import { makeUser, TEST_PASSWORD } from "./factories";

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
  put(url: string, body?: unknown, opts?: { csrf?: boolean }) {
    return this.request("PUT", url, body ?? {}, opts);
  }
  delete(url: string, opts?: { csrf?: boolean }) {
    return this.request("DELETE", url, undefined, opts);
  }
}

/** A new account of the given role, signed in with password and TOTP. */
export async function signedIn(
  app: FastifyInstance,
  ctx: AppContext,
  email: string,
  role: Role,
  party: string | null,
): Promise<{ c: TestClient; user: UserRow }> {
  const { user, totpSecret } = await makeUser(ctx, { email, role, party });
  const c = new TestClient(app);
  await c.post("/api/auth/sign-in", { email, password: TEST_PASSWORD });
  const res = await c.post("/api/auth/totp", { code: totpCodeAt(totpSecret as string, ctx.clock.now()) });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  return { c, user };
}

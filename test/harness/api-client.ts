import { totpCodeAt } from "../../src/server/auth/totp";
import { DEMO_PASSWORD } from "../../src/server/demo/seed";

export type ApiAnswer = { status: number; data: any };

/**
 * A client of a running server over real HTTP (fetch), keeping the session cookie and sending
 * the CSRF token as the web client does. A network failure (the server was killed) is an answer
 * with status 0: the caller counts it as not acknowledged.
 */
export class ApiClient {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(public base: string) {}

  async request(method: string, url: string, body?: unknown): Promise<ApiAnswer> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = `vigil_session=${this.cookie}`;
    if (method !== "GET" && this.csrf) headers["x-csrf-token"] = this.csrf;
    if (body !== undefined) headers["content-type"] = "application/json";
    let res: Response;
    try {
      res = await fetch(`${this.base}${url}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      return { status: 0, data: undefined };
    }
    const set = res.headers.getSetCookie().find((c) => c.startsWith("vigil_session="));
    if (set) this.cookie = set.slice("vigil_session=".length).split(";")[0] || undefined;
    const text = await res.text().catch(() => "");
    let data: any;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = text;
    }
    const csrf = data?.csrfToken ?? data?.session?.csrfToken;
    if (typeof csrf === "string") this.csrf = csrf;
    return { status: res.status, data };
  }
  get(url: string) {
    return this.request("GET", url);
  }
  post(url: string, body: unknown = {}) {
    return this.request("POST", url, body);
  }
}

/** The TOTP secret of a demo account, as the server's start-up banner prints it. */
export function demoSecret(banner: string, email: string): string {
  const m = new RegExp(`${email.replace(/[.@]/g, "\\$&")}\\s+\\S+\\s+TOTP secret (\\S+)`).exec(banner);
  if (!m?.[1]) throw new Error(`no TOTP secret for ${email} in the banner`);
  return m[1];
}

/** The 30-second TOTP step each secret last signed in with, in this test process. */
const lastStep = new Map<string, number>();

/**
 * Signs a demo account in with its password and current TOTP code. Vigil refuses a code used
 * once already (replay), and a restored database remembers the step used before the backup:
 * like a person, this waits for the authenticator's next code rather than reuse one.
 */
export async function signInDemo(base: string, email: string, secret: string): Promise<ApiClient> {
  const stepOf = (ms: number) => Math.floor(ms / 30_000);
  if (lastStep.get(secret) === stepOf(Date.now())) {
    await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 50));
  }
  const c = new ApiClient(base);
  const first = await c.post("/api/auth/sign-in", { email, password: DEMO_PASSWORD });
  if (first.status !== 200) throw new Error(`sign-in of ${email}: ${first.status} ${JSON.stringify(first.data)}`);
  lastStep.set(secret, stepOf(Date.now()));
  const second = await c.post("/api/auth/totp", { code: totpCodeAt(secret, new Date()) });
  if (second.status !== 200) throw new Error(`TOTP of ${email}: ${second.status} ${JSON.stringify(second.data)}`);
  return c;
}

/** The complete form of a short legal question, unique by `tag` (its reference and text carry it). */
export function legalQuestion(to: string, tag: string) {
  return {
    type: "legal_information",
    requestedParty: to,
    language: "en",
    reference: `CRASH-${tag}`,
    requestingAuthority: {
      organisation: "Cybercrime Unit (fictional)",
      personInCharge: "M. Example",
      address: "1 Example Street",
      phone: "+99 2 555 0100",
      email: "duty@example.org",
      officeHours: "Mon–Fri 08:30–17:30",
      timeZone: "UTC",
    },
    confirmationContact: { name: "M. Example", phone: "+99 2 555 0101", email: "duty@example.org" },
    handlingConditions: { purpose: `Legal question for case CRASH-${tag}` },
    details: { subject: `Retention of connection logs ${tag}`, details: `How long are logs kept? (${tag}) «é» 日本` },
  };
}

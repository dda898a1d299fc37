import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhook } from "../../src/server/webhooks/signature";
import { DemoSession } from "../harness/demo-session";

// A Party's administrator registers a webhook for their national system (here a small receiver on
// loopback, allowed in demo mode), copies the secret shown once, sends a test event and sees it
// arrive signed and logged as delivered, then disables the webhook. Real server, Chromium.

type Delivery = { headers: http.IncomingHttpHeaders; body: string };

/** The national system's end: records what arrives and answers 200. */
class Receiver {
  readonly received: Delivery[] = [];
  private readonly server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      this.received.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/vigil/hook`;
  }
  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

const receiver = new Receiver();
let demo: DemoSession;
let url: string;

beforeAll(async () => {
  url = await receiver.start();
  demo = await DemoSession.start("webhooks");
});
afterAll(async () => {
  await demo?.stop();
  await receiver.stop();
});

describe("webhooks panel", () => {
  it("registers a webhook, shows its secret once, delivers a signed test event, logs it, disables it", async () => {
    const { page, errors } = await demo.signIn("admin.cl@example.org", { width: 1280, height: 900 });
    await page.getByRole("link", { name: "Administration" }).click();
    await page.getByTestId("webhooks-empty").waitFor();

    await page.getByTestId("webhook-url").fill(url);
    await page.getByTestId("webhook-submit").click();

    // The secret, once: copied by the admin before confirming it is stored.
    const secret = (await page.getByTestId("webhook-secret-value").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{20,}$/);
    await page.getByTestId("webhook-secret-done").click();
    await page.getByTestId("webhook-secret").waitFor({ state: "detached" });
    expect(await page.content()).not.toContain(secret);

    const card = page.locator(`[data-testid="webhook"][data-url="${url}"]`);
    expect(await card.getAttribute("data-active")).toBe("true");
    await card.getByTestId("webhook-test").click();

    // The outbox worker posts it within seconds; the receiver checks it as the guide says.
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);
    const [delivery] = receiver.received as [Delivery];
    const h = delivery.headers;
    expect(h["x-vigil-event"]).toBe("test");
    const verdict = verifyWebhook({
      secret,
      body: delivery.body,
      timestamp: h["x-vigil-timestamp"] as string,
      signature: h["x-vigil-signature"] as string,
      deliveryId: h["x-vigil-delivery"] as string,
      now: new Date(),
      seen: new Set(),
    });
    expect(verdict).toEqual({ ok: true });
    // A different secret does not verify: the check above is not vacuous.
    expect(
      verifyWebhook({
        secret: `${secret}x`,
        body: delivery.body,
        timestamp: h["x-vigil-timestamp"] as string,
        signature: h["x-vigil-signature"] as string,
        deliveryId: h["x-vigil-delivery"] as string,
        now: new Date(),
        seen: new Set(),
      }),
    ).toEqual({ ok: false, reason: "bad_signature" });
    const body = JSON.parse(delivery.body) as { id: string; event: string };
    expect(body).toMatchObject({ id: h["x-vigil-delivery"], event: "test" });

    // The delivery log (opened by the test) shows that very delivery as delivered.
    const logged = card.locator(`[data-testid="delivery"][data-id="${body.id}"]`);
    await expect.poll(() => logged.getAttribute("data-status"), { timeout: 20_000 }).toBe("delivered");

    await card.getByTestId("webhook-disable").click();
    await page.getByTestId("webhook-disable-confirm").click();
    await expect.poll(() => card.getAttribute("data-active")).toBe("false");
    expect(await card.getByTestId("webhook-test").count()).toBe(0);

    // Disabled for the server too, and the secret is not given again.
    await page.reload();
    await card.waitFor();
    expect(await card.getAttribute("data-active")).toBe("false");
    expect(await page.content()).not.toContain(secret);
    expect(receiver.received).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});

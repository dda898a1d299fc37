import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { WebhookInput } from "../../../shared/webhooks";
import { clientErrors, fieldOf, serverErrors } from "./formErrors";

// Stands in for i18next: the key, and its options when there are some.
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

describe("fieldOf", () => {
  it("finds the form field in the paths the browser and the server use", () => {
    expect(fieldOf(["url"])).toBe("url");
    expect(fieldOf("body.url")).toBe("url");
    expect(fieldOf("/body/url")).toBe("url");
    expect(fieldOf("body.events.0")).toBe("events");
    expect(fieldOf(["events", 2])).toBe("events");
    expect(fieldOf("body")).toBeNull();
    expect(fieldOf("query.limit")).toBeNull();
  });
});

describe("clientErrors", () => {
  it("words the shared schema's messages in the UI language, one per field", () => {
    const parsed = WebhookInput.safeParse({ url: "cases.example.org", events: [] });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(clientErrors(t, parsed.error)).toEqual({
      url: "webhooks.validation.url",
      events: "webhooks.validation.events",
    });
  });

  it("says how long an address may be", () => {
    const parsed = WebhookInput.safeParse({
      url: `https://cases.example.org/${"a".repeat(2000)}`,
      events: ["directory.reminder"],
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(clientErrors(t, parsed.error)).toEqual({ url: 'webhooks.validation.urlTooLong {"count":2000}' });
  });
});

describe("serverErrors", () => {
  it("puts the server's rules on the URL field, translated when known", () => {
    expect(
      serverErrors(t, [{ path: "body.url", message: "The address points at a private or internal network" }]),
    ).toEqual({ fields: { url: "webhooks.validation.internal" }, unplaced: false });
    expect(serverErrors(t, [{ path: "body.url", message: "The name cases.invalid does not resolve" }])).toEqual({
      fields: { url: 'webhooks.validation.doesNotResolve {"host":"cases.invalid"}' },
      unplaced: false,
    });
  });

  it("shows a message it does not know as it comes, and flags issues without a field", () => {
    expect(
      serverErrors(t, [
        { path: "/body/url", message: "Some new rule" },
        { path: "body", message: "Body is required" },
      ]),
    ).toEqual({ fields: { url: "Some new rule" }, unplaced: true });
  });
});

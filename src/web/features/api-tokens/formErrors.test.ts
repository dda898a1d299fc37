import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { ApiTokenInput } from "../../../shared/api-tokens";
import { clientErrors, fieldOf, serverErrors } from "./formErrors";

// Stands in for i18next: the key, and its options when there are some.
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

describe("API token form errors", () => {
  it("find the field in the paths the browser and the server use", () => {
    expect(fieldOf(["name"])).toBe("name");
    expect(fieldOf("body.scopes.1")).toBe("scopes");
    expect(fieldOf("/body/expiresAt")).toBe("expiresAt");
    expect(fieldOf("body")).toBeNull();
  });

  it("word the shared schema's messages in the UI language, one per field", () => {
    const parsed = ApiTokenInput.safeParse({ name: " ", scopes: [] });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(clientErrors(t, parsed.error)).toEqual({
      name: "apiTokens.validation.name",
      scopes: "apiTokens.validation.scopes",
    });
    const long = ApiTokenInput.safeParse({ name: "x".repeat(101), scopes: ["directory:read"] });
    if (long.success) throw new Error("a 101-character name passed");
    expect(clientErrors(t, long.error)).toEqual({ name: 'apiTokens.validation.nameTooLong {"count":100}' });
  });

  it("place the server's issues on their fields, as the server words those it does not know", () => {
    expect(
      serverErrors(t, [
        { path: "body.expiresAt", message: "The expiry must be in the future" },
        { path: "body.scopes.0", message: 'Unknown scope "x": use directory:read, requests:read, requests:write' },
      ]),
    ).toEqual({
      fields: {
        expiresAt: "apiTokens.validation.expiry",
        scopes: 'Unknown scope "x": use directory:read, requests:read, requests:write',
      },
      unplaced: false,
    });
    expect(serverErrors(t, [{ path: "body", message: "Body is required" }]).unplaced).toBe(true);
  });
});

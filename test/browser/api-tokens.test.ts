import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoSession } from "../harness/demo-session";

// Chile's Party admin creates an API token for the national case system on the Administration
// page, copies it from the one time it is shown, sees the system's use of it, and revokes it.
// Real server, fresh embedded database with the demo network, Debian's Chromium.

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("api-tokens");
});
afterAll(async () => {
  await demo?.stop();
});

/** The national system's call, outside the browser: only the Authorization header. */
async function systemCall(token: string): Promise<{ status: number; code?: string }> {
  const res = await fetch(`${demo.url}/api/directory/parties`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status, code: body.error?.code };
}

describe("API tokens on the Administration page", () => {
  it("creates a token shown once, with a copy button, and revokes it after confirmation", async () => {
    const { page, errors } = await demo.signIn("admin.cl@example.org", { width: 1280, height: 900 });
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: demo.url });
    await page.goto(`${demo.url}/admin`);
    const panel = page.getByTestId("api-tokens-panel");
    await panel.getByTestId("api-tokens-empty").waitFor();

    // Without a name, the form says so and sends nothing.
    await panel.getByRole("button", { name: "Create the token" }).click();
    await expect.poll(() => panel.getByText("Give the token a name, e.g. the system that will use it").count()).toBe(1);
    expect(await panel.getByTestId("api-token").count()).toBe(0);

    await panel.getByRole("textbox", { name: /^Name/ }).fill("Chile case system");
    // Reading the directory is ticked already; the expiry is left at one year.
    expect(await panel.getByRole("checkbox", { name: /^Read the directory/ }).isChecked()).toBe(true);
    expect(await panel.getByRole("checkbox", { name: /^Read requests/ }).isChecked()).toBe(false);
    await panel.getByRole("button", { name: "Create the token" }).click();

    // Shown once, with its warning and a copy button.
    const reveal = panel.getByTestId("api-token-reveal");
    await reveal.waitFor();
    await expect.poll(() => reveal.getByText(/shown only once/).count()).toBe(1);
    const token = (await reveal.getByTestId("api-token-value").innerText()).trim();
    expect(token).toMatch(/^vgl_[A-Za-z0-9_-]{43}$/);
    await reveal.getByRole("button", { name: "Copy the token" }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(token);

    const card = panel.locator('[data-testid="api-token"][data-name="Chile case system"]');
    await card.waitFor();
    expect(await card.getAttribute("data-state")).toBe("active");
    expect(await card.getByTestId("api-token-prefix").innerText()).toBe(`${token.slice(0, 12)}…`);
    expect(await card.getByTestId("api-token-last-used").innerText()).toBe("Never used");

    // The national system uses it.
    expect(await systemCall(token)).toEqual({ status: 200, code: undefined });

    // Once stored, the token is gone from the page for good, also after a reload.
    await reveal.getByRole("button", { name: "I have stored the token" }).click();
    await reveal.waitFor({ state: "detached" });
    expect(await page.content()).not.toContain(token);
    await page.reload();
    await card.waitFor();
    expect(await page.content()).not.toContain(token);
    expect(await card.getByTestId("api-token-last-used").innerText()).toMatch(/^Last used on /);

    // Revoking asks first; cancelling changes nothing.
    await card.getByRole("button", { name: "Revoke the token Chile case system" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke this token?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await systemCall(token)).toEqual({ status: 200, code: undefined });

    await card.getByRole("button", { name: "Revoke the token Chile case system" }).click();
    await dialog.getByRole("button", { name: "Revoke the token" }).click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => card.getAttribute("data-state")).toBe("revoked");
    expect(await card.getByRole("button", { name: /^Revoke/ }).count()).toBe(0);
    expect(await systemCall(token)).toEqual({ status: 401, code: "api_token_revoked" });

    expect(errors).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoSession, publishRelease } from "../harness/demo-session";

// Real time: an officer's open page learns of a new release within seconds, through the server's
// event stream, while its own polling runs only every 30 s. Real server, demo network, Chromium.

const VERSION = "2026-12";

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("live", { VIGIL_DEMO_HISTORY: "0" }); // no release yet
});
afterAll(async () => {
  await demo?.stop();
});

const signIn = (email: string, viewport: { width: number; height: number }) => demo.signIn(email, viewport);

describe("live notifications", () => {
  it("updates an open page's bell within seconds of a release published elsewhere", async () => {
    const officer = await signIn("officer.cl@example.org", { width: 1280, height: 900 });
    const bell = officer.page.getByTestId("notification-count");
    const before = Number(await bell.getAttribute("data-count"));

    const secretariat = await signIn("secretariat@example.org", { width: 1280, height: 900 });
    const sec = secretariat.page;
    await sec.goto(`${demo.url}/directory/releases`);
    await sec.getByTestId("no-releases").waitFor();
    await publishRelease(sec, VERSION);

    // A third of the 30 s polling interval at most: only the event stream can bring it this fast
    // (10 s rather than 5: a loaded 2-core machine delays the publication itself).
    await expect
      .poll(async () => Number(await bell.getAttribute("data-count")), { timeout: 10_000, interval: 100 })
      .toBe(before + 1);
    expect(officer.errors).toEqual([]);
    expect(secretariat.errors).toEqual([]);
  });
});

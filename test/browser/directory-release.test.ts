import fs from "node:fs";
import type { Download } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DirectoryDocument } from "../../src/shared/directory";
import { DemoSession, publishRelease } from "../harness/demo-session";

// Journey 3, "The directory changes": Romania's party admin proposes a change, the Secretariat
// reviews the field-by-field difference, accepts it, publishes a release, compares it with the
// previous one and downloads the exports; the Party is notified in its own language.
// Real server, fresh embedded database with the demo network, Debian's Chromium.

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("release", { VIGIL_DEMO_HISTORY: "0" }); // a network that never released its directory
});
afterAll(async () => {
  await demo?.stop();
});

const signIn = (email: string, viewport: { width: number; height: number }) =>
  demo.signIn(email, viewport, { acceptDownloads: true });

async function savedText(download: Download): Promise<string> {
  const file = await download.path();
  return fs.readFileSync(file, "utf8");
}

describe("journey 3: the directory changes", () => {
  it("proposal, field-by-field review, release, comparison, exports and notification", async () => {
    const secretariat = await signIn("secretariat@example.org", { width: 1280, height: 900 });
    const sec = secretariat.page;

    // A first release, so that the change below shows up between two releases.
    await sec.goto(`${demo.url}/directory/releases`);
    await sec.getByTestId("no-releases").waitFor();
    // With no release yet, the whole directory is "unreleased".
    await expect.poll(() => sec.getByTestId("unreleased-changes").getByTestId("party-diff").count()).toBe(76);
    await publishRelease(sec, "2026-10", () => "Baseline of the directory.");

    // Romania's party admin (a French-speaking account), on a phone, proposes a new number and a
    // longer instruction for the primary contact point, in the Party page's form.
    const romania = await signIn("admin.ro@example.org", { width: 390, height: 844 });
    const ro = romania.page;
    // What Romania's admin already has (the first release, reminders of the demo's stale entries).
    const bell = ro.locator('[data-testid="notification-count"][data-loaded="true"]');
    await bell.waitFor();
    const unreadBefore = Number(await bell.getAttribute("data-count"));
    await ro.goto(`${demo.url}/directory/parties/RO`);
    const primaryCard = ro.getByTestId("contact-point").filter({ has: ro.getByText("Principal", { exact: true }) });
    await primaryCard.getByRole("button", { name: "Proposer une modification" }).click();
    const form = ro.getByRole("dialog");
    await form.getByRole("button", { name: "Ajouter un téléphone" }).click();
    await form.getByLabel("Numéro", { exact: true }).last().fill("+99 21 555 0199");
    const instructionsField = form.getByLabel("Instructions aux demandeurs", { exact: true });
    await instructionsField.fill(`${await instructionsField.inputValue()} Call the night desk first.`);
    await form.getByLabel("Commentaire pour le Secrétariat", { exact: true }).fill("New night desk number");
    await form.getByRole("button", { name: "Envoyer pour examen" }).click();
    await form.waitFor({ state: "detached" });

    // The Secretariat sees the proposal with its field-by-field difference, and accepts it.
    await sec.goto(`${demo.url}/directory/proposals`);
    const proposal = sec.locator('[data-testid="proposal"][data-iso="RO"]');
    await proposal.waitFor();
    await expect.poll(() => proposal.getByText("New night desk number").count()).toBe(1);
    const phones = proposal.locator('[data-testid="field-change"][data-field="phones"]');
    await phones.waitFor();
    // The new number is marked as inserted; the existing ones are not.
    expect(await phones.locator("ins").allInnerTexts()).toEqual([expect.stringContaining("+99215550199")]);
    const instructions = proposal.locator('[data-testid="field-change"][data-field="instructions"]');
    expect(await instructions.locator("ins").allInnerTexts()).toEqual([expect.stringContaining("night desk first.")]);
    expect(await proposal.getByRole("rowheader", { name: "Phone numbers" }).count()).toBe(1);

    // Rejecting without a reason is refused in the form, nothing is sent.
    await proposal.getByRole("button", { name: "Reject" }).click();
    await expect.poll(() => proposal.getByText("Give a reason for the rejection.").count()).toBe(1);
    await proposal.getByRole("button", { name: "Accept" }).click();
    await sec.getByTestId("no-proposals").waitFor();

    // Publishing: the unreleased changes show Romania, its developments line goes into the notes.
    await sec.goto(`${demo.url}/directory/releases`);
    const unreleased = sec.getByTestId("unreleased-changes");
    await unreleased.locator('[data-testid="party-diff"][data-iso="RO"]').waitFor();
    expect(await unreleased.getByTestId("party-diff").count()).toBe(1);
    await sec.getByRole("button", { name: "Add to the notes in English" }).click();
    await expect.poll(() => sec.getByLabel("Notes", { exact: true }).inputValue()).toMatch(/Romania/);
    await publishRelease(sec, "2026-11", (generated) => `${generated}\nRomania: new night desk number.`);
    const release = sec.locator('[data-testid="release"][data-version="2026-11"]');
    await expect
      .poll(() => release.getByTestId("release-notes").innerText())
      .toMatch(/Romania: new night desk number\./);

    // Compare the two releases: Romania's contact point changed, with its field difference.
    await sec.getByLabel("From", { exact: true }).selectOption("2026-10");
    await sec.getByLabel("To", { exact: true }).selectOption("2026-11");
    const comparison = sec.getByTestId("comparison");
    const roDiff = comparison.locator('[data-testid="party-diff"][data-iso="RO"]');
    await roDiff.waitFor();
    expect(await comparison.getByTestId("party-diff").count()).toBe(1);
    expect(await roDiff.locator('[data-testid="contact-point-diff"][data-change="changed"]').count()).toBe(1);
    expect(await roDiff.locator('[data-testid="field-change"][data-field="phones"] ins').innerText()).toContain(
      "+99215550199",
    );
    await expect.poll(() => comparison.getByTestId("developments").innerText()).toMatch(/Romania/);

    // The exports of 2026-11 download, and carry the new number.
    const [json] = await Promise.all([
      sec.waitForEvent("download"),
      release.getByRole("link", { name: "JSON (signed)", exact: true }).click(),
    ]);
    expect(json.suggestedFilename()).toMatch(/\.json$/);
    const document = DirectoryDocument.parse(JSON.parse(await savedText(json)));
    expect(document.version).toBe("2026-11");
    const roInRelease = document.parties.find((p) => p.iso2 === "RO");
    expect(roInRelease?.contactPoints.find((cp) => cp.isPrimary)?.phones.map((p) => p.number)).toContain(
      "+99215550199",
    );
    const [csv] = await Promise.all([
      sec.waitForEvent("download"),
      release.getByRole("link", { name: "CSV", exact: true }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    expect(await savedText(csv)).toContain("+99215550199");

    // Romania's admin (French account) is told, in French, of the decision and of the release.
    await ro.reload();
    await expect.poll(() => bell.getAttribute("data-count"), { timeout: 15_000 }).toBe(String(unreadBefore + 2));
    await ro.getByRole("button", { name: /^Notifications/ }).click();
    const items = ro.getByTestId("notification");
    await items.nth(1).waitFor();
    // Newest first: the release, then the decision.
    expect(await items.nth(0).innerText()).toContain("La version 2026-11 de l’annuaire a été publiée.");
    expect(await items.nth(1).innerText()).toContain("Votre proposition de modification (Roumanie) a été acceptée.");
    // Opening one marks it read and goes where it points: the Party's proposals, accepted.
    await items.nth(1).click();
    await ro.waitForURL(/\/directory\/proposals/);
    await expect.poll(() => bell.getAttribute("data-count")).toBe(String(unreadBefore + 1));
    await ro.getByLabel("Statut", { exact: true }).selectOption("accepted");
    await ro.locator('[data-testid="proposal"][data-iso="RO"][data-status="accepted"]').waitFor();

    expect(secretariat.errors).toEqual([]);
    expect(romania.errors).toEqual([]);
  });
});

import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { ContactPointFields } from "../../../shared/directory";
import { draftFrom, draftToInput } from "./contactPointDraft";
import { remapPath } from "./formState";
import { schemaErrors, serverErrors } from "./issues";

// Messages are keys here: what matters is which field gets which message.
const t = ((key: string) => key) as unknown as TFunction;

const filled = () => {
  const d = draftFrom(null, { timeZone: "Europe/Bucharest", isPrimary: true });
  d.institution = "National Police";
  d.languages = ["en", "ro"];
  return d;
};

describe("contact point form", () => {
  it("sends a new entry that the shared schema accepts, without blank rows", () => {
    const d = filled();
    d.phones = [
      { key: 1, number: "", note: "", available247: false },
      { key: 2, number: "+40 21 555 0100", note: "duty", available247: true },
    ];
    const { input, maps } = draftToInput(d);
    const parsed = ContactPointFields.parse(input);
    expect(parsed.phones).toEqual([{ number: "+40215550100", note: "duty", available247: true }]);
    expect(parsed.emails).toEqual([]); // the empty e-mail row offered by default
    expect(parsed.openingHours).toBeNull();
    expect(maps.phones).toEqual([1]);
  });

  it("puts each schema error next to the row on screen that caused it", () => {
    const d = filled();
    d.phones = [
      { key: 1, number: "", note: "", available247: false },
      { key: 2, number: "not a number", note: "", available247: true },
    ];
    const { input, maps } = draftToInput(d);
    const result = ContactPointFields.safeParse(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = schemaErrors(t, result.error);
    expect(errors["phones.0.number"]).toBe("directory.validation.phone");
    expect(remapPath("phones.0.number", maps)).toBe("phones.1.number");
  });

  it("words the cross-field rules and keeps the server's own messages", () => {
    const d = filled();
    d.available247 = false;
    d.openingHours = [];
    const result = ContactPointFields.safeParse(draftToInput(d).input);
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = schemaErrors(t, result.error);
    expect(errors.available247).toBe("directory.validation.primary247");
    expect(errors.openingHours).toBe("directory.validation.openingHours");
    expect(errors.outOfHours).toBe("directory.validation.outOfHours");

    expect(
      serverErrors(
        t,
        [
          { path: "body.contactPoint.emails.0.address", message: "Invalid e-mail address" },
          { path: "body.contactPoint.isPrimary", message: "Romania already has a primary contact point" },
        ],
        ["contactPoint"],
      ),
    ).toEqual({
      "emails.0.address": "directory.validation.email",
      isPrimary: "Romania already has a primary contact point",
    });
  });
});

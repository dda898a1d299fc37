import { describe, expect, it } from "vitest";
import { deliveryPlan, inQuietHours, quietHoursEnd, type UserNotificationPrefs } from "./delivery-plan";

const none: UserNotificationPrefs = { channels: {}, quietHours: null };
const night: UserNotificationPrefs = { channels: {}, quietHours: { start: "22:00", end: "07:00" } };
const d = (iso: string) => new Date(iso);

/** When the release-published e-mail leaves for this user, or null when it does not. */
function emailAt(prefs: UserNotificationPrefs, at: string, tz: string): string | null {
  return deliveryPlan(prefs, "directory.release_published", undefined, d(at), tz).email?.sendAt.toISOString() ?? null;
}

describe("deliveryPlan", () => {
  it("uses the catalogue's defaults until the user chooses: in-app and e-mail at once", () => {
    const at = d("2026-11-23T09:00:00Z");
    expect(deliveryPlan(none, "directory.release_published", undefined, at, "UTC")).toEqual({
      inApp: true,
      email: { sendAt: at, heldForQuietHours: false },
    });
  });

  it("follows a user's channels for a normal kind", () => {
    const at = d("2026-11-23T09:00:00Z");
    const noMail: UserNotificationPrefs = {
      channels: { "directory.release_published": { inApp: true, email: false } },
      quietHours: null,
    };
    expect(deliveryPlan(noMail, "directory.release_published", undefined, at, "UTC")).toEqual({
      inApp: true,
      email: null,
    });
    // Other kinds keep their defaults.
    expect(deliveryPlan(noMail, "directory.reminder", undefined, at, "UTC").email?.sendAt).toEqual(at);
    const nothing: UserNotificationPrefs = {
      channels: { "directory.release_published": { inApp: false, email: false } },
      quietHours: null,
    };
    expect(deliveryPlan(nothing, "directory.release_published", undefined, at, "UTC")).toEqual({
      inApp: false,
      email: null,
    });
  });

  it("holds a normal e-mail until the end of quiet hours that span midnight, in the user's zone", () => {
    // Europe/Bucharest is UTC+2 in November: 22:00–07:00 local is 20:00–05:00 UTC.
    const tz = "Europe/Bucharest";
    expect(emailAt(night, "2026-11-23T21:30:00Z", tz)).toBe("2026-11-24T05:00:00.000Z"); // 23:30
    expect(emailAt(night, "2026-11-24T01:00:00Z", tz)).toBe("2026-11-24T05:00:00.000Z"); // 03:00, after midnight
    expect(emailAt(night, "2026-11-24T04:59:00Z", tz)).toBe("2026-11-24T05:00:00.000Z"); // 06:59
    expect(emailAt(night, "2026-11-24T05:00:00Z", tz)).toBe("2026-11-24T05:00:00.000Z"); // 07:00: over, at once
    expect(emailAt(night, "2026-11-23T19:59:00Z", tz)).toBe("2026-11-23T19:59:00.000Z"); // 21:59: not yet
    expect(emailAt(night, "2026-11-23T20:00:00Z", tz)).toBe("2026-11-24T05:00:00.000Z"); // 22:00 sharp
    const plan = deliveryPlan(night, "directory.release_published", undefined, d("2026-11-23T21:30:00Z"), tz);
    expect(plan.inApp).toBe(true); // the in-app notification is silent: it is written at once
    expect(plan.email?.heldForQuietHours).toBe(true);
  });

  it("reads quiet hours within one day too", () => {
    const lunch: UserNotificationPrefs = { channels: {}, quietHours: { start: "12:00", end: "14:00" } };
    expect(emailAt(lunch, "2026-11-23T11:59:00Z", "UTC")).toBe("2026-11-23T11:59:00.000Z");
    expect(emailAt(lunch, "2026-11-23T13:10:00Z", "UTC")).toBe("2026-11-23T14:00:00.000Z");
    expect(emailAt(lunch, "2026-11-23T14:00:00Z", "UTC")).toBe("2026-11-23T14:00:00.000Z");
    expect(emailAt(lunch, "2026-11-23T23:00:00Z", "UTC")).toBe("2026-11-23T23:00:00.000Z");
  });

  it("ends quiet hours at 07:00 on the wall clock across daylight-saving changes", () => {
    const tz = "Europe/Paris";
    // Clocks go forward on 29 March 2026 (02:00 CET → 03:00 CEST): the night is an hour shorter.
    expect(emailAt(night, "2026-03-28T21:30:00Z", tz)).toBe("2026-03-29T05:00:00.000Z");
    // Clocks go back on 25 October 2026 (03:00 CEST → 02:00 CET): the night is an hour longer.
    expect(emailAt(night, "2026-10-24T20:30:00Z", tz)).toBe("2026-10-25T06:00:00.000Z");
    // New York changes on other dates (8 March 2026): 07:00 EDT is 11:00 UTC.
    expect(emailAt(night, "2026-03-08T03:30:00Z", "America/New_York")).toBe("2026-03-08T11:00:00.000Z");
  });

  it("ends at the jump when quiet hours end at a time the clocks skip", () => {
    const early: UserNotificationPrefs = { channels: {}, quietHours: { start: "23:00", end: "02:30" } };
    // 02:30 does not exist in Paris on 29 March 2026: quiet ends when 02:00 CET becomes 03:00 CEST.
    expect(emailAt(early, "2026-03-29T00:30:00Z", "Europe/Paris")).toBe("2026-03-29T01:00:00.000Z");
  });

  it("ends at the next 02:30 when the clocks go back over it (the hour is lived twice)", () => {
    const early: UserNotificationPrefs = { channels: {}, quietHours: { start: "23:00", end: "02:30" } };
    // 02:10 CEST (first time) → 02:30 CEST; 02:10 CET (second time) → 02:30 CET.
    expect(emailAt(early, "2026-10-25T00:10:00Z", "Europe/Paris")).toBe("2026-10-25T00:30:00.000Z");
    expect(emailAt(early, "2026-10-25T01:10:00Z", "Europe/Paris")).toBe("2026-10-25T01:30:00.000Z");
  });

  it("handles zones a half hour off UTC", () => {
    // Asia/Kolkata is UTC+05:30: 22:30 local on 23 November, quiet until 07:00 local = 01:30 UTC.
    expect(emailAt(night, "2026-11-23T17:00:00Z", "Asia/Kolkata")).toBe("2026-11-24T01:30:00.000Z");
  });

  it("sends an emergency at once on both channels, whatever the preferences and quiet hours", () => {
    const at = d("2026-11-23T23:30:00Z"); // 23:30 in UTC, within 22:00–07:00
    const off: UserNotificationPrefs = {
      channels: {
        "ping.received": { inApp: false, email: false },
        "request.received": { inApp: false, email: false },
      },
      quietHours: { start: "22:00", end: "07:00" },
    };
    const at_once = { inApp: true, email: { sendAt: at, heldForQuietHours: false } };
    // A ping test is an emergency by its kind…
    expect(deliveryPlan(off, "ping.received", undefined, at, "UTC")).toEqual(at_once);
    // …a request by the call: an urgent one is, a normal one follows the user's choice.
    expect(deliveryPlan(off, "request.received", "emergency", at, "UTC")).toEqual(at_once);
    expect(deliveryPlan(off, "request.received", "normal", at, "UTC")).toEqual({ inApp: false, email: null });
    expect(deliveryPlan(night, "request.received", undefined, at, "UTC").email).toEqual({
      sendAt: d("2026-11-24T07:00:00Z"),
      heldForQuietHours: true,
    });
  });

  it("reads an unknown stored zone as UTC instead of failing the change that notifies", () => {
    expect(emailAt(night, "2026-11-23T23:30:00Z", "Mars/Olympus_Mons")).toBe("2026-11-24T07:00:00.000Z");
  });
});

describe("quiet hours", () => {
  it("include their start and exclude their end", () => {
    const q = { start: "22:00", end: "07:00" };
    expect(inQuietHours(q, d("2026-11-23T22:00:00Z"), "UTC")).toBe(true);
    expect(inQuietHours(q, d("2026-11-23T07:00:00Z"), "UTC")).toBe(false);
    expect(inQuietHours(q, d("2026-11-23T06:59:59Z"), "UTC")).toBe(true);
    expect(quietHoursEnd(q, d("2026-11-23T12:00:00Z"), "UTC")).toBeNull();
  });
});

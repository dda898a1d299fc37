import { describe, expect, it } from "vitest";
import { isOpenAt, localClock } from "./availability";

const office = {
  available247: false,
  timeZone: "Europe/Bucharest",
  openingHours: [{ days: [1, 2, 3, 4, 5], from: "08:00", to: "17:00" }],
};

describe("availability", () => {
  it("reads the local clock in the contact point's time zone", () => {
    // 2026-11-23 is a Monday; 06:30 UTC is 08:30 in Bucharest (UTC+2 in winter).
    expect(localClock(new Date("2026-11-23T06:30:00Z"), "Europe/Bucharest")).toMatchObject({
      weekday: 1,
      hhmm: "08:30",
    });
    expect(localClock(new Date("2026-11-23T06:30:00Z"), "America/Santiago").weekday).toBe(1);
  });

  it("is open within office hours on a working day only", () => {
    expect(isOpenAt(office, new Date("2026-11-23T06:30:00Z"))).toBe(true);
    expect(isOpenAt(office, new Date("2026-11-23T05:30:00Z"))).toBe(false); // 07:30 local
    expect(isOpenAt(office, new Date("2026-11-23T15:00:00Z"))).toBe(false); // 17:00 local: closed
    expect(isOpenAt(office, new Date("2026-11-22T09:00:00Z"))).toBe(false); // Sunday
  });

  it("handles ranges past midnight and 24/7 contact points", () => {
    const night = { available247: false, timeZone: "UTC", openingHours: [{ days: [5], from: "22:00", to: "06:00" }] };
    expect(isOpenAt(night, new Date("2026-11-27T23:00:00Z"))).toBe(true); // Friday night
    expect(isOpenAt(night, new Date("2026-11-28T05:00:00Z"))).toBe(true); // Saturday early morning
    expect(isOpenAt(night, new Date("2026-11-28T07:00:00Z"))).toBe(false);
    expect(isOpenAt({ ...office, available247: true }, new Date("2026-11-22T03:00:00Z"))).toBe(true);
  });
});

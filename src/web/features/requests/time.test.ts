import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { formatDuration, formatMoment, isoToZoned, zonedToIso } from "./time";

const t = ((key: string, o?: Record<string, unknown>) => `${key}:${JSON.stringify(o)}`) as unknown as TFunction;

describe("request times", () => {
  it("reads a wall-clock time in a zone, across summer time", () => {
    expect(zonedToIso("2026-11-21T02:40", "America/Santiago")).toBe("2026-11-21T05:40:00.000Z");
    expect(zonedToIso("2026-07-01T08:40", "Europe/Bucharest")).toBe("2026-07-01T05:40:00.000Z");
    expect(zonedToIso("2026-01-01T08:40", "Europe/Bucharest")).toBe("2026-01-01T06:40:00.000Z");
    expect(zonedToIso("not a time", "UTC")).toBeNull();
  });
  it("writes a moment as a datetime-local value in a zone", () => {
    expect(isoToZoned("2026-11-21T05:40:00.000Z", "America/Santiago")).toBe("2026-11-21T02:40");
    expect(isoToZoned("2026-11-21T05:40:00.000Z", "Europe/Bucharest")).toBe("2026-11-21T07:40");
  });
  it("writes a moment even for a zone the browser does not know, in the device's zone", () => {
    expect(formatMoment("2026-11-21T05:40:00.000Z", "en-GB", "UTC")).toBe("21 Nov 2026, 05:40");
    const fallback = formatMoment("2026-11-21T05:40:00.000Z", "en-GB", "Europe/Strasbourg");
    expect(fallback).toBe(formatMoment("2026-11-21T05:40:00.000Z", "en-GB"));
  });
  it("says durations in minutes, hours or days", () => {
    expect(formatDuration(t, 4.4)).toBe('requests.duration.minutes:{"count":4}');
    expect(formatDuration(t, 125)).toBe('requests.duration.hours:{"hours":2,"minutes":"05"}');
    expect(formatDuration(t, 60)).toBe('requests.duration.wholeHours:{"hours":1}');
    expect(formatDuration(t, 3 * 1440 + 250)).toBe('requests.duration.days:{"days":3,"hours":4}');
  });
});

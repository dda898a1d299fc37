import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

describe("configuration", () => {
  it("moves the clock by hand only on the demo network, asked for explicitly", () => {
    expect(loadConfig({ VIGIL_DEMO: "1", VIGIL_CLOCK_CONTROL: "1" }).clockControl).toBe(true);
    expect(loadConfig({ VIGIL_DEMO: "1" }).clockControl).toBe(false);
    // The embedded database defaults to the demo network, but moving time must be asked for with it.
    expect(() => loadConfig({ VIGIL_CLOCK_CONTROL: "1" })).toThrow(/VIGIL_CLOCK_CONTROL: only with VIGIL_DEMO=1/);
    expect(() => loadConfig({ DATABASE_URL: "postgres://vigil@localhost/vigil", VIGIL_CLOCK_CONTROL: "1" })).toThrow(
      /VIGIL_CLOCK_CONTROL/,
    );
  });

  it("names a bad value", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
  });
});

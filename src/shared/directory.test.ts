import { describe, expect, it } from "vitest";
import { ACK_TARGET_MINUTES, ackTargetsOf, IsoDate, isCalendarDate, LegalProfileFields } from "./directory";

function issues(input: unknown) {
  const r = LegalProfileFields.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("legal profile acknowledgement targets", () => {
  it("are optional: left out or null, they are null (the Network default)", () => {
    expect(LegalProfileFields.parse({})).toMatchObject({ ackTargetMinutes: null, emergencyAckTargetMinutes: null });
    expect(LegalProfileFields.parse({ ackTargetMinutes: null, emergencyAckTargetMinutes: null })).toMatchObject({
      ackTargetMinutes: null,
      emergencyAckTargetMinutes: null,
    });
    expect(LegalProfileFields.parse({ ackTargetMinutes: 30, emergencyAckTargetMinutes: 10 })).toMatchObject({
      ackTargetMinutes: 30,
      emergencyAckTargetMinutes: 10,
    });
  });

  it("are whole minutes within their ranges, each error on its field", () => {
    expect(issues({ ackTargetMinutes: 0 }).map((i) => i.path)).toEqual(["ackTargetMinutes"]);
    expect(issues({ ackTargetMinutes: 1441 }).map((i) => i.path)).toEqual(["ackTargetMinutes"]);
    expect(issues({ ackTargetMinutes: 1440, emergencyAckTargetMinutes: 240 })).toEqual([]);
    expect(issues({ ackTargetMinutes: 1440, emergencyAckTargetMinutes: 241 }).map((i) => i.path)).toEqual([
      "emergencyAckTargetMinutes",
    ]);
    // One message per field: a value out of range is not also compared with the other target.
    expect(issues({ ackTargetMinutes: 0, emergencyAckTargetMinutes: 241 }).map((i) => i.path)).toEqual([
      "ackTargetMinutes",
      "emergencyAckTargetMinutes",
    ]);
    expect(issues({ ackTargetMinutes: 1441, emergencyAckTargetMinutes: 200 }).map((i) => i.path)).toEqual([
      "ackTargetMinutes",
    ]);
    expect(issues({ ackTargetMinutes: 1.5 })).toEqual([
      { path: "ackTargetMinutes", message: "Give a whole number of minutes" },
    ]);
    expect(issues({ emergencyAckTargetMinutes: "10" }).map((i) => i.path)).toEqual(["emergencyAckTargetMinutes"]);
  });

  it("refuse an emergency target longer than the normal one, on the emergency field", () => {
    const tooLong = {
      path: "emergencyAckTargetMinutes",
      message: "The emergency target cannot be longer than the normal acknowledgement target",
    };
    expect(issues({ ackTargetMinutes: 30, emergencyAckTargetMinutes: 45 })).toEqual([tooLong]);
    expect(issues({ ackTargetMinutes: 30, emergencyAckTargetMinutes: 30 })).toEqual([]);
    // Without a normal target of its own, the Party's normal target is the Network's 60 minutes.
    expect(issues({ emergencyAckTargetMinutes: 120 })).toEqual([tooLong]);
    expect(issues({ emergencyAckTargetMinutes: 60 })).toEqual([]);
    // A normal target shorter than the emergency default is fine: the emergency one follows it.
    expect(issues({ ackTargetMinutes: 10 })).toEqual([]);
  });
});

describe("ackTargetsOf", () => {
  it("takes the Party's targets, else the Network's, an emergency never longer than a normal request", () => {
    expect(ackTargetsOf({ ackTargetMinutes: null, emergencyAckTargetMinutes: null })).toEqual(ACK_TARGET_MINUTES);
    expect(ackTargetsOf({})).toEqual({ normal: 60, emergency: 15 });
    expect(ackTargetsOf({ ackTargetMinutes: 30, emergencyAckTargetMinutes: 10 })).toEqual({
      normal: 30,
      emergency: 10,
    });
    expect(ackTargetsOf({ ackTargetMinutes: 120, emergencyAckTargetMinutes: null })).toEqual({
      normal: 120,
      emergency: 15,
    });
    expect(ackTargetsOf({ ackTargetMinutes: null, emergencyAckTargetMinutes: 5 })).toEqual({
      normal: 60,
      emergency: 5,
    });
    expect(ackTargetsOf({ ackTargetMinutes: 10, emergencyAckTargetMinutes: null })).toEqual({
      normal: 10,
      emergency: 10,
    });
  });
});

describe("IsoDate", () => {
  // The fuzz test found "7364-77-38" passing the pattern and failing in PostgreSQL (a 500).
  it("takes only dates that exist, in years PostgreSQL has", () => {
    for (const ok of ["2026-02-28", "2024-02-29", "0001-01-01", "9999-12-31"])
      expect(IsoDate.safeParse(ok).success).toBe(true);
    for (const bad of [
      "2026-02-29",
      "2026-02-30",
      "2026-13-01",
      "2026-00-10",
      "2026-04-31",
      "0000-01-01",
      "7364-77-38",
    ]) {
      expect(isCalendarDate(bad), bad).toBe(false);
      expect(IsoDate.safeParse(bad).error?.issues[0]?.message, bad).toBe("No such date");
    }
    expect(IsoDate.safeParse("2026-2-3").error?.issues.map((i) => i.message)).toEqual(["Date must be YYYY-MM-DD"]);
  });
});

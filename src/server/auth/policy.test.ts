import { describe, expect, it } from "vitest";
import { ROLES } from "../../shared/auth";
import { can, canManageUser, PERMISSIONS, permissionsFor } from "./policy";

const subject = (role: (typeof ROLES)[number], partyId: string | null = "p-a") => ({ id: "u", role, partyId });

describe("policy", () => {
  it("gives observers no access to requests, authorities or the directory until shared", () => {
    for (const p of PERMISSIONS) expect(can(subject("observer"), p)).toBe(false);
  });
  it("never lets the Secretariat read or write request content", () => {
    expect(can(subject("secretariat", null), "requests.read")).toBe(false);
    expect(can(subject("secretariat", null), "requests.write")).toBe(false);
    expect(can(subject("secretariat", null), "pings.manage")).toBe(true);
  });
  it("lets officers work requests and answer pings, but not manage users or pings", () => {
    const o = subject("officer");
    expect(can(o, "requests.write")).toBe(true);
    expect(can(o, "pings.answer")).toBe(true);
    expect(can(o, "pings.manage")).toBe(false);
    expect(can(o, "admin.users")).toBe(false);
  });
  it("lists exactly the permissions that can() grants", () => {
    for (const role of ROLES) {
      const s = subject(role);
      expect(permissionsFor(s).sort()).toEqual(PERMISSIONS.filter((p) => can(s, p)).sort());
    }
  });
  it("lets a Party admin manage only its own Party's users", () => {
    const admin = subject("party_admin", "p-a");
    expect(canManageUser(admin, { partyId: "p-a", role: "officer" })).toBe(true);
    expect(canManageUser(admin, { partyId: "p-b", role: "officer" })).toBe(false);
    expect(canManageUser(admin, { partyId: null, role: "secretariat" })).toBe(false);
    expect(canManageUser(subject("officer"), { partyId: "p-a", role: "officer" })).toBe(false);
    expect(canManageUser(subject("secretariat", null), { partyId: "p-b", role: "party_admin" })).toBe(true);
  });
});

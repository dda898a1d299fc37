import { describe, expect, it } from "vitest";
import { ROLES } from "../../shared/auth";
import {
  can,
  canManageUser,
  canProposeFor,
  canSubmitAuthoritiesFor,
  canSuspendFor,
  overseesRequests,
  PERMISSIONS,
  permissionsFor,
  readsSharedEntriesOnly,
} from "./policy";

const subject = (role: (typeof ROLES)[number], partyId: string | null = "p-a") => ({ id: "u", role, partyId });

describe("policy", () => {
  it("gives observers only the shared part of the directory: no requests, authorities or proposals", () => {
    const granted = PERMISSIONS.filter((p) => can(subject("observer"), p));
    expect(granted).toEqual(["directory.read"]);
    expect(readsSharedEntriesOnly(subject("observer"))).toBe(true);
    expect(readsSharedEntriesOnly(subject("officer"))).toBe(false);
    // Releases are the whole directory: every member may take them, observers may not.
    expect(can(subject("officer"), "directory.releases")).toBe(true);
    expect(can(subject("observer"), "directory.releases")).toBe(false);
  });
  it("lets a Party's members propose changes to their own Party only; the Secretariat edits directly", () => {
    expect(canProposeFor(subject("officer", "p-a"), "p-a")).toBe(true);
    expect(canProposeFor(subject("party_admin", "p-a"), "p-b")).toBe(false);
    expect(canProposeFor(subject("observer", "p-a"), "p-a")).toBe(false);
    expect(can(subject("secretariat", null), "directory.manage")).toBe(true);
    expect(can(subject("party_admin"), "directory.manage")).toBe(false);
  });
  it("lets a Party's members answer for their own Party's authorities, the Secretariat for any; never observers or auditors", () => {
    expect(canSubmitAuthoritiesFor(subject("officer", "p-a"), "p-a")).toBe(true);
    expect(canSubmitAuthoritiesFor(subject("party_admin", "p-a"), "p-b")).toBe(false);
    expect(canSubmitAuthoritiesFor(subject("secretariat", null), "p-b")).toBe(true);
    expect(canSubmitAuthoritiesFor(subject("observer", "p-a"), "p-a")).toBe(false);
    expect(canSubmitAuthoritiesFor(subject("auditor", "p-a"), "p-a")).toBe(false);
    expect(can(subject("auditor"), "authorities.read")).toBe(false);
  });
  it("lets only a Party admin oversee its requests (assign officers, see sensitive lines); never a token", () => {
    expect(overseesRequests(subject("party_admin"))).toBe(true);
    expect(overseesRequests(subject("officer"))).toBe(false);
    expect(overseesRequests(subject("secretariat", null))).toBe(false);
    expect(overseesRequests({ ...subject("officer"), scopes: ["requests:read", "requests:write"] })).toBe(false);
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
  it("lets the Secretariat and Party admins see retention periods, and only the Secretariat change them", () => {
    expect(can(subject("secretariat", null), "retention.read")).toBe(true);
    expect(can(subject("secretariat", null), "retention.manage")).toBe(true);
    expect(can(subject("party_admin"), "retention.read")).toBe(true);
    expect(can(subject("party_admin"), "retention.manage")).toBe(false);
    expect(can(subject("officer"), "retention.read")).toBe(false);
    expect(can(subject("observer"), "retention.read")).toBe(false);
    // API tokens act as officers: neither.
    expect(can({ ...subject("officer"), scopes: ["requests:read", "requests:write"] }, "retention.read")).toBe(false);
  });
  it("lets a Party admin manage only its own Party's users", () => {
    const admin = subject("party_admin", "p-a");
    expect(canManageUser(admin, { partyId: "p-a", role: "officer" })).toBe(true);
    expect(canManageUser(admin, { partyId: "p-b", role: "officer" })).toBe(false);
    expect(canManageUser(admin, { partyId: null, role: "secretariat" })).toBe(false);
    expect(canManageUser(subject("officer"), { partyId: "p-a", role: "officer" })).toBe(false);
    expect(canManageUser(subject("secretariat", null), { partyId: "p-b", role: "party_admin" })).toBe(true);
  });
  it("lets only a Party admin manage API tokens: not officers, observers or the Secretariat (it has no Party)", () => {
    expect(can(subject("party_admin"), "apiTokens.manage")).toBe(true);
    expect(can(subject("officer"), "apiTokens.manage")).toBe(false);
    expect(can(subject("observer"), "apiTokens.manage")).toBe(false);
    expect(can(subject("secretariat", null), "apiTokens.manage")).toBe(false);
  });
  it("gives an API token an officer's rights narrowed to its scopes", () => {
    const reader = { ...subject("officer"), scopes: ["directory:read"] as const };
    expect(permissionsFor(reader).sort()).toEqual(["directory.read", "directory.releases"]);
    expect(can(reader, "requests.read")).toBe(false);
    // A token never proposes changes, even with every scope.
    const all = { ...subject("officer"), scopes: ["directory:read", "requests:read", "requests:write"] as const };
    expect(canProposeFor(all, "p-a")).toBe(false);
    expect(permissionsFor(all).sort()).toEqual([
      "directory.read",
      "directory.releases",
      "requests.read",
      "requests.write",
    ]);
    expect(permissionsFor({ ...subject("officer"), scopes: [] })).toEqual([]);
  });
  it("lets only the Secretariat record incidents; members read those of their Party, observers none", () => {
    expect(can(subject("secretariat", null), "incidents.manage")).toBe(true);
    for (const role of ["party_admin", "officer", "observer"] as const) {
      expect(can(subject(role), "incidents.manage"), role).toBe(false);
    }
    expect(can(subject("officer"), "incidents.read")).toBe(true);
    expect(can(subject("observer"), "incidents.read")).toBe(false);
    // A national system's token never reaches incidents or suspensions.
    const token = { ...subject("officer"), scopes: ["requests:read", "requests:write", "directory:read"] as const };
    expect(can(token, "incidents.read")).toBe(false);
    expect(can(token, "transfers.read")).toBe(false);
  });
  it("lets a Party admin suspend its own Party's transfers, and the Secretariat any Party's", () => {
    expect(canSuspendFor(subject("party_admin", "p-a"), "p-a")).toBe(true);
    expect(canSuspendFor(subject("party_admin", "p-a"), "p-b")).toBe(false);
    expect(canSuspendFor(subject("officer", "p-a"), "p-a")).toBe(false);
    expect(canSuspendFor(subject("observer", "p-a"), "p-a")).toBe(false);
    expect(canSuspendFor(subject("secretariat", null), "p-b")).toBe(true);
  });
  it("gives an auditor (a Party's supervisory authority) reading permissions only, and none that writes", () => {
    const auditor = subject("auditor");
    expect(permissionsFor(auditor).sort()).toEqual(
      [
        "audit.read",
        "dataProtection.copies",
        "dataProtection.report",
        "directory.read",
        "incidents.read",
        "requests.read",
        "retention.read",
        "transfers.read",
      ].sort(),
    );
    const writes = [
      "requests.write",
      "directory.propose",
      "directory.manage",
      "pings.manage",
      "pings.answer",
      "admin.users",
      "webhooks.manage",
      "apiTokens.manage",
      "retention.manage",
      "incidents.manage",
      "transfers.suspend",
      "system.status",
    ] as const;
    for (const p of writes) expect(can(auditor, p), p).toBe(false);
    expect(canProposeFor(auditor, "p-a")).toBe(false);
    expect(canSuspendFor(auditor, "p-a")).toBe(false);
    expect(canManageUser(auditor, { partyId: "p-a", role: "officer" })).toBe(false);
    expect(readsSharedEntriesOnly(auditor)).toBe(false);
  });
  it("lets a Party admin and its auditor, and no one else, produce data-protection copies and the report", () => {
    for (const p of ["dataProtection.copies", "dataProtection.report"] as const) {
      expect(can(subject("party_admin"), p)).toBe(true);
      expect(can(subject("auditor"), p)).toBe(true);
      for (const role of ["officer", "observer", "secretariat"] as const)
        expect(can(subject(role), p), role).toBe(false);
      // A national system's token never produces them, whatever its scopes.
      expect(can({ ...subject("party_admin"), scopes: ["requests:read", "requests:write", "directory:read"] }, p)).toBe(
        false,
      );
    }
  });
});

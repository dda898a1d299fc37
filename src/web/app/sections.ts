import {
  IconAddressBook,
  IconBroadcast,
  IconBuildingBank,
  IconChartBar,
  IconInbox,
  IconPresentation,
  IconSchool,
  IconSettings,
  IconShieldLock,
  type TablerIcon,
} from "@tabler/icons-react";
import type { TranslationKey } from "../i18n/keys";

export type SectionId =
  | "directory"
  | "requests"
  | "pings"
  | "authorities"
  | "statistics"
  | "meetings"
  | "capacityBuilding"
  | "dataProtection"
  | "admin";

export type Section = {
  id: SectionId;
  path: `/${string}`;
  labelKey: TranslationKey;
  icon: TablerIcon;
  /**
   * Server-granted permissions that make the section visible (any one of them is enough); the UI
   * never infers access from the role.
   */
  permissions: readonly string[];
};

/**
 * Navigation order as shown to duty officers: the directory first, it is what they need at night.
 * Ping tests: the Secretariat manages them, contact points answer them.
 */
export const SECTIONS: readonly Section[] = [
  {
    id: "directory",
    path: "/directory",
    labelKey: "nav.directory",
    icon: IconAddressBook,
    permissions: ["directory.read"],
  },
  { id: "requests", path: "/requests", labelKey: "nav.requests", icon: IconInbox, permissions: ["requests.read"] },
  {
    id: "pings",
    path: "/pings",
    labelKey: "nav.pings",
    icon: IconBroadcast,
    permissions: ["pings.manage", "pings.answer"],
  },
  {
    id: "authorities",
    path: "/authorities",
    labelKey: "nav.authorities",
    icon: IconBuildingBank,
    permissions: ["authorities.read"],
  },
  {
    id: "statistics",
    path: "/statistics",
    labelKey: "nav.statistics",
    icon: IconChartBar,
    permissions: ["stats.read"],
  },
  // Beside the statistics, where the plenary report is made from them: the Secretariat's.
  {
    id: "meetings",
    path: "/meetings",
    labelKey: "nav.meetings",
    icon: IconPresentation,
    permissions: ["plenary.manage"],
  },
  {
    id: "capacityBuilding",
    path: "/capacity-building",
    labelKey: "nav.capacityBuilding",
    icon: IconSchool,
    permissions: ["plenary.manage"],
  },
  {
    id: "dataProtection",
    path: "/data-protection",
    labelKey: "nav.dataProtection",
    icon: IconShieldLock,
    permissions: ["incidents.read", "transfers.read", "audit.read", "dataProtection.report"],
  },
  { id: "admin", path: "/admin", labelKey: "nav.admin", icon: IconSettings, permissions: ["admin.users"] },
];

export function canSee(section: Section, granted: readonly string[]): boolean {
  return section.permissions.some((permission) => granted.includes(permission));
}

export function visibleSections(granted: readonly string[]): Section[] {
  return SECTIONS.filter((section) => canSee(section, granted));
}

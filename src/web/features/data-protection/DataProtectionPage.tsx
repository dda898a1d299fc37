import { Button, Group } from "@mantine/core";
import {
  IconHourglass,
  IconListSearch,
  IconPlayerPause,
  IconReportAnalytics,
  IconShieldExclamation,
  type TablerIcon,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Route, Routes, useLocation } from "react-router-dom";
import { ForbiddenPage, NotFoundPage } from "../../app/StatusPages";
import { useActiveSession } from "../../app/session";
import type { TranslationKey } from "../../i18n/keys";
import { RETENTION_PERMISSION, RetentionPanel } from "../retention";
import { AccessLogPage } from "./AccessLogPage";
import { IncidentDetailPage } from "./IncidentDetailPage";
import { IncidentFormPage } from "./IncidentFormPage";
import { IncidentsPage } from "./IncidentsPage";
import { ReportPage } from "./ReportPage";
import { SuspensionsPage } from "./SuspensionsPage";

/** `partyOnly`: a Party's own record (the Secretariat has none). */
type Tab = { path: string; labelKey: TranslationKey; icon: TablerIcon; permission: string; partyOnly?: boolean };

const TABS: readonly Tab[] = [
  { path: "", labelKey: "dataProtection.nav.incidents", icon: IconShieldExclamation, permission: "incidents.read" },
  {
    path: "suspensions",
    labelKey: "dataProtection.nav.suspensions",
    icon: IconPlayerPause,
    permission: "transfers.read",
  },
  {
    path: "access-log",
    labelKey: "dataProtection.nav.accessLog",
    icon: IconListSearch,
    permission: "audit.read",
    partyOnly: true,
  },
  {
    path: "report",
    labelKey: "dataProtection.nav.report",
    icon: IconReportAnalytics,
    permission: "dataProtection.report",
    partyOnly: true,
  },
  // Also on the Administration page; here for those who read them without administering (an auditor).
  {
    path: "retention",
    labelKey: "dataProtection.nav.retention",
    icon: IconHourglass,
    permission: RETENTION_PERMISSION,
  },
];

/**
 * /data-protection: the incident register (Art. 14(7)), the suspensions of transfers (Art. 14(15))
 * a Party's access log (Art. 14(8)) and its data-protection report with the copies (14(11–12)).
 */
export function DataProtectionPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const location = useLocation();
  const granted = session.permissions;
  const tabs = TABS.filter((tab) => granted.includes(tab.permission) && (!tab.partyOnly || session.user.party));
  const rest = location.pathname.replace(/^\/data-protection\/?/, "");
  const only = (permission: string, element: ReactNode) => (granted.includes(permission) ? element : <ForbiddenPage />);

  return (
    <>
      {tabs.length > 1 ? (
        <Group component="nav" aria-label={t("dataProtection.nav.label")} gap={4} mb="md">
          {tabs.map((tab) => {
            const active =
              tab.path === "" ? !TABS.some((o) => o.path && rest.startsWith(o.path)) : rest.startsWith(tab.path);
            return (
              <Button
                key={tab.path}
                component={Link}
                to={tab.path ? `/data-protection/${tab.path}` : "/data-protection"}
                variant={active ? "light" : "subtle"}
                color={active ? undefined : "gray"}
                size="sm"
                leftSection={<tab.icon size={16} aria-hidden />}
                aria-current={active ? "page" : undefined}
              >
                {t(tab.labelKey)}
              </Button>
            );
          })}
        </Group>
      ) : null}
      <Routes>
        <Route
          index
          element={
            granted.includes("incidents.read") ? (
              <IncidentsPage />
            ) : (
              <Navigate to="/data-protection/suspensions" replace />
            )
          }
        />
        <Route path="incidents" element={<Navigate to="/data-protection" replace />} />
        <Route path="incidents/new" element={only("incidents.manage", <IncidentFormPage />)} />
        <Route path="incidents/:id" element={only("incidents.read", <IncidentDetailPage />)} />
        <Route path="suspensions" element={only("transfers.read", <SuspensionsPage />)} />
        <Route
          path="access-log"
          element={session.user.party ? only("audit.read", <AccessLogPage />) : <ForbiddenPage />}
        />
        <Route
          path="report"
          element={session.user.party ? only("dataProtection.report", <ReportPage />) : <ForbiddenPage />}
        />
        <Route path="retention" element={only(RETENTION_PERMISSION, <RetentionPanel />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}

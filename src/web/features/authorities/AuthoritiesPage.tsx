import { Button, Group } from "@mantine/core";
import { IconListCheck, IconPackage, IconTable } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, Route, Routes, useLocation } from "react-router-dom";
import { NotFoundPage } from "../../app/StatusPages";
import { useActiveSession } from "../../app/session";
import { CampaignPage } from "./CampaignPage";
import { OverviewPage } from "./OverviewPage";
import { PartyAuthoritiesPage } from "./PartyAuthoritiesPage";
import { ReleasesPage } from "./ReleasesPage";
import { SubmissionFormPage } from "./SubmissionFormPage";

/**
 * /authorities: the complementary directory of authorities for mutual assistance (Art. 27) and
 * extradition (Art. 24), shared with the Parties only; the Secretariat's collection campaign.
 */
export function AuthoritiesPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const { pathname } = useLocation();
  const manage = session.permissions.includes("authorities.manage");
  const tabs = [
    { to: "/authorities", label: t("authorities.nav.overview"), icon: IconTable, show: true },
    { to: "/authorities/campaign", label: t("authorities.nav.campaign"), icon: IconListCheck, show: manage },
    { to: "/authorities/releases", label: t("authorities.nav.releases"), icon: IconPackage, show: true },
  ].filter((tab) => tab.show);
  const active = (to: string) =>
    to === "/authorities" ? pathname === to || pathname.startsWith("/authorities/parties") : pathname.startsWith(to);
  return (
    <>
      <Group gap="xs" mb="md" wrap="wrap" component="nav" aria-label={t("authorities.nav.label")}>
        {tabs.map(({ to, label, icon: Icon }) => (
          <Button
            key={to}
            component={Link}
            to={to}
            size="compact-sm"
            variant={active(to) ? "filled" : "subtle"}
            leftSection={<Icon size={16} aria-hidden />}
            aria-current={active(to) ? "page" : undefined}
          >
            {label}
          </Button>
        ))}
      </Group>
      <Routes>
        <Route index element={<OverviewPage />} />
        <Route path="parties/:iso2" element={<PartyAuthoritiesPage />} />
        <Route path="parties/:iso2/edit" element={<SubmissionFormPage />} />
        {manage ? <Route path="campaign" element={<CampaignPage />} /> : null}
        <Route path="releases" element={<ReleasesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}

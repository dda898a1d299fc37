import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useActiveSession } from "../../app/session";
import { PageHeader } from "../../app/ui";
import { PlenaryReportPanel } from "../plenary/PlenaryReportPanel";
import { DirectoryFiguresSection, PingFiguresSection, RequestFlowsSection } from "./NetworkFigures";
import { RequestFigures } from "./RequestFigures";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The Network's figures: contact points, requests per Party and type, ping tests over time, each
 * with a chart, a table and its CSV; the Secretariat also makes the plenary report here.
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const [params] = useSearchParams();
  const read = (name: string) => {
    const v = params.get(name);
    return v && ISO_DAY.test(v) ? v : null;
  };
  const period = { from: read("from"), to: read("to") };
  return (
    <>
      <PageHeader title={t("statistics.title")} description={t("statistics.description")} />
      <Stack gap="xl">
        {session.permissions.includes("plenary.manage") ? <PlenaryReportPanel /> : null}
        <DirectoryFiguresSection />
        <RequestFigures />
        <RequestFlowsSection period={period} />
        <PingFiguresSection />
      </Stack>
    </>
  );
}

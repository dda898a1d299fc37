import { IconChartBar } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { SectionIntro } from "../../app/SectionIntro";

export function StatisticsPage() {
  const { t } = useTranslation();
  return <SectionIntro title={t("statistics.title")} description={t("statistics.description")} icon={IconChartBar} />;
}

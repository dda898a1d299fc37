import { useTranslation } from "react-i18next";
import { PageHeader } from "../../app/ui";
import { RequestFigures } from "./RequestFigures";

/** The Network's figures. Ping test results and the plenary report join this page later (issues 7 and 9). */
export function StatisticsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("statistics.title")} description={t("statistics.description")} />
      <RequestFigures />
    </>
  );
}

import { IconInbox } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { SectionIntro } from "../../app/SectionIntro";

export function RequestsPage() {
  const { t } = useTranslation();
  return <SectionIntro title={t("requests.title")} description={t("requests.description")} icon={IconInbox} />;
}

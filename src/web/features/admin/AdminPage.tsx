import { IconSettings } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { SectionIntro } from "../../app/SectionIntro";

export function AdminPage() {
  const { t } = useTranslation();
  return <SectionIntro title={t("admin.title")} description={t("admin.description")} icon={IconSettings} />;
}

import { IconBroadcast } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { SectionIntro } from "../../app/SectionIntro";

export function PingsPage() {
  const { t } = useTranslation();
  return <SectionIntro title={t("pings.title")} description={t("pings.description")} icon={IconBroadcast} />;
}

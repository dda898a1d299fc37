import { IconBuildingBank } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { SectionIntro } from "../../app/SectionIntro";

export function AuthoritiesPage() {
  const { t } = useTranslation();
  return (
    <SectionIntro title={t("authorities.title")} description={t("authorities.description")} icon={IconBuildingBank} />
  );
}

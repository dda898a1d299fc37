import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../shared/auth";
import { applyLocale, currentLocale, isLocale } from "../i18n";

type Props = {
  /** Saves the choice beyond this device (the signed-in user's preference); may throw. */
  onChanged?: (locale: Locale) => void;
};

export function LanguageSwitcher({ onChanged }: Props) {
  const { t } = useTranslation();
  const data = [
    { value: "en", label: <span lang="en">{t("language.en")}</span> },
    { value: "fr", label: <span lang="fr">{t("language.fr")}</span> },
  ];
  return (
    <SegmentedControl
      aria-label={t("language.label")}
      size="xs"
      data={data}
      value={currentLocale()}
      onChange={(value) => {
        if (!isLocale(value)) return;
        void applyLocale(value);
        onChanged?.(value);
      }}
    />
  );
}

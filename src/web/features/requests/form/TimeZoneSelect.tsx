import { Select } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { currentLocale } from "../../../i18n";
import { offsetName } from "../../directory/time";

let zoneList: string[] | null = null;
function zones(): string[] {
  if (!zoneList) {
    const all = Intl.supportedValuesOf("timeZone");
    zoneList = all.includes("UTC") ? all : ["UTC", ...all];
  }
  return zoneList;
}

type Props = {
  label: string;
  description?: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string;
  required?: boolean;
  /** An empty choice is allowed (the schema says whether it may stay empty). */
  clearable?: boolean;
};

/** IANA time zones with their current offset ("Europe/Bucharest (GMT+2)"); typing "bucha" finds it. */
export function TimeZoneSelect({ label, description, value, onChange, error, required, clearable }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const data = useMemo(() => {
    const now = new Date();
    return zones().map((zone) => ({
      value: zone,
      label: `${zone.replaceAll("_", " ")} (${offsetName(now, locale, zone)})`,
    }));
  }, [locale]);
  return (
    <Select
      label={label}
      description={description}
      placeholder={t("requests.form.chooseZone")}
      data={data}
      value={value || null}
      onChange={(zone) => onChange(zone ?? "")}
      searchable
      clearable={clearable}
      // Clearing is the clear button's job (when allowed), never a second click on the chosen zone.
      allowDeselect={false}
      clearButtonProps={{ "aria-label": t("common.clear") }}
      nothingFoundMessage={t("requests.form.noZone")}
      error={error}
      required={required}
      limit={60}
      // Focused to show its error (after a failed send), it must not cover the message with its list.
      openOnFocus={false}
    />
  );
}

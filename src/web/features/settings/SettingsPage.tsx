import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../app/ui";
import { NotificationSettings } from "./NotificationSettings";
import { TimeZoneSettings } from "./TimeZoneSettings";

/** The signed-in user's own settings. */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("settings.title")} description={t("settings.description")} />
      <Stack gap="xl" maw={880}>
        <NotificationSettings />
        <TimeZoneSettings />
      </Stack>
    </>
  );
}

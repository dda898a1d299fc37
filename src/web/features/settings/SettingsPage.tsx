import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useActiveSession } from "../../app/session";
import { PageHeader } from "../../app/ui";
import { CalendarFeedPanel } from "../requests/CalendarFeedPanel";
import { SecurityKeysPanel } from "../security-keys/SecurityKeysPanel";
import { NotificationSettings } from "./NotificationSettings";
import { TimeZoneSettings } from "./TimeZoneSettings";

/** The signed-in user's own settings. */
export function SettingsPage() {
  const { t } = useTranslation();
  // The deadline calendar is made of the requests one handles: those who only read them (an
  // auditor) have no deadlines.
  const hasRequests = useActiveSession().permissions.includes("requests.write");
  return (
    <>
      <PageHeader title={t("settings.title")} description={t("settings.description")} />
      <Stack gap="xl" maw={880}>
        <NotificationSettings />
        <TimeZoneSettings />
        {hasRequests ? <CalendarFeedPanel /> : null}
        <SecurityKeysPanel />
      </Stack>
    </>
  );
}

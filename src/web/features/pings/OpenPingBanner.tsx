import { Alert, Anchor } from "@mantine/core";
import { IconBroadcast } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";
import { useLiveQuery } from "../requests/useLiveQuery";
import { pingsApi } from "./pingsApi";

/**
 * On every page of a Party's officer while a ping test waits for the Party's answer: a banner that
 * leads to the Pings page, where one click answers.
 */
export function OpenPingBanner() {
  const { t } = useTranslation();
  const location = useLocation();
  // A notification (a new ping) or an answer from the Party (a "ping" event) reloads it.
  const query = useLiveQuery("pings-open-banner", (signal) => pingsApi.open(signal), 60_000, ["notification", "ping"]);
  const count = query.data?.items.length ?? 0;
  if (count === 0 || location.pathname.startsWith("/pings")) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconBroadcast aria-hidden />} mb="md" data-testid="open-ping-banner">
      <Anchor component={Link} to="/pings" fw={600}>
        {t("pingTests.officer.open")}
      </Anchor>
    </Alert>
  );
}

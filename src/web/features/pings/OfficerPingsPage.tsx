import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconBroadcast } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { currentLocale } from "../../i18n";
import { formatDuration, formatMoment } from "../requests/time";
import { useLiveQuery } from "../requests/useLiveQuery";
import { pingsApi } from "./pingsApi";

/**
 * /pings for a Party's officers: the ping tests waiting for their answer, answered in one click
 * (the notification brings them here). Reloaded when a notification arrives.
 */
export function OfficerPingsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const zone = useActiveSession().user.timeZone;
  const query = useLiveQuery("pings-open", (signal) => pingsApi.open(signal), 60_000, ["notification", "ping"]);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const answer = async (targetId: string) => {
    setBusy(targetId);
    setFailure(null);
    try {
      const r = await pingsApi.acknowledge(targetId);
      setDone(formatDuration(t, r.responseSeconds / 60));
      query.refresh();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader title={t("pingTests.officer.title")} description={t("pingTests.officer.help")} />
      {done ? (
        <Alert color="green" variant="light" mb="md" role="status" data-testid="ping-answered">
          {t("pingTests.officer.acknowledged", { duration: done })}
        </Alert>
      ) : null}
      {failure ? <ErrorAlert error={failure} title={t("pingTests.officer.failed")} /> : null}
      {query.loading ? <PageLoader label={t("pingTests.officer.loading")} /> : null}
      {query.error ? <ErrorAlert error={query.error} onRetry={query.refresh} /> : null}
      {query.data && query.data.items.length === 0 ? <Text c="dimmed">{t("pingTests.officer.none")}</Text> : null}
      <Stack gap="sm">
        {query.data?.items.map((p) => (
          <Alert
            key={p.targetId}
            color="orange"
            variant="light"
            icon={<IconBroadcast aria-hidden />}
            title={t("pingTests.officer.open")}
            data-testid="open-ping"
          >
            <Group justify="space-between" wrap="wrap">
              <Text size="sm">
                {t("pingTests.officer.openFor", {
                  institution: p.institution,
                  at: formatMoment(p.firedAt, locale, zone),
                })}
              </Text>
              <Button onClick={() => answer(p.targetId)} loading={busy === p.targetId}>
                {t("pingTests.officer.acknowledge")}
              </Button>
            </Group>
          </Alert>
        ))}
      </Stack>
    </>
  );
}

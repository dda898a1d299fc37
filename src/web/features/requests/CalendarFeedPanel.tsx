import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconCalendarEvent, IconCalendarOff, IconCalendarPlus, IconRefresh } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CopyText } from "../../app/CopyText";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { type CalendarFeed, requestsApi } from "./requestsApi";
import { formatMoment } from "./time";

type Confirm = "rotate" | "revoke" | null;

/**
 * The user's own calendar feed (iCalendar) of request deadlines: acknowledgements and answers
 * due, preservations ending. Its address is the credential, so the server keeps only a hash and
 * shows it once, when it is made; the user copies it then, or makes a new one later.
 */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const zone = useActiveSession().user.timeZone;
  const query = useApiQuery("calendar-feed", (signal) => requestsApi.calendar(signal));
  const [latest, setLatest] = useState<CalendarFeed | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const feed = latest ?? (query.status === "success" ? query.data : null);

  const make = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setLatest(await requestsApi.rotateCalendar());
      setConfirm(null);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await requestsApi.revokeCalendar();
      setLatest({ url: null, active: false, createdAt: null });
      setConfirm(null);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: "sm", sm: "lg" }}
      aria-labelledby="calendar-title"
      data-testid="calendar-feed"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="calendar-title">
          <IconCalendarEvent size={22} aria-hidden style={{ verticalAlign: "-3px", marginInlineEnd: 8 }} />
          {t("requests.calendar.title")}
        </Title>
        <Text size="sm">{t("requests.calendar.help")}</Text>
        {query.status === "loading" && !latest ? <PageLoader label={t("requests.calendar.loading")} /> : null}
        {query.status === "error" && !latest ? (
          <ErrorAlert error={query.error} title={t("requests.calendar.failed")} onRetry={query.retry} />
        ) : null}
        {failure && !confirm ? <ErrorAlert error={failure} /> : null}

        {feed?.url ? (
          <Stack gap="xs">
            <TextInput
              label={t("requests.calendar.url")}
              value={feed.url}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 12 } }}
              data-testid="calendar-url"
            />
            <Alert color="yellow" variant="light" role="status">
              {t("requests.calendar.shownOnce")}
            </Alert>
            <Group>
              <CopyText
                value={feed.url}
                label={t("requests.calendar.copy")}
                copiedLabel={t("common.copied")}
                size="sm"
              />
            </Group>
          </Stack>
        ) : null}

        {feed && !feed.url && feed.active ? (
          <Text size="sm" data-testid="calendar-active">
            {feed.createdAt
              ? t("requests.calendar.activeSince", { date: formatMoment(feed.createdAt, locale, zone) })
              : t("requests.calendar.active")}
          </Text>
        ) : null}

        {feed && !feed.active ? (
          <Group>
            <Button leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={make} loading={busy}>
              {t("requests.calendar.create")}
            </Button>
          </Group>
        ) : null}

        {feed?.active ? (
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} aria-hidden />}
              onClick={() => setConfirm("rotate")}
            >
              {t("requests.calendar.rotate")}
            </Button>
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconCalendarOff size={16} aria-hidden />}
              onClick={() => setConfirm("revoke")}
            >
              {t("requests.calendar.revoke")}
            </Button>
          </Group>
        ) : null}
        <Text size="xs" c="dimmed">
          {t("requests.calendar.secret")}
        </Text>
      </Stack>

      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === "revoke" ? t("requests.calendar.revokeTitle") : t("requests.calendar.rotateTitle")}
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            {confirm === "revoke" ? t("requests.calendar.revokeText") : t("requests.calendar.rotateText")}
          </Text>
          {failure ? <ErrorAlert error={failure} /> : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t("requests.action.cancel")}
            </Button>
            <Button color="red" onClick={confirm === "revoke" ? revoke : make} loading={busy}>
              {confirm === "revoke" ? t("requests.calendar.revoke") : t("requests.calendar.rotate")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

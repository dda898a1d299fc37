import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconChevronDown, IconChevronUp, IconPlugConnectedX, IconSend } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../app/errors";
import { notifyError } from "../../app/notify";
import { currentLocale } from "../../i18n";
import { DeliveryLog } from "./DeliveryLog";
import { eventLabel, formatMoment } from "./labels";
import { useDeliveries } from "./useWebhooks";
import { type Webhook, webhooksApi } from "./webhooksApi";

/** After a test, one extra look a few seconds later: the outbox worker has sent it by then. */
const FOLLOW_UP_MS = 4_000;

/** One webhook: its address, events and state; test, disable, and its delivery log. */
export function WebhookCard({ webhook, onChanged }: { webhook: Webhook; onChanged: (webhook: Webhook) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const active = webhook.disabledAt === null;
  const [open, setOpen] = useState(false);
  const log = useDeliveries(webhook.id, open);
  const [testing, setTesting] = useState(false);
  const [testId, setTestId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [disabling, setDisabling] = useState(false);
  const [disableError, setDisableError] = useState<unknown>(null);
  const followUp = useRef<number | undefined>(undefined);
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  }, [open]);
  useEffect(() => () => window.clearTimeout(followUp.current), []);

  const logId = `webhook-log-${webhook.id}`;

  const sendTest = async () => {
    setTesting(true);
    try {
      const { deliveryId } = await webhooksApi.sendTest(webhook.id);
      setTestId(deliveryId);
      notifications.show({
        color: "teal",
        title: t("webhooks.webhook.testQueued"),
        message: t("webhooks.webhook.testQueuedBody"),
      });
      // Opening the log loads it; an open log is loaded again at once.
      if (openRef.current) log.refresh();
      else setOpen(true);
      window.clearTimeout(followUp.current);
      followUp.current = window.setTimeout(() => {
        if (openRef.current) log.refresh();
      }, FOLLOW_UP_MS);
    } catch (e) {
      notifyError(t, t("webhooks.webhook.testFailed"), errorMessage(t, e, i18n.language));
    } finally {
      setTesting(false);
    }
  };

  const disable = async () => {
    setDisabling(true);
    setDisableError(null);
    try {
      await webhooksApi.disable(webhook.id);
      setConfirming(false);
      notifications.show({ color: "teal", message: t("webhooks.disable.done") });
      // The server answers 204: the list is reloaded for its own time; until then, now.
      onChanged({ ...webhook, disabledAt: new Date().toISOString() });
    } catch (e) {
      setDisableError(e);
    } finally {
      setDisabling(false);
    }
  };

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="li"
      data-testid="webhook"
      data-id={webhook.id}
      data-url={webhook.url}
      data-active={active}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Text ff="monospace" size="sm" fw={600} miw={0} style={{ overflowWrap: "anywhere" }}>
            {webhook.url}
          </Text>
          <Badge color={active ? "teal" : "gray"} variant={active ? "light" : "outline"} style={{ flexShrink: 0 }}>
            {active ? t("webhooks.webhook.active") : t("webhooks.webhook.disabled")}
          </Badge>
        </Group>

        <Group gap={6} wrap="wrap" aria-label={t("webhooks.webhook.events")} role="list">
          {webhook.events.map((event) => (
            <Badge key={event} variant="default" radius="sm" tt="none" fw={500} role="listitem">
              {eventLabel(t, event)}
            </Badge>
          ))}
        </Group>

        <Text size="xs" c="dimmed">
          {t("webhooks.webhook.created", { date: formatMoment(webhook.createdAt, locale) })}
          {webhook.disabledAt
            ? ` · ${t("webhooks.webhook.disabledOn", { date: formatMoment(webhook.disabledAt, locale) })}`
            : null}
        </Text>

        <Group gap="xs" wrap="wrap">
          {active ? (
            <>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconSend size={14} aria-hidden />}
                loading={testing}
                onClick={() => void sendTest()}
                data-testid="webhook-test"
              >
                {t("webhooks.webhook.test")}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconPlugConnectedX size={14} aria-hidden />}
                onClick={() => {
                  setDisableError(null);
                  setConfirming(true);
                }}
                aria-label={t("webhooks.webhook.disableWhat", { url: webhook.url })}
                data-testid="webhook-disable"
              >
                {t("webhooks.webhook.disable")}
              </Button>
            </>
          ) : null}
          <Button
            size="xs"
            variant="subtle"
            leftSection={open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={open ? logId : undefined}
            data-testid="webhook-log-toggle"
          >
            {open ? t("webhooks.log.hide") : t("webhooks.log.show")}
          </Button>
        </Group>

        {open ? <DeliveryLog id={logId} log={log} url={webhook.url} highlightId={testId} /> : null}
      </Stack>

      <Modal
        opened={confirming}
        onClose={() => {
          if (!disabling) setConfirming(false);
        }}
        title={t("webhooks.disable.title")}
        closeButtonProps={{ "aria-label": t("common.close") }}
        centered
      >
        <Stack gap="md">
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {t("webhooks.disable.body", { url: webhook.url })}
          </Text>
          {disableError ? (
            <Alert color="red" variant="light" role="alert" title={t("webhooks.disable.failed")}>
              {errorMessage(t, disableError, i18n.language)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={disabling}>
              {t("webhooks.disable.cancel")}
            </Button>
            <Button
              color="red"
              loading={disabling}
              onClick={() => void disable()}
              data-testid="webhook-disable-confirm"
            >
              {t("webhooks.disable.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

import { Alert, Badge, Box, Button, Group, Loader, Paper, Stack, Table, Text, useMantineTheme } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconRefresh } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../shared/auth";
import type { WebhookDelivery } from "../../../shared/webhooks";
import { errorMessage } from "../../app/errors";
import { ErrorAlert } from "../../app/ui";
import { currentLocale } from "../../i18n";
import { eventLabel, formatMoment, STATUS_COLORS, STATUS_LABELS } from "./labels";
import type { DeliveriesState } from "./useWebhooks";

function StatusBadge({ status }: { status: WebhookDelivery["status"] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm" data-testid="delivery-status">
      {t(STATUS_LABELS[status])}
    </Badge>
  );
}

function EventName({ t, event }: { t: TFunction; event: string }) {
  return (
    <>
      <Text size="sm" span style={{ display: "block" }}>
        {eventLabel(t, event)}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace" span style={{ display: "block", overflowWrap: "anywhere" }}>
        {event}
      </Text>
    </>
  );
}

function ErrorText({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (!value)
    return (
      <Text size="sm" c="dimmed" span>
        {t("webhooks.log.none")}
      </Text>
    );
  return (
    <Text size="xs" ff="monospace" span style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}>
      {value}
    </Text>
  );
}

function DeliveryTable({
  deliveries,
  locale,
  highlightId,
}: {
  deliveries: WebhookDelivery[];
  locale: Locale;
  highlightId: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" striped data-testid="delivery-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("webhooks.log.event")}</Table.Th>
            <Table.Th scope="col">{t("webhooks.log.status")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("webhooks.log.attempts")}
            </Table.Th>
            <Table.Th scope="col">{t("webhooks.log.queued")}</Table.Th>
            <Table.Th scope="col">{t("webhooks.log.delivered")}</Table.Th>
            <Table.Th scope="col">{t("webhooks.log.lastError")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((d) => (
            <Table.Tr
              key={d.id}
              data-testid="delivery"
              data-id={d.id}
              data-status={d.status}
              bg={d.id === highlightId ? "var(--mantine-primary-color-light)" : undefined}
            >
              <Table.Td>
                <EventName t={t} event={d.event} />
                {d.id === highlightId ? (
                  <Badge size="xs" variant="outline" mt={4}>
                    {t("webhooks.log.justSent")}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={d.status} />
              </Table.Td>
              <Table.Td ta="right">{d.attempts}</Table.Td>
              <Table.Td>
                <Text size="sm" span style={{ whiteSpace: "nowrap" }}>
                  {formatMoment(d.createdAt, locale, true)}
                </Text>
              </Table.Td>
              <Table.Td>
                {d.deliveredAt ? (
                  <Text size="sm" span style={{ whiteSpace: "nowrap" }}>
                    {formatMoment(d.deliveredAt, locale, true)}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed" span>
                    {t("webhooks.log.none")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={280}>
                <ErrorText value={d.lastError} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone: one block per delivery, every value labelled, nothing to scroll sideways. */
function DeliveryCards({
  deliveries,
  locale,
  highlightId,
}: {
  deliveries: WebhookDelivery[];
  locale: Locale;
  highlightId: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }} data-testid="delivery-cards">
      {deliveries.map((d) => (
        <Paper
          key={d.id}
          component="li"
          withBorder
          radius="sm"
          p="xs"
          data-testid="delivery"
          data-id={d.id}
          data-status={d.status}
          bg={d.id === highlightId ? "var(--mantine-primary-color-light)" : undefined}
        >
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Box miw={0}>
              <EventName t={t} event={d.event} />
            </Box>
            <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
              <StatusBadge status={d.status} />
              {d.id === highlightId ? (
                <Badge size="xs" variant="outline">
                  {t("webhooks.log.justSent")}
                </Badge>
              ) : null}
            </Stack>
          </Group>
          <Box
            component="dl"
            m={0}
            mt={6}
            style={{ display: "grid", gridTemplateColumns: "auto minmax(0, 1fr)", gap: "2px 12px" }}
          >
            <Text component="dt" size="xs" c="dimmed">
              {t("webhooks.log.queued")}
            </Text>
            <Text component="dd" size="xs" m={0}>
              {formatMoment(d.createdAt, locale, true)}
            </Text>
            <Text component="dt" size="xs" c="dimmed">
              {t("webhooks.log.delivered")}
            </Text>
            <Text component="dd" size="xs" m={0}>
              {d.deliveredAt ? formatMoment(d.deliveredAt, locale, true) : t("webhooks.log.none")}
            </Text>
            <Text component="dt" size="xs" c="dimmed">
              {t("webhooks.log.attempts")}
            </Text>
            <Text component="dd" size="xs" m={0}>
              {d.attempts}
            </Text>
            {d.lastError ? (
              <>
                <Text component="dt" size="xs" c="dimmed">
                  {t("webhooks.log.lastError")}
                </Text>
                <Box component="dd" m={0}>
                  <ErrorText value={d.lastError} />
                </Box>
              </>
            ) : null}
          </Box>
        </Paper>
      ))}
    </Stack>
  );
}

/** One webhook's deliveries, newest first as the server sends them, with a refresh button. */
export function DeliveryLog({
  log,
  url,
  highlightId,
  id,
}: {
  log: DeliveriesState;
  url: string;
  highlightId: string | null;
  id: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, true, { getInitialValueInEffect: false });
  // The button spins only for a refresh asked by the user, not for the 10-second ones.
  const [manual, setManual] = useState(false);
  useEffect(() => {
    if (!log.refreshing) setManual(false);
  }, [log.refreshing]);

  return (
    <Stack gap="xs" id={id} component="section" aria-label={t("webhooks.log.title")} data-testid="delivery-log">
      <Group justify="space-between" align="center" gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {t("webhooks.log.title")}
        </Text>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconRefresh size={14} aria-hidden />}
          loading={manual}
          onClick={() => {
            setManual(true);
            log.refresh();
          }}
          aria-label={t("webhooks.log.refreshWhat", { url })}
        >
          {t("webhooks.log.refresh")}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t("webhooks.log.auto")}{" "}
        {log.updatedAt
          ? t("webhooks.log.checkedAt", {
              time: new Intl.DateTimeFormat(locale, { timeStyle: "medium" }).format(log.updatedAt),
            })
          : null}
      </Text>
      {log.deliveries === null ? (
        log.error ? (
          <ErrorAlert error={log.error} title={t("webhooks.log.loadFailed")} onRetry={log.refresh} />
        ) : (
          <Group gap="xs" role="status" aria-live="polite">
            <Loader size="xs" aria-hidden />
            <Text size="sm" c="dimmed">
              {t("webhooks.log.loading")}
            </Text>
          </Group>
        )
      ) : (
        <>
          {log.error ? (
            <Alert color="red" variant="light" role="alert" p="xs">
              <Text size="sm">
                {t("webhooks.log.refreshFailed")} {errorMessage(t, log.error, i18n.language)}
              </Text>
            </Alert>
          ) : null}
          {log.deliveries.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="delivery-log-empty">
              {t("webhooks.log.empty")}
            </Text>
          ) : wide ? (
            <DeliveryTable deliveries={log.deliveries} locale={locale} highlightId={highlightId} />
          ) : (
            <DeliveryCards deliveries={log.deliveries} locale={locale} highlightId={highlightId} />
          )}
        </>
      )}
    </Stack>
  );
}

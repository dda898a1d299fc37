import { Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import type { RequestOverview } from "../../../shared/requests";
import { ErrorAlert, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { TYPE_KEYS } from "../requests/labels";
import { formatDuration } from "../requests/time";
import { statisticsApi } from "./statisticsApi";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period is part of the address, so a figure can be shared and found again. */
function usePeriod() {
  const [params, setParams] = useSearchParams();
  const read = (name: string) => {
    const v = params.get(name);
    return v && ISO_DAY.test(v) ? v : null;
  };
  const period = { from: read("from"), to: read("to") };
  const set = (name: "from" | "to", value: string) => {
    const next = new URLSearchParams(params);
    if (ISO_DAY.test(value)) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  return { period, set };
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/**
 * Requests between Parties, per Party: sent, received, still open, emergencies, and how long
 * each Party takes to acknowledge and to answer what it receives (medians). What the Secretariat
 * watches to find who needs support; computed by the server from states and times only.
 */
export function RequestFigures() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { period, set } = usePeriod();
  const query = useApiQuery(`${period.from}|${period.to}`, (signal) => statisticsApi.requests(period, signal));
  const minutes = (m: number | null) => (m === null ? "—" : formatDuration(t, m));

  return (
    <Stack gap="md" component="section" aria-labelledby="request-figures-title">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} size="h4" id="request-figures-title">
          {t("statistics.requests.title")}
        </Title>
        <Group gap="sm" wrap="wrap">
          <TextInput
            type="date"
            label={t("statistics.period.from")}
            value={period.from ?? ""}
            onChange={(e) => set("from", e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t("statistics.period.to")}
            value={period.to ?? ""}
            onChange={(e) => set("to", e.currentTarget.value)}
          />
        </Group>
      </Group>
      {query.status === "loading" ? <PageLoader label={t("statistics.loading")} /> : null}
      {query.status === "error" ? <ErrorAlert error={query.error} onRetry={query.retry} /> : null}
      {query.status === "success" ? <Figures data={query.data} locale={locale} minutes={minutes} /> : null}
    </Stack>
  );
}

function Figures({
  data,
  locale,
  minutes,
}: {
  data: RequestOverview;
  locale: string;
  minutes: (m: number | null) => string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Figure label={t("statistics.requests.sent")} value={data.totals.sent} testId="total-sent" />
        <Figure label={t("statistics.requests.open")} value={data.totals.open} testId="total-open" />
        <Figure
          label={t("statistics.requests.emergencies")}
          value={data.totals.emergencies}
          testId="total-emergencies"
        />
      </SimpleGrid>
      {data.parties.length === 0 ? (
        <Text c="dimmed" data-testid="no-figures">
          {t("statistics.requests.none")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid="party-figures">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("statistics.requests.party")}</Table.Th>
                <Table.Th ta="right">{t("statistics.requests.sent")}</Table.Th>
                <Table.Th ta="right">{t("statistics.requests.received")}</Table.Th>
                <Table.Th ta="right">{t("statistics.requests.open")}</Table.Th>
                <Table.Th ta="right">{t("statistics.requests.emergencies")}</Table.Th>
                <Table.Th ta="right">{t("statistics.requests.medianAck")}</Table.Th>
                <Table.Th ta="right">{t("statistics.requests.medianAnswer")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.parties.map((p) => (
                <Table.Tr key={p.party.iso2} data-testid="party-figure" data-party={p.party.iso2}>
                  <Table.Td>{locale === "fr" ? p.party.nameFr : p.party.nameEn}</Table.Td>
                  <Table.Td ta="right">{p.sent}</Table.Td>
                  <Table.Td ta="right">{p.received}</Table.Td>
                  <Table.Td ta="right">{p.open}</Table.Td>
                  <Table.Td ta="right">{p.emergencies}</Table.Td>
                  <Table.Td ta="right" data-testid="median-ack">
                    {minutes(p.medianMinutesToAcknowledge)}
                  </Table.Td>
                  <Table.Td ta="right">{minutes(p.medianMinutesToAnswer)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data.byType.length > 0 ? (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t("statistics.requests.byType")}
          </Title>
          <Table withRowBorders={false} maw={520} data-testid="type-figures">
            <Table.Tbody>
              {data.byType.map((row) => (
                <Table.Tr key={row.type}>
                  <Table.Td>{t(TYPE_KEYS[row.type])}</Table.Td>
                  <Table.Td ta="right">{row.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
      <Text size="xs" c="dimmed">
        {t("statistics.requests.note")}
      </Text>
    </Stack>
  );
}

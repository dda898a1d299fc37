import { BarChart, LineChart } from "@mantine/charts";
import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DirectoryFigures, PingFigures, RequestFlows } from "../../../shared/plenary";
import { api } from "../../app/api";
import { DownloadLink } from "../../app/DownloadLink";
import { ErrorAlert, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { TYPE_KEYS as CP_TYPE_KEYS } from "../directory/labels";
import { TYPE_KEYS } from "../requests/labels";
import { formatDuration } from "../requests/time";
import type { Period } from "./statisticsApi";

/** "?figure=…&from=…&to=…&lang=…" for one figure's CSV. */
function csvHref(figure: string, period: Period, lang: string): string {
  const q = new URLSearchParams({ figure, lang });
  if (period.from) q.set("from", period.from);
  if (period.to) q.set("to", period.to);
  return `/api/statistics/export?${q}`;
}

function Figure({ label, value, testId }: { label: string; value: string | number; testId: string }) {
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

function SectionTitle({ id, title, csv }: { id: string; title: string; csv: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="center">
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      <DownloadLink href={csv} variant="light" size="xs">
        {t("plenary.csv")}
      </DownloadLink>
    </Group>
  );
}

/** Parties with contact points, with more than one, and contact points by type (chart and table). */
export function DirectoryFiguresSection() {
  const { t } = useTranslation();
  const query = useApiQuery("directory-figures", (signal) =>
    api.get("/api/statistics/directory", DirectoryFigures, signal),
  );
  return (
    <Stack gap="sm" component="section" aria-labelledby="directory-figures-title">
      <SectionTitle
        id="directory-figures-title"
        title={t("plenary.directory.title")}
        csv={csvHref("directory", { from: null, to: null }, currentLocale())}
      />
      {query.status === "loading" ? <PageLoader label={t("statistics.loading")} /> : null}
      {query.status === "error" ? <ErrorAlert error={query.error} onRetry={query.retry} /> : null}
      {query.status === "success" ? (
        <>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Figure
              label={t("plenary.directory.parties")}
              value={query.data.partiesWithContactPoints}
              testId="parties-with-cps"
            />
            <Figure
              label={t("plenary.directory.moreThanOne")}
              value={query.data.moreThanOne}
              testId="parties-more-than-one"
            />
            <Figure
              label={t("plenary.directory.contactPoints")}
              value={query.data.contactPoints}
              testId="contact-points"
            />
          </SimpleGrid>
          <div data-testid="cp-type-chart" role="img" aria-label={t("plenary.directory.byType")}>
            <BarChart
              h={220}
              data={query.data.byType.map((b) => ({ type: t(CP_TYPE_KEYS[b.type]), count: b.count }))}
              dataKey="type"
              series={[{ name: "count", label: t("plenary.directory.series"), color: "blue.6" }]}
              withBarValueLabel
            />
          </div>
          <Table withRowBorders={false} maw={420} data-testid="cp-type-figures">
            <Table.Tbody>
              {query.data.byType.map((b) => (
                <Table.Tr key={b.type}>
                  <Table.Td>{t(CP_TYPE_KEYS[b.type])}</Table.Td>
                  <Table.Td ta="right">{b.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}

/** Requests sent and received per Party and type ("we now send more than we receive"), with the Network's medians. */
export function RequestFlowsSection({ period }: { period: Period }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const q = new URLSearchParams();
  if (period.from) q.set("from", period.from);
  if (period.to) q.set("to", period.to);
  const query = useApiQuery(`flows|${period.from}|${period.to}`, (signal) =>
    api.get(`/api/statistics/requests${q.size ? `?${q}` : ""}`, RequestFlows, signal),
  );
  const minutes = (m: number | null) => (m === null ? "—" : formatDuration(t, m));
  const name = (p: { nameEn: string; nameFr: string }) => (locale === "fr" ? p.nameFr : p.nameEn);
  return (
    <Stack gap="sm" component="section" aria-labelledby="request-flows-title">
      <SectionTitle
        id="request-flows-title"
        title={t("plenary.flows.title")}
        csv={csvHref("requests", period, locale)}
      />
      {query.status === "loading" ? <PageLoader label={t("statistics.loading")} /> : null}
      {query.status === "error" ? <ErrorAlert error={query.error} onRetry={query.retry} /> : null}
      {query.status === "success" ? (
        <>
          {query.data.scope === "party" ? <Text size="sm">{t("plenary.flows.partyScope")}</Text> : null}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Figure label={t("plenary.flows.networkSent")} value={query.data.network.sent} testId="network-sent" />
            <Figure
              label={t("plenary.flows.networkAck")}
              value={minutes(query.data.network.medianMinutesToAcknowledge)}
              testId="network-ack"
            />
            <Figure
              label={t("plenary.flows.networkAnswer")}
              value={minutes(query.data.network.medianMinutesToAnswer)}
              testId="network-answer"
            />
          </SimpleGrid>
          {query.data.parties.length ? (
            <div role="img" aria-label={t("plenary.flows.title")} data-testid="flows-chart">
              <BarChart
                h={260}
                data={query.data.parties.map((p) => ({ party: p.party.iso2, sent: p.sent, received: p.received }))}
                dataKey="party"
                series={[
                  { name: "sent", label: t("plenary.flows.sent"), color: "blue.6" },
                  { name: "received", label: t("plenary.flows.received"), color: "teal.6" },
                ]}
              />
            </div>
          ) : (
            <Text c="dimmed">{t("plenary.flows.none")}</Text>
          )}
          {query.data.rows.length ? (
            <Table.ScrollContainer minWidth={520}>
              <Table striped data-testid="flow-rows">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("plenary.flows.party")}</Table.Th>
                    <Table.Th>{t("plenary.flows.type")}</Table.Th>
                    <Table.Th ta="right">{t("plenary.flows.sent")}</Table.Th>
                    <Table.Th ta="right">{t("plenary.flows.received")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.rows.map((r) => (
                    <Table.Tr key={`${r.party.iso2}-${r.type}`}>
                      <Table.Td>{name(r.party)}</Table.Td>
                      <Table.Td>{t(TYPE_KEYS[r.type])}</Table.Td>
                      <Table.Td ta="right">{r.sent}</Table.Td>
                      <Table.Td ta="right">{r.received}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
          <Text size="xs" c="dimmed">
            {t("plenary.flows.note")}
          </Text>
        </>
      ) : null}
    </Stack>
  );
}

/** Each ping test's answered Parties over time. */
export function PingFiguresSection() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useApiQuery("ping-figures", (signal) => api.get("/api/statistics/pings", PingFigures, signal));
  return (
    <Stack gap="sm" component="section" aria-labelledby="ping-figures-title">
      <SectionTitle
        id="ping-figures-title"
        title={t("plenary.pings.title")}
        csv={csvHref("pings", { from: null, to: null }, locale)}
      />
      {query.status === "loading" ? <PageLoader label={t("statistics.loading")} /> : null}
      {query.status === "error" ? <ErrorAlert error={query.error} onRetry={query.retry} /> : null}
      {query.status === "success" ? (
        query.data.items.length === 0 ? (
          <Text c="dimmed">{t("plenary.pings.none")}</Text>
        ) : (
          <>
            {query.data.scope === "party" ? <Text size="sm">{t("plenary.pings.partyScope")}</Text> : null}
            <div role="img" aria-label={t("plenary.pings.title")} data-testid="ping-trend-chart">
              <LineChart
                h={220}
                data={query.data.items.map((i) => ({
                  day: i.firedAt.slice(0, 10),
                  answered: i.answered,
                  parties: i.parties,
                }))}
                dataKey="day"
                series={[
                  { name: "answered", label: t("plenary.pings.answered"), color: "blue.6" },
                  { name: "parties", label: t("plenary.pings.parties"), color: "gray.5" },
                ]}
              />
            </div>
            <Table withRowBorders={false} maw={520}>
              <Table.Tbody>
                {query.data.items.map((i) => (
                  <Table.Tr key={i.firedAt}>
                    <Table.Td>{i.title}</Table.Td>
                    <Table.Td ta="right">
                      {i.answered} / {i.parties}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )
      ) : null}
    </Stack>
  );
}

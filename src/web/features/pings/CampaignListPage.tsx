import { LineChart } from "@mantine/charts";
import { Anchor, Badge, Button, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { PingCampaign, PingTrend } from "../../../shared/pings";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { formatMoment } from "../requests/time";
import { useLiveQuery } from "../requests/useLiveQuery";
import { STATUS_COLORS, STATUS_KEYS } from "./labels";
import { pingsApi } from "./pingsApi";

/** /pings for the Secretariat: every ping test, the button to make one, and the Network's trend. */
export function CampaignListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const zone = useActiveSession().user.timeZone;
  const list = useLiveQuery("pings", (signal) => pingsApi.list(signal), 60_000, ["ping"]);
  const trend = useApiQuery("pings-trend", (signal) => pingsApi.trend(signal));
  const when = (c: PingCampaign) =>
    c.firedAt
      ? formatMoment(c.firedAt, locale, zone)
      : c.mode === "window" && c.windowFrom && c.windowTo
        ? t("pingTests.list.window", {
            from: formatMoment(c.windowFrom, locale, zone),
            to: formatMoment(c.windowTo, locale, zone),
          })
        : c.scheduledAt
          ? t("pingTests.list.at", { at: formatMoment(c.scheduledAt, locale, zone) })
          : "—";

  return (
    <>
      <PageHeader title={t("pingTests.list.title")} description={t("pingTests.list.help")}>
        <Button component={Link} to="/pings/new" leftSection={<IconPlus size={16} aria-hidden />}>
          {t("pingTests.list.new")}
        </Button>
      </PageHeader>
      {list.loading ? <PageLoader label={t("pingTests.list.loading")} /> : null}
      {list.error ? (
        <ErrorAlert error={list.error} title={t("pingTests.list.loadFailed")} onRetry={list.refresh} />
      ) : null}
      {list.data && list.data.items.length === 0 ? <Text c="dimmed">{t("pingTests.list.empty")}</Text> : null}
      {list.data && list.data.items.length > 0 ? (
        <Paper withBorder radius="md" mb="lg">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" data-testid="ping-campaigns">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("pingTests.list.columns.title")}</Table.Th>
                  <Table.Th>{t("pingTests.list.columns.when")}</Table.Th>
                  <Table.Th>{t("pingTests.list.columns.status")}</Table.Th>
                  <Table.Th>{t("pingTests.list.columns.answered")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((c) => (
                  <Table.Tr key={c.id} data-testid="ping-campaign-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/pings/${c.id}`}>
                        {c.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{when(c)}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[c.status]} variant="light">
                        {t(STATUS_KEYS[c.status])}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {c.firedAt
                        ? t("pingTests.list.answered", {
                            answered: c.progress.acknowledgedParties,
                            total: c.progress.parties,
                          })
                        : "—"}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {trend.status === "success" ? <TrendChart trend={trend.data} /> : null}
      {trend.status === "error" ? <ErrorAlert error={trend.error} onRetry={trend.retry} /> : null}
    </>
  );
}

/** Parties answering within 1 hour, within 24 hours and in all, campaign after campaign. */
function TrendChart({ trend }: { trend: PingTrend }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const countAt = (rows: { minutes: number; count: number }[], minutes: number) =>
    [...rows].reverse().find((r) => r.minutes <= minutes)?.count ?? 0;
  const data = trend.items.map((i) => ({
    campaign: new Intl.DateTimeFormat(locale, { month: "short", year: "numeric" }).format(new Date(i.firedAt)),
    within1h: countAt(i.rows, 60),
    within24h: countAt(i.rows, 1440),
    answered: i.answered,
  }));
  return (
    <Paper withBorder radius="md" p="md" data-testid="ping-trend">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("pingTests.trend.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("pingTests.trend.help")}
        </Text>
        {data.length === 0 ? (
          <Text c="dimmed">{t("pingTests.trend.empty")}</Text>
        ) : (
          <LineChart
            h={260}
            data={data}
            dataKey="campaign"
            withLegend
            series={[
              { name: "within1h", label: t("pingTests.trend.within1h"), color: "teal.6" },
              { name: "within24h", label: t("pingTests.trend.within24h"), color: "blue.6" },
              { name: "answered", label: t("pingTests.trend.answered"), color: "gray.6" },
            ]}
            curveType="linear"
          />
        )}
      </Stack>
    </Paper>
  );
}

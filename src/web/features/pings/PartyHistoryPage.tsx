import { BarChart } from "@mantine/charts";
import { Anchor, Paper, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { formatDuration, formatMoment } from "../requests/time";
import { pingsApi } from "./pingsApi";

/** /pings/parties/:iso2: a Party's fastest answer in each ping test, to see who improves. */
export function PartyHistoryPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const zone = useActiveSession().user.timeZone;
  const { iso2 = "" } = useParams();
  const query = useApiQuery(`ping-history-${iso2}`, (signal) => pingsApi.history(iso2, signal));
  if (query.status === "loading") return <PageLoader label={t("pingTests.history.loading")} />;
  if (query.status === "error")
    return <ErrorAlert error={query.error} title={t("pingTests.history.loadFailed")} onRetry={query.retry} />;
  const h = query.data;
  const party = locale === "fr" ? h.nameFr : h.nameEn;
  // Oldest first on the chart; a test without an answer shows no bar.
  const chart = [...h.items].reverse().map((i) => ({
    test: new Intl.DateTimeFormat(locale, { month: "short", year: "numeric" }).format(new Date(i.firedAt)),
    minutes: i.responseSeconds === null ? null : Math.round(i.responseSeconds / 6) / 10,
  }));
  return (
    <>
      <PageHeader title={t("pingTests.history.title", { party })} description={t("pingTests.history.help")}>
        <Anchor component={Link} to="/pings" size="sm">
          {t("pingTests.history.back")}
        </Anchor>
      </PageHeader>
      {h.items.length === 0 ? (
        <Text c="dimmed">{t("pingTests.history.empty")}</Text>
      ) : (
        <>
          <Paper withBorder radius="md" p="md" mb="lg" data-testid="ping-history-chart">
            <BarChart
              h={240}
              data={chart}
              dataKey="test"
              series={[{ name: "minutes", label: t("pingTests.history.minutes"), color: "teal.6" }]}
              withBarValueLabel
            />
          </Paper>
          <Paper withBorder radius="md">
            <Table verticalSpacing="sm" data-testid="ping-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("pingTests.history.columns.test")}</Table.Th>
                  <Table.Th>{t("pingTests.history.columns.when")}</Table.Th>
                  <Table.Th>{t("pingTests.history.columns.response")}</Table.Th>
                  <Table.Th>{t("pingTests.history.columns.contactPoints")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {h.items.map((i) => (
                  <Table.Tr key={i.campaignId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/pings/${i.campaignId}`}>
                        {i.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatMoment(i.firedAt, locale, zone)}</Table.Td>
                    <Table.Td>
                      {i.responseSeconds === null
                        ? t("pingTests.report.noAnswer")
                        : formatDuration(t, i.responseSeconds / 60)}
                    </Table.Td>
                    <Table.Td>
                      {i.answeredContactPoints} / {i.contactPoints}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
    </>
  );
}

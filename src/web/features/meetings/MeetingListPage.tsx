import { Anchor, Button, Paper, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { daysLabel, participationLine } from "./labels";
import { meetingsApi } from "./meetingsApi";

/** The annual meetings, newest first (the server's order), each with its participation. */
export function MeetingListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useApiQuery("meetings", (signal) => meetingsApi.list(signal));

  return (
    <>
      <PageHeader title={t("meetings.list.title")} description={t("meetings.list.help")}>
        <Button component={Link} to="/meetings/new" leftSection={<IconPlus size={16} aria-hidden />}>
          {t("meetings.list.record")}
        </Button>
      </PageHeader>
      {query.status === "loading" ? <PageLoader label={t("meetings.list.loading")} /> : null}
      {query.status === "error" ? (
        <ErrorAlert error={query.error} title={t("meetings.list.loadFailed")} onRetry={query.retry} />
      ) : null}
      {query.status === "success" && query.data.items.length === 0 ? (
        <Text c="dimmed" data-testid="meetings-empty">
          {t("meetings.list.empty")}
        </Text>
      ) : null}
      {query.status === "success" && query.data.items.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" data-testid="meetings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("meetings.list.columns.date")}</Table.Th>
                  <Table.Th>{t("meetings.list.columns.meeting")}</Table.Th>
                  <Table.Th>{t("meetings.list.columns.place")}</Table.Th>
                  <Table.Th>{t("meetings.list.columns.participation")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((m) => (
                  <Table.Tr key={m.id} data-testid="meeting-row" data-starts-on={m.startsOn}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{daysLabel(m.startsOn, m.endsOn, locale)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/meetings/${m.id}`}>
                        {m.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{m.place}</Table.Td>
                    <Table.Td data-testid="meeting-participation">
                      <Text size="sm">{participationLine(t, m.participation)}</Text>
                      <Text size="xs" c="dimmed">
                        {t("meetings.participation.invitations", {
                          invited: m.participation.invited,
                          registered: m.participation.registered,
                        })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </>
  );
}

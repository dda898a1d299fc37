import { Anchor, Badge, Button, Paper, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { formatMoment } from "../requests/time";
import { dataProtectionApi } from "./dataProtectionApi";
import { STATUS_KEYS } from "./labels";

/** The register: every incident for the Secretariat, with its button to record one; a Party's own otherwise. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const session = useActiveSession();
  const manages = session.permissions.includes("incidents.manage");
  const query = useApiQuery("incidents", (signal) => dataProtectionApi.incidents(signal));

  return (
    <>
      <PageHeader
        title={t("dataProtection.incidents.title")}
        description={t(manages ? "dataProtection.incidents.helpSecretariat" : "dataProtection.incidents.helpParty")}
      >
        {manages ? (
          <Button component={Link} to="/data-protection/incidents/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t("dataProtection.incidents.record")}
          </Button>
        ) : null}
      </PageHeader>
      {query.status === "loading" ? <PageLoader label={t("dataProtection.incidents.loading")} /> : null}
      {query.status === "error" ? (
        <ErrorAlert error={query.error} title={t("dataProtection.incidents.loadFailed")} onRetry={query.retry} />
      ) : null}
      {query.status === "success" && query.data.items.length === 0 ? (
        <Text c="dimmed" data-testid="incidents-empty">
          {t(manages ? "dataProtection.incidents.emptyAll" : "dataProtection.incidents.empty")}
        </Text>
      ) : null}
      {query.status === "success" && query.data.items.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" data-testid="incidents">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("dataProtection.incidents.columns.detected")}</Table.Th>
                  <Table.Th>{t("dataProtection.incidents.columns.title")}</Table.Th>
                  <Table.Th>{t("dataProtection.incidents.columns.parties")}</Table.Th>
                  <Table.Th>{t("dataProtection.incidents.columns.status")}</Table.Th>
                  <Table.Th>{t("dataProtection.incidents.columns.updates")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((item) => (
                  <Table.Tr key={item.id} data-testid="incident-row">
                    <Table.Td>{formatMoment(item.detectedAt, locale, session.user.timeZone)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/data-protection/incidents/${item.id}`}>
                        {item.purgedAt
                          ? t("dataProtection.detail.purgedTitle", {
                              date: formatMoment(item.detectedAt, locale, session.user.timeZone),
                            })
                          : item.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{item.parties.join(", ")}</Table.Td>
                    <Table.Td>
                      <Badge color={item.status === "open" ? "red" : "gray"} variant="light">
                        {t(STATUS_KEYS[item.status])}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{item.updates}</Table.Td>
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

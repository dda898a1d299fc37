import { Anchor, Badge, Button, Paper, Progress, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconPencil, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { foldSpaced } from "../../../shared/text";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { authoritiesApi } from "./authoritiesApi";

/** Every Party's Art. 27 and Art. 24 authorities at a glance, and how many Parties answered. */
export function OverviewPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const session = useActiveSession();
  const own = session.user.party?.iso2 ?? null;
  const canSubmit = session.permissions.includes("authorities.submit");
  const [q, setQ] = useState("");
  const query = useApiQuery("authorities", (signal) => authoritiesApi.overview(signal));
  const name = (p: { nameEn: string; nameFr: string }) => (locale === "fr" ? p.nameFr : p.nameEn);

  return (
    <>
      <PageHeader title={t("authorities.title")} description={t("authorities.overview.help")}>
        {own && canSubmit ? (
          <Button
            component={Link}
            to={`/authorities/parties/${own}/edit`}
            leftSection={<IconPencil size={16} aria-hidden />}
          >
            {t("authorities.overview.answerOwn")}
          </Button>
        ) : null}
      </PageHeader>
      {query.status === "loading" ? <PageLoader label={t("authorities.overview.loading")} /> : null}
      {query.status === "error" ? (
        <ErrorAlert error={query.error} title={t("authorities.overview.loadFailed")} onRetry={query.retry} />
      ) : null}
      {query.status === "success" ? (
        <Stack gap="md">
          <Paper withBorder radius="md" p="md">
            <Text fw={600} data-testid="authorities-provided">
              {t("authorities.progress.provided", { provided: query.data.provided, total: query.data.total })}
            </Text>
            <Progress value={(100 * query.data.provided) / Math.max(1, query.data.total)} mt="xs" aria-hidden />
          </Paper>
          <TextInput
            label={t("authorities.overview.filter")}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            maw={360}
          />
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="sm" data-testid="authorities-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("authorities.overview.party")}</Table.Th>
                    <Table.Th>{t("authorities.role.mla")}</Table.Th>
                    <Table.Th>{t("authorities.role.extradition")}</Table.Th>
                    <Table.Th>{t("authorities.overview.status")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.parties
                    .filter((p) => !q || foldSpaced(`${p.nameEn} ${p.nameFr} ${p.iso2}`).includes(foldSpaced(q)))
                    .map((p) => (
                      <Table.Tr key={p.iso2} data-party={p.iso2}>
                        <Table.Td>
                          <Anchor component={Link} to={`/authorities/parties/${p.iso2}`}>
                            {name(p)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{p.mlaName ?? "—"}</Table.Td>
                        <Table.Td>{p.extraditionName ?? "—"}</Table.Td>
                        <Table.Td>
                          {p.provided ? (
                            <Badge variant="light" color="teal">
                              {t("authorities.status.provided")}
                            </Badge>
                          ) : (
                            <Badge variant="light" color="orange">
                              {t("authorities.status.noInput")}
                            </Badge>
                          )}{" "}
                          {p.discrepancyCount > 0 ? (
                            <Badge variant="light" color="red">
                              {t("authorities.status.differs", { count: p.discrepancyCount })}
                            </Badge>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </Stack>
      ) : null}
    </>
  );
}

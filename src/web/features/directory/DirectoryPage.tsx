import { Badge, CloseButton, Group, Paper, Stack, Table, Text, TextInput, useMantineTheme } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { PartyList, type PartyStatus, type PartySummary } from "../../../shared/directory";
import { api } from "../../app/api";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import type { TranslationKey } from "../../i18n/keys";
import { filterParties, partyName, sortParties } from "./text";

const STATUS_KEYS: Record<PartyStatus, TranslationKey> = {
  party: "directory.status.party",
  signatory: "directory.status.signatory",
  observer: "directory.status.observer",
};

const STATUS_COLORS: Record<PartyStatus, string> = {
  party: "teal",
  signatory: "blue",
  observer: "gray",
};

const TYPE_KEYS: Record<NonNullable<PartySummary["primaryType"]>, TranslationKey> = {
  police: "directory.type.police",
  prosecution: "directory.type.prosecution",
  ministry_of_justice: "directory.type.ministry_of_justice",
  security_service: "directory.type.security_service",
  cybersecurity: "directory.type.cybersecurity",
  other: "directory.type.other",
};

export function DirectoryPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const theme = useMantineTheme();
  // One layout at a time (not both hidden by CSS) so that each Party appears once for assistive technology and tests.
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, true, { getInitialValueInEffect: false });
  const [query, setQuery] = useState("");

  const parties = useApiQuery("directory-parties", (signal) => api.get("/api/directory/parties", PartyList, signal));

  const sorted = useMemo(
    () => (parties.status === "success" ? sortParties(parties.data.parties, locale) : []),
    [parties.status, parties.data, locale],
  );
  const shown = useMemo(() => filterParties(sorted, query, locale), [sorted, query, locale]);

  const statusLabel = (status: PartyStatus) => t(STATUS_KEYS[status]);
  const typeLabel = (type: PartySummary["primaryType"]) => (type ? t(TYPE_KEYS[type]) : t("directory.noContactPoint"));

  return (
    <>
      <PageHeader title={t("directory.title")} description={t("directory.description")} />

      {parties.status === "loading" ? <PageLoader label={t("directory.loading")} /> : null}
      {parties.status === "error" ? (
        <ErrorAlert error={parties.error} title={t("directory.loadFailed")} onRetry={parties.retry} />
      ) : null}

      {parties.status === "success" ? (
        <Stack gap="md">
          <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
            <TextInput
              label={t("directory.filter")}
              placeholder={t("directory.filterPlaceholder")}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
              leftSection={<IconSearch size={16} aria-hidden />}
              rightSection={
                query ? <CloseButton size="sm" aria-label={t("common.clear")} onClick={() => setQuery("")} /> : null
              }
              autoComplete="off"
              spellCheck={false}
              w={{ base: "100%", xs: 320 }}
            />
            <Stack gap={0} align="flex-end">
              <Text size="sm" fw={600} data-testid="party-count">
                {t("directory.partyCount", { count: sorted.length })}
              </Text>
              <Text size="xs" c="dimmed" aria-live="polite" data-testid="party-filter-count">
                {query.trim() ? t("directory.matchCount", { count: shown.length }) : ""}
              </Text>
            </Stack>
          </Group>

          {sorted.length === 0 ? (
            <Text c="dimmed">{t("directory.empty")}</Text>
          ) : shown.length === 0 ? (
            <Text c="dimmed">{t("directory.noMatch")}</Text>
          ) : wide ? (
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("directory.column.code")}</Table.Th>
                    <Table.Th scope="col">{t("directory.column.name")}</Table.Th>
                    <Table.Th scope="col">{t("directory.column.status")}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("directory.column.contactPoints")}
                    </Table.Th>
                    <Table.Th scope="col">{t("directory.column.primaryType")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((party) => (
                    <Table.Tr key={party.id} data-testid="party-row" data-iso={party.iso2}>
                      <Table.Td ff="monospace">{party.iso2}</Table.Td>
                      <Table.Th scope="row" fw={500}>
                        {partyName(party, locale)}
                      </Table.Th>
                      <Table.Td>
                        <Badge variant="light" color={STATUS_COLORS[party.status]} radius="sm" tt="none">
                          {statusLabel(party.status)}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">{party.contactPointCount.toLocaleString(i18n.language)}</Table.Td>
                      <Table.Td c={party.primaryType ? undefined : "dimmed"}>{typeLabel(party.primaryType)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {shown.map((party) => (
                <Paper
                  key={party.id}
                  component="li"
                  withBorder
                  radius="md"
                  p="sm"
                  data-testid="party-row"
                  data-iso={party.iso2}
                >
                  <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                    <Group gap="xs" wrap="nowrap" miw={0}>
                      <Text ff="monospace" size="sm" c="dimmed">
                        {party.iso2}
                      </Text>
                      <Text fw={600} lh={1.3}>
                        {partyName(party, locale)}
                      </Text>
                    </Group>
                    <Badge
                      variant="light"
                      color={STATUS_COLORS[party.status]}
                      radius="sm"
                      tt="none"
                      style={{ flexShrink: 0 }}
                    >
                      {statusLabel(party.status)}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed" mt={4}>
                    {t("directory.contactPointCount", { count: party.contactPointCount })}
                    {" · "}
                    {party.primaryType
                      ? t("directory.primaryTypeValue", { type: typeLabel(party.primaryType) })
                      : t("directory.noContactPoint")}
                  </Text>
                </Paper>
              ))}
            </Stack>
          )}
        </Stack>
      ) : null}
    </>
  );
}

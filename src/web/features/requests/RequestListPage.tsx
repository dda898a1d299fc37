import {
  Badge,
  Box,
  Button,
  Collapse,
  Group,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
  useMantineTheme,
} from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { IconAdjustmentsHorizontal, IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { BOXES, REQUEST_STATES, REQUEST_TYPES, type RequestList } from "../../../shared/requests";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import type { TranslationKey } from "../../i18n/keys";
import { STATE_KEYS, TYPE_SHORT_KEYS } from "./labels";
import { RequestTable } from "./RequestTable";
import { type ListFilters, listQueryString, PAGE_SIZE, type Box as RequestBox, requestsApi } from "./requestsApi";
import { useLiveQuery } from "./useLiveQuery";
import { useParties } from "./useParties";

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | null =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;

/** The filters live in the address: the back button and a shared link give the same list. */
function useFilters(): [ListFilters, (change: Partial<ListFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters: ListFilters = {
    box: oneOf(BOXES, params.get("box")) ?? "inbox",
    type: oneOf(REQUEST_TYPES, params.get("type")),
    state: oneOf(REQUEST_STATES, params.get("state")),
    party: /^[A-Z]{2}$/.test(params.get("party") ?? "") ? params.get("party") : null,
    overdue: params.get("overdue") === "true",
    offset: Math.max(0, Number(params.get("offset")) || 0),
  };
  const update = (change: Partial<ListFilters>) => {
    // Any other change than the page starts again from the first page.
    const next = { ...filters, offset: 0, ...change };
    const q = new URLSearchParams(listQueryString(next));
    q.delete("limit");
    if (next.box === "inbox") q.delete("box");
    setParams(q, { replace: change.offset === undefined && change.box === undefined });
  };
  return [filters, update];
}

const TABS: { box: RequestBox; label: TranslationKey; empty: TranslationKey }[] = [
  { box: "inbox", label: "requests.list.tabs.inbox", empty: "requests.list.empty.inbox" },
  { box: "outbox", label: "requests.list.tabs.outbox", empty: "requests.list.empty.outbox" },
  { box: "drafts", label: "requests.list.tabs.drafts", empty: "requests.list.empty.drafts" },
];

const PAGE_CONTROLS: Record<"first" | "previous" | "next" | "last", TranslationKey> = {
  first: "requests.list.page.first",
  previous: "requests.list.page.previous",
  next: "requests.list.page.next",
  last: "requests.list.page.last",
};

export function RequestListPage() {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const compact = useMediaQuery(`(max-width: ${theme.breakpoints.sm})`, false, { getInitialValueInEffect: false });
  const session = useActiveSession();
  const zone = session.user.timeZone;
  const canWrite = session.permissions.includes("requests.write");
  const [filters, setFilters] = useFilters();
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  const parties = useParties(session.user.party?.iso2);

  const key = listQueryString(filters);
  const list = useLiveQuery<RequestList>(key, (signal) => requestsApi.list(filters, signal), 60_000);
  const counts = list.data?.counts;

  const activeFilters = [filters.type, filters.state, filters.party, filters.overdue].filter(Boolean).length;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  const filterFields = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
      <Select
        label={t("requests.list.type")}
        placeholder={t("requests.list.any")}
        data={REQUEST_TYPES.map((type) => ({ value: type, label: t(TYPE_SHORT_KEYS[type]) }))}
        value={filters.type}
        onChange={(value) => setFilters({ type: oneOf(REQUEST_TYPES, value) })}
        clearable
        clearButtonProps={{ "aria-label": t("common.clear") }}
      />
      <Select
        label={t("requests.list.state")}
        placeholder={t("requests.list.any")}
        data={REQUEST_STATES.filter((s) => s !== "draft").map((s) => ({ value: s, label: t(STATE_KEYS[s]) }))}
        value={filters.state}
        onChange={(value) => setFilters({ state: oneOf(REQUEST_STATES, value) })}
        clearable
        clearButtonProps={{ "aria-label": t("common.clear") }}
        disabled={filters.box === "drafts"}
      />
      <Select
        label={t("requests.list.party")}
        placeholder={t("requests.list.any")}
        data={parties.options}
        value={filters.party}
        onChange={(value) => setFilters({ party: value })}
        searchable
        filter={parties.filter}
        clearable
        clearButtonProps={{ "aria-label": t("common.clear") }}
        nothingFoundMessage={t("requests.list.noParty")}
      />
      <Box pt={{ base: 0, md: 28 }}>
        <Switch
          label={t("requests.list.overdueOnly", { count: counts?.overdue ?? 0 })}
          checked={filters.overdue}
          onChange={(e) => setFilters({ overdue: e.currentTarget.checked })}
          disabled={filters.box === "drafts"}
          color="red"
        />
      </Box>
    </SimpleGrid>
  );

  const content = () => {
    if (list.loading) return <PageLoader label={t("requests.list.loading")} />;
    if (!list.data)
      return <ErrorAlert error={list.error} title={t("requests.list.loadFailed")} onRetry={list.refresh} />;
    const { items, total } = list.data;
    return (
      <Stack gap="sm" style={{ opacity: list.stale ? 0.6 : 1 }} aria-busy={list.stale}>
        {list.error ? (
          <ErrorAlert error={list.error} title={t("requests.list.refreshFailed")} onRetry={list.refresh} />
        ) : null}
        {items.length === 0 ? (
          <Paper withBorder radius="md" p="lg" data-testid="no-requests">
            <Text c="dimmed">
              {activeFilters > 0
                ? t("requests.list.noneFiltered")
                : t(TABS.find((tab) => tab.box === filters.box)?.empty ?? "requests.list.empty.inbox")}
            </Text>
          </Paper>
        ) : (
          <RequestTable items={items} box={filters.box} zone={zone} compact={compact} />
        )}
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t("requests.list.total", { count: total })}
          </Text>
          {pages > 1 ? (
            <Pagination
              total={pages}
              value={Math.floor(filters.offset / PAGE_SIZE) + 1}
              onChange={(page) => setFilters({ offset: (page - 1) * PAGE_SIZE })}
              size="sm"
              getControlProps={(control) => ({
                "aria-label": t(PAGE_CONTROLS[control]),
              })}
            />
          ) : null}
        </Group>
      </Stack>
    );
  };

  return (
    <>
      <PageHeader title={t("requests.title")} description={t("requests.description")}>
        {canWrite ? (
          <Button component={Link} to="/requests/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t("requests.list.new")}
          </Button>
        ) : null}
      </PageHeader>

      <Tabs
        value={filters.box}
        onChange={(value) => setFilters({ box: oneOf(BOXES, value) ?? "inbox" })}
        keepMounted={false}
      >
        <Tabs.List mb="sm">
          {TABS.map(({ box, label }) => (
            <Tabs.Tab
              key={box}
              value={box}
              rightSection={
                counts ? (
                  <Badge
                    size="sm"
                    variant="light"
                    color={box === "inbox" && counts.overdue > 0 ? "red" : "gray"}
                    radius="sm"
                  >
                    {counts[box]}
                  </Badge>
                ) : null
              }
              data-testid={`tab-${box}`}
            >
              {t(label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map(({ box }) => (
          <Tabs.Panel key={box} value={box}>
            <Stack gap="md">
              {compact ? (
                <Stack gap="xs">
                  <Group>
                    <Button
                      variant="default"
                      size="compact-sm"
                      leftSection={<IconAdjustmentsHorizontal size={14} aria-hidden />}
                      onClick={toggleFilters}
                      aria-expanded={filtersOpen}
                    >
                      {t("requests.list.filters", { count: activeFilters })}
                    </Button>
                  </Group>
                  <Collapse expanded={filtersOpen}>{filterFields}</Collapse>
                </Stack>
              ) : (
                filterFields
              )}
              {content()}
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

import {
  Badge,
  Box,
  Button,
  CloseButton,
  Collapse,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  useMantineTheme,
} from "@mantine/core";
import { useDebouncedValue, useMediaQuery } from "@mantine/hooks";
import { IconAdjustmentsHorizontal, IconMap, IconSearch } from "@tabler/icons-react";
import { lazy, Suspense, useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import {
  ART35_FUNCTIONS,
  Art35Function,
  CONTACT_POINT_TYPES,
  ContactPointType,
  PartyList,
  type PartySummary,
  type SearchHit,
  SearchResult,
} from "../../../shared/directory";
import { ISO_639_1 } from "../../../shared/languages";
import { api, isAbortError } from "../../app/api";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { type SearchParams, searchQueryString } from "./directoryApi";
import {
  FUNCTION_KEYS,
  languageName,
  languageOption,
  STATUS_COLORS,
  STATUS_KEYS,
  TYPE_COLORS,
  TYPE_KEYS,
} from "./labels";
import { OpenBadge, StaleBadge, TypeBadge } from "./parts";
import { filterParties, partyName, sortParties } from "./text";

// The map and its shapes are only fetched when someone opens it (phones start without it).
const WorldMap = lazy(() => import("./WorldMap"));

const DEBOUNCE_MS = 250;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** The search and its filters live in the address: the back button from a Party page finds them again. */
function useSearchState() {
  const [params, setParams] = useSearchParams();
  const state: SearchParams = {
    q: params.get("q") ?? "",
    type: oneOf(ContactPointType.options, params.get("type")),
    language: oneOf([...ISO_639_1], params.get("language")),
    function: oneOf(Art35Function.options, params.get("function")),
    availableNow: params.get("availability") === "now",
  };
  const update = (change: Partial<SearchParams>) => {
    const next = { ...state, ...change };
    const out = new URLSearchParams();
    if (next.q) out.set("q", next.q);
    if (next.type) out.set("type", next.type);
    if (next.language) out.set("language", next.language);
    if (next.function) out.set("function", next.function);
    if (next.availableNow) out.set("availability", "now");
    setParams(out, { replace: true });
  };
  return [state, update] as const;
}

type SearchState =
  | { status: "idle" }
  | { status: "pending"; previous: SearchResult | null }
  | { status: "error"; error: unknown }
  | { status: "success"; data: SearchResult };

/** The server search; keeps the last answer on screen while the next one is on its way. */
function useDirectorySearch(params: SearchParams, active: boolean): SearchState & { retry: () => void } {
  const key = active ? searchQueryString(params) : null;
  const [answer, setAnswer] = useState<{ key: string; data?: SearchResult; error?: unknown } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const last = useRef<SearchResult | null>(null);
  const load = useEffectEvent((query: string, signal: AbortSignal) =>
    api.get(`/api/directory/search?${query}`, SearchResult, signal),
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry trigger.
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    load(key, controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        last.current = data;
        setAnswer({ key, data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbortError(error)) setAnswer({ key, error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const retry = () => setAttempt((n) => n + 1);
  if (!key) return { status: "idle", retry };
  if (answer?.key !== key) return { status: "pending", previous: last.current, retry };
  if (answer.data) return { status: "success", data: answer.data, retry };
  return { status: "error", error: answer.error, retry };
}

type ResultGroup = {
  iso2: string;
  nameEn: string;
  nameFr: string;
  /** Contact points that matched; null while only the local filter of Party names has answered. */
  hits: SearchHit[] | null;
  summary: PartySummary | null;
};

/** Hits grouped by Party, best match first (the server orders hits by score). */
function groupHits(hits: readonly SearchHit[], summaries: ReadonlyMap<string, PartySummary>): ResultGroup[] {
  const groups = new Map<string, ResultGroup>();
  for (const hit of hits) {
    let group = groups.get(hit.party.iso2);
    if (!group) {
      group = { ...hit.party, hits: [], summary: summaries.get(hit.party.iso2) ?? null };
      groups.set(hit.party.iso2, group);
    }
    group.hits?.push(hit);
  }
  // Within a Party: primary first, as on the Party page.
  for (const group of groups.values()) {
    group.hits?.sort((a, b) => Number(b.contactPoint.isPrimary) - Number(a.contactPoint.isPrimary));
  }
  return [...groups.values()];
}

export function BrowsePage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const theme = useMantineTheme();
  // One layout at a time (not both hidden by CSS) so that each Party appears once for assistive technology and tests.
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, true, { getInitialValueInEffect: false });

  const [search, setSearch] = useSearchState();
  const [text, setText] = useState(search.q);
  const [debounced] = useDebouncedValue(text, DEBOUNCE_MS);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [mapOpen, setMapOpen] = useState<boolean | null>(null);
  const showMap = mapOpen ?? wide;

  // The typed text reaches the address after the pause; a change of address from elsewhere (the
  // "Browse" tab, the back button) comes back into the box.
  const written = useRef(search.q);
  const writeQuery = useEffectEvent((q: string) => setSearch({ q }));
  useEffect(() => {
    if (debounced === written.current) return;
    written.current = debounced;
    writeQuery(debounced);
  }, [debounced]);
  useEffect(() => {
    if (search.q === written.current) return;
    written.current = search.q;
    setText(search.q);
  }, [search.q]);

  const parties = useApiQuery("directory-parties", (signal) => api.get("/api/directory/parties", PartyList, signal));
  const sorted = useMemo(
    () => (parties.status === "success" ? sortParties(parties.data.parties, locale) : []),
    [parties.status, parties.data, locale],
  );
  const byIso = useMemo(() => new Map(sorted.map((p) => [p.iso2, p])), [sorted]);

  const filtered = Boolean(search.type || search.language || search.function || search.availableNow);
  // The search box answers at once from the Party names; the server's answer follows the pause in typing.
  const typed = text.trim();
  const active = Boolean(typed) || filtered;
  const effective: SearchParams = { ...search, q: debounced };
  const result = useDirectorySearch(effective, Boolean(debounced.trim()) || filtered);

  const localGroups = useMemo<ResultGroup[]>(
    () =>
      filterParties(sorted, typed, locale).map((p) => ({
        iso2: p.iso2,
        nameEn: p.nameEn,
        nameFr: p.nameFr,
        hits: null,
        summary: p,
      })),
    [sorted, typed, locale],
  );

  const fresh = result.status === "success" && debounced === text;
  let groups: ResultGroup[] | null = null;
  let hitCount: number | null = null;
  let total = 0;
  if (fresh && result.status === "success") {
    groups = groupHits(result.data.hits, byIso);
    hitCount = result.data.hits.length;
    total = result.data.total;
  } else if (!filtered && typed) {
    groups = localGroups;
  } else if (result.status === "pending" && result.previous) {
    groups = groupHits(result.previous.hits, byIso);
  } else if (result.status === "success") {
    groups = groupHits(result.data.hits, byIso);
  }
  const searching = active && !fresh && result.status !== "error";

  const languageOptions = useMemo(
    () =>
      [...ISO_639_1].map((code) => languageOption(code, locale)).sort((a, b) => a.label.localeCompare(b.label, locale)),
    [locale],
  );
  const activeFilterCount = [search.type, search.language, search.function, search.availableNow].filter(Boolean).length;

  const filters = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
      <Select
        label={t("directory.search.type")}
        placeholder={t("directory.search.any")}
        data={CONTACT_POINT_TYPES.map((type) => ({ value: type, label: t(TYPE_KEYS[type]) }))}
        value={search.type}
        onChange={(value) => setSearch({ type: oneOf(CONTACT_POINT_TYPES, value) })}
        clearable
        clearButtonProps={{ "aria-label": t("common.clear") }}
      />
      <Select
        label={t("directory.search.language")}
        placeholder={t("directory.search.any")}
        data={languageOptions}
        value={search.language}
        onChange={(value) => setSearch({ language: value })}
        searchable
        clearable
        clearButtonProps={{ "aria-label": t("common.clear") }}
        nothingFoundMessage={t("directory.search.noLanguage")}
      />
      <Select
        label={t("directory.search.function")}
        placeholder={t("directory.search.any")}
        data={ART35_FUNCTIONS.map((fn) => ({ value: fn, label: t(FUNCTION_KEYS[fn]) }))}
        value={search.function}
        onChange={(value) => setSearch({ function: oneOf(ART35_FUNCTIONS, value) })}
        clearable
        clearButtonProps={{ "aria-label": t("common.clear") }}
      />
      <Box pt={{ base: 0, md: 28 }}>
        <Switch
          label={t("directory.search.availableNow")}
          description={t("directory.search.availableNowHelp")}
          checked={search.availableNow}
          onChange={(event) => setSearch({ availableNow: event.currentTarget.checked })}
        />
      </Box>
    </SimpleGrid>
  );

  return (
    <>
      <PageHeader title={t("directory.title")} description={t("directory.description")} />

      <Stack gap="md">
        <Stack gap="xs">
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={t("directory.search.label")}
              description={t("directory.search.help")}
              placeholder={t("directory.search.placeholder")}
              type="search"
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              leftSection={<IconSearch size={16} aria-hidden />}
              rightSection={
                text ? (
                  <CloseButton
                    size="sm"
                    aria-label={t("common.clear")}
                    onClick={() => {
                      written.current = "";
                      setText("");
                      setSearch({ q: "" });
                    }}
                  />
                ) : null
              }
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              enterKeyHint="search"
              style={{ flex: 1 }}
              maw={wide ? 560 : undefined}
            />
            {wide ? null : (
              <Button
                variant={activeFilterCount ? "light" : "default"}
                onClick={() => setFiltersOpen((open) => !open)}
                aria-expanded={filtersOpen}
                aria-controls="directory-filters"
                leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
                px="sm"
              >
                {activeFilterCount
                  ? t("directory.search.filtersActive", { count: activeFilterCount })
                  : t("directory.search.filters")}
              </Button>
            )}
          </Group>
          {wide ? (
            filters
          ) : (
            <Collapse expanded={filtersOpen} id="directory-filters">
              <Box pt="xs">{filters}</Box>
            </Collapse>
          )}
          {filtered ? (
            <Group>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setSearch({ type: null, language: null, function: null, availableNow: false })}
              >
                {t("directory.search.clearFilters")}
              </Button>
            </Group>
          ) : null}
        </Stack>

        {parties.status === "loading" ? <PageLoader label={t("directory.loading")} /> : null}
        {parties.status === "error" ? (
          <ErrorAlert error={parties.error} title={t("directory.loadFailed")} onRetry={parties.retry} />
        ) : null}

        {active ? (
          <Stack gap="sm">
            <Group justify="space-between" gap="xs" mih={24}>
              <Text size="sm" fw={600} aria-live="polite" data-testid="search-summary">
                {groups && !searching && (groups.length > 0 || result.status !== "error")
                  ? hitCount === null
                    ? t("directory.matchCount", { count: groups.length })
                    : t("directory.search.summary", {
                        parties: t("directory.partyCount", { count: groups.length }),
                        contactPoints: t("directory.contactPointCount", { count: hitCount }),
                      })
                  : ""}
              </Text>
              {searching ? (
                <Group gap={6} role="status">
                  <Loader size="xs" aria-hidden />
                  <Text size="sm" c="dimmed">
                    {t("directory.search.searching")}
                  </Text>
                </Group>
              ) : null}
            </Group>
            {result.status === "error" ? (
              <ErrorAlert error={result.error} title={t("directory.search.failed")} onRetry={result.retry} />
            ) : null}
            {fresh && total > (hitCount ?? 0) ? (
              <Text size="sm" c="dimmed">
                {t("directory.search.truncated", { shown: hitCount ?? 0, total })}
              </Text>
            ) : null}
            {groups && groups.length > 0 ? (
              <SearchResults groups={groups} dimmed={searching && groups !== localGroups} />
            ) : groups && !searching && result.status !== "error" ? (
              <Text c="dimmed">{t("directory.search.noResult")}</Text>
            ) : null}
          </Stack>
        ) : parties.status === "success" ? (
          <Stack gap="md">
            <Group justify="space-between" align="center" gap="sm">
              <Text size="sm" fw={600} data-testid="party-count">
                {t("directory.partyCount", { count: sorted.length })}
              </Text>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconMap size={16} aria-hidden />}
                onClick={() => setMapOpen(!showMap)}
                aria-expanded={showMap}
                aria-controls="directory-map"
              >
                {showMap ? t("directory.map.hide") : t("directory.map.show")}
              </Button>
            </Group>
            {showMap ? (
              <Box id="directory-map">
                <Suspense fallback={<PageLoader label={t("directory.map.loading")} />}>
                  <WorldMap parties={sorted} />
                </Suspense>
              </Box>
            ) : null}
            {sorted.length === 0 ? (
              <Text c="dimmed">{t("directory.empty")}</Text>
            ) : wide ? (
              <PartyTable parties={sorted} />
            ) : (
              <PartyCards parties={sorted} />
            )}
          </Stack>
        ) : null}
      </Stack>
    </>
  );
}

function PrimaryType({ type }: { type: PartySummary["primaryType"] }) {
  const { t } = useTranslation();
  if (!type)
    return (
      <Text span c="dimmed" size="sm">
        {t("directory.noContactPoint")}
      </Text>
    );
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <Box
        component="span"
        w={10}
        h={10}
        style={{ borderRadius: 2, background: TYPE_COLORS[type], flexShrink: 0 }}
        aria-hidden
      />
      <Text span size="sm">
        {t(TYPE_KEYS[type])}
      </Text>
    </Group>
  );
}

function PartyTable({ parties }: { parties: readonly PartySummary[] }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  return (
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
          {parties.map((party) => (
            <Table.Tr key={party.id} data-testid="party-row" data-iso={party.iso2}>
              <Table.Td ff="monospace">{party.iso2}</Table.Td>
              <Table.Th scope="row" fw={500}>
                <Group gap="xs" wrap="nowrap">
                  <Text
                    component={Link}
                    to={`/directory/parties/${party.iso2}`}
                    fw={500}
                    c="var(--mantine-color-anchor)"
                  >
                    {partyName(party, locale)}
                  </Text>
                  {party.stale ? <StaleBadge /> : null}
                </Group>
              </Table.Th>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLORS[party.status]} radius="sm" tt="none">
                  {t(STATUS_KEYS[party.status])}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{party.contactPointCount.toLocaleString(i18n.language)}</Table.Td>
              <Table.Td>
                <PrimaryType type={party.primaryType} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PartyCards({ parties }: { parties: readonly PartySummary[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {parties.map((party) => (
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
              <Text
                component={Link}
                to={`/directory/parties/${party.iso2}`}
                fw={600}
                lh={1.3}
                c="var(--mantine-color-anchor)"
              >
                {partyName(party, locale)}
              </Text>
            </Group>
            <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
              {party.stale ? <StaleBadge /> : null}
              <Badge variant="light" color={STATUS_COLORS[party.status]} radius="sm" tt="none">
                {t(STATUS_KEYS[party.status])}
              </Badge>
            </Group>
          </Group>
          <Group gap="xs" mt={4}>
            <Text size="sm" c="dimmed">
              {t("directory.contactPointCount", { count: party.contactPointCount })}
            </Text>
            <PrimaryType type={party.primaryType} />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function SearchResults({ groups, dimmed }: { groups: readonly ResultGroup[]; dimmed: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack
      gap="sm"
      component="ul"
      style={{ listStyle: "none", margin: 0, padding: 0, opacity: dimmed ? 0.6 : 1 }}
      aria-busy={dimmed}
    >
      {groups.map((group) => (
        <Paper
          key={group.iso2}
          component="li"
          withBorder
          radius="md"
          p="sm"
          data-testid="party-row"
          data-iso={group.iso2}
        >
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Group gap="xs" wrap="nowrap" miw={0}>
              <Text ff="monospace" size="sm" c="dimmed">
                {group.iso2}
              </Text>
              <Text
                component={Link}
                to={`/directory/parties/${group.iso2}`}
                fw={600}
                size="lg"
                lh={1.3}
                c="var(--mantine-color-anchor)"
              >
                {partyName(group, locale)}
              </Text>
            </Group>
            {group.summary?.stale ? <StaleBadge /> : null}
          </Group>
          {group.hits === null ? (
            group.summary ? (
              <Group gap="xs" mt={4}>
                <Text size="sm" c="dimmed">
                  {t("directory.contactPointCount", { count: group.summary.contactPointCount })}
                </Text>
                <PrimaryType type={group.summary.primaryType} />
              </Group>
            ) : null
          ) : (
            <Stack gap={6} mt="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {group.hits.map((hit) => (
                <HitRow key={hit.contactPoint.id} hit={hit} iso2={group.iso2} />
              ))}
            </Stack>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

function HitRow({ hit, iso2 }: { hit: SearchHit; iso2: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const cp = hit.contactPoint;
  return (
    <Box component="li" pl="sm" style={{ borderLeft: `3px solid ${TYPE_COLORS[cp.type]}` }} data-testid="search-hit">
      <Text component={Link} to={`/directory/parties/${iso2}#cp-${cp.id}`} fw={500} c="var(--mantine-color-anchor)">
        {cp.institution}
        {cp.unit ? ` — ${cp.unit}` : ""}
      </Text>
      <Group gap={6} mt={4}>
        <Badge size="sm" variant={cp.isPrimary ? "filled" : "outline"} radius="sm" tt="none">
          {cp.isPrimary ? t("directory.cp.primary") : t("directory.cp.secondary")}
        </Badge>
        <TypeBadge type={cp.type} />
        <OpenBadge open={hit.openNow} available247={cp.available247} />
        {cp.stale ? <StaleBadge /> : null}
        <Text size="xs" c="dimmed">
          {cp.languages.map((code) => languageName(code, locale)).join(", ")}
        </Text>
      </Group>
    </Box>
  );
}

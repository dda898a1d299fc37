import {
  Badge,
  Button,
  CloseButton,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  useMantineTheme,
  VisuallyHidden,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconBellRinging, IconSearch } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../../shared/auth";
import { CompletenessReport, type CompletenessRow, RemindResult } from "../../../../shared/directory";
import { foldCompact } from "../../../../shared/text";
import { api } from "../../../app/api";
import { errorMessage } from "../../../app/errors";
import { notifyError } from "../../../app/notify";
import { useActiveSession } from "../../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../../app/ui";
import { useApiQuery } from "../../../app/useApiQuery";
import { currentLocale } from "../../../i18n";
import type { TranslationKey } from "../../../i18n/keys";
import { fieldLabel, formatDate, formatDateTime, partyName } from "./values";

const SORTS = ["problems", "name", "stale", "oldest", "missing", "reminded"] as const;
type Sort = (typeof SORTS)[number];
const SORT_KEYS: Record<Sort, TranslationKey> = {
  problems: "directoryAdmin.completeness.sort.problems",
  name: "directoryAdmin.completeness.sort.name",
  stale: "directoryAdmin.completeness.sort.stale",
  oldest: "directoryAdmin.completeness.sort.oldest",
  missing: "directoryAdmin.completeness.sort.missing",
  reminded: "directoryAdmin.completeness.sort.reminded",
};

function problemCount(row: CompletenessRow): number {
  return row.staleCount + row.missing.length + row.expiringKeys.length + (row.contactPointCount === 0 ? 1 : 0);
}

/**
 * Missing fields grouped by name, labels in the UI language: "Phone numbers (2)" for contact
 * points, then one line for the legal profile's.
 */
function missingSummary(t: TFunction, row: CompletenessRow): string[] {
  const counts = new Map<string, number>();
  const legal: string[] = [];
  for (const m of row.missing) {
    if (m.field.startsWith("legalProfile.")) legal.push(fieldLabel(t, m.field.slice("legalProfile.".length)));
    else counts.set(m.field, (counts.get(m.field) ?? 0) + 1);
  }
  const lines = [...counts].map(([field, n]) => (n > 1 ? `${fieldLabel(t, field)} (${n})` : fieldLabel(t, field)));
  if (legal.length) lines.push(t("directoryAdmin.completeness.legalMissing", { fields: legal.join(", ") }));
  return lines;
}

/** Never-given timestamps sort as the oldest: they need attention first. */
function time(value: string | null): number {
  return value ? Date.parse(value) : Number.NEGATIVE_INFINITY;
}

function sortRows(rows: CompletenessRow[], sort: Sort, locale: Locale): CompletenessRow[] {
  const byName = (a: CompletenessRow, b: CompletenessRow) =>
    partyName(a.party, locale).localeCompare(partyName(b.party, locale), locale);
  const compare: Record<Sort, (a: CompletenessRow, b: CompletenessRow) => number> = {
    problems: (a, b) => problemCount(b) - problemCount(a),
    name: () => 0,
    stale: (a, b) => b.staleCount - a.staleCount,
    oldest: (a, b) => time(a.oldestConfirmation) - time(b.oldestConfirmation),
    missing: (a, b) => b.missing.length - a.missing.length,
    reminded: (a, b) => time(a.lastReminderAt) - time(b.lastReminderAt),
  };
  return [...rows].sort((a, b) => compare[sort](a, b) || byName(a, b));
}

function RemindButton({ row, onReminded }: { row: CompletenessRow; onReminded: (at: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const [busy, setBusy] = useState(false);
  const name = partyName(row.party, locale);
  const remind = async () => {
    setBusy(true);
    try {
      const result = await api.post(`/api/directory/parties/${row.party.iso2}/remind`, undefined, RemindResult);
      onReminded(result.remindedAt);
      notifications.show({
        color: "green",
        message: t("directoryAdmin.completeness.reminded", { party: name, count: result.recipients }),
      });
    } catch (e) {
      notifyError(t, t("directoryAdmin.completeness.remindFailed", { party: name }), errorMessage(t, e, i18n.language));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="compact-sm"
      variant="light"
      leftSection={<IconBellRinging size={14} aria-hidden />}
      loading={busy}
      onClick={() => void remind()}
      aria-label={t("directoryAdmin.completeness.remindParty", { party: name })}
    >
      {t("directoryAdmin.completeness.remind")}
    </Button>
  );
}

/** The cells shared by the table row and the phone card. */
function useCells(row: CompletenessRow) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const missing = missingSummary(t, row);
  return {
    stale:
      row.staleCount > 0 ? (
        <Badge color="orange" variant="light" radius="sm">
          {row.staleCount.toLocaleString(locale)}
        </Badge>
      ) : (
        <Text size="sm" c="dimmed">
          0
        </Text>
      ),
    oldest: row.oldestConfirmation ? (
      <Text size="sm">{formatDate(row.oldestConfirmation, locale)}</Text>
    ) : (
      <Text size="sm" c="dimmed">
        {t("directoryAdmin.completeness.never")}
      </Text>
    ),
    missing: missing.length ? (
      <Stack gap={2}>
        {missing.map((line) => (
          <Text key={line} size="sm">
            {line}
          </Text>
        ))}
      </Stack>
    ) : (
      <Text size="sm" c="dimmed">
        —
      </Text>
    ),
    keys: row.expiringKeys.length ? (
      <Stack gap={2}>
        {row.expiringKeys.map((k) => (
          <Text key={`${k.contactPointId}-${k.fingerprint}`} size="sm">
            <Text span ff="monospace" size="xs">
              …{k.fingerprint.slice(-8)}
            </Text>{" "}
            {t("directoryAdmin.completeness.keyExpires", { date: formatDate(k.expiresOn, locale) })}
          </Text>
        ))}
      </Stack>
    ) : (
      <Text size="sm" c="dimmed">
        —
      </Text>
    ),
    reminder: row.lastReminderAt ? (
      <Text size="sm">{formatDateTime(row.lastReminderAt, locale)}</Text>
    ) : (
      <Text size="sm" c="dimmed">
        {t("directoryAdmin.completeness.never")}
      </Text>
    ),
  };
}

function RowView({ row, wide, onReminded }: { row: CompletenessRow; wide: boolean; onReminded: (at: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const cells = useCells(row);
  const name = partyName(row.party, locale);
  if (wide) {
    return (
      <Table.Tr data-testid="completeness-row" data-iso={row.party.iso2}>
        <Table.Th scope="row" fw={500}>
          {name}{" "}
          <Text span c="dimmed" ff="monospace" size="xs">
            {row.party.iso2}
          </Text>
        </Table.Th>
        <Table.Td ta="right">{row.contactPointCount.toLocaleString(locale)}</Table.Td>
        <Table.Td>{cells.stale}</Table.Td>
        <Table.Td>{cells.oldest}</Table.Td>
        <Table.Td>{cells.missing}</Table.Td>
        <Table.Td>{cells.keys}</Table.Td>
        <Table.Td>{cells.reminder}</Table.Td>
        <Table.Td>
          <RemindButton row={row} onReminded={onReminded} />
        </Table.Td>
      </Table.Tr>
    );
  }
  const line = (label: string, value: ReactNode) => (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="xs" c="dimmed" w={130} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div style={{ minWidth: 0 }}>{value}</div>
    </Group>
  );
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid="completeness-row" data-iso={row.party.iso2}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={600}>{name}</Text>
          <RemindButton row={row} onReminded={onReminded} />
        </Group>
        {line(t("directoryAdmin.completeness.column.contactPoints"), <Text size="sm">{row.contactPointCount}</Text>)}
        {line(t("directoryAdmin.completeness.column.stale"), cells.stale)}
        {line(t("directoryAdmin.completeness.column.oldest"), cells.oldest)}
        {line(t("directoryAdmin.completeness.column.missing"), cells.missing)}
        {line(t("directoryAdmin.completeness.column.keys"), cells.keys)}
        {line(t("directoryAdmin.completeness.column.reminder"), cells.reminder)}
      </Stack>
    </Paper>
  );
}

/**
 * Freshness and completeness of every Party's entries, so the Secretariat sees who to chase:
 * stale confirmations, missing fields, keys about to expire, and when each was last reminded.
 */
export function CompletenessPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.md})`, true, { getInitialValueInEffect: false });
  const session = useActiveSession();
  const manage = session.permissions.includes("directory.manage");
  const [query, setQuery] = useState("");
  const [onlyProblems, setOnlyProblems] = useState(true);
  const [sort, setSort] = useState<Sort>("problems");
  // Reminders sent from this page, shown at once without reloading the whole report.
  const [reminded, setReminded] = useState<Record<string, string>>({});

  const report = useApiQuery("directory-completeness", (signal) =>
    manage ? api.get("/api/directory/completeness", CompletenessReport, signal) : Promise.resolve({ rows: [] }),
  );

  const rows = useMemo(() => {
    if (report.status !== "success") return [];
    const needle = foldCompact(query.trim());
    const withReminders = report.data.rows.map((row) =>
      reminded[row.party.iso2] ? { ...row, lastReminderAt: reminded[row.party.iso2] ?? null } : row,
    );
    const filtered = withReminders.filter(
      (row) =>
        (!onlyProblems || problemCount(row) > 0) &&
        (!needle ||
          foldCompact(row.party.nameEn).includes(needle) ||
          foldCompact(row.party.nameFr).includes(needle) ||
          row.party.iso2.toLowerCase() === needle),
    );
    return sortRows(filtered, sort, locale);
  }, [report.status, report.data, query, onlyProblems, sort, locale, reminded]);

  if (!manage) {
    return (
      <>
        <PageHeader title={t("directoryAdmin.completeness.title")} />
        <Text>{t("directoryAdmin.common.manageOnly")}</Text>
      </>
    );
  }

  const onReminded = (iso2: string) => (at: string) => setReminded((r) => ({ ...r, [iso2]: at }));
  const total = report.status === "success" ? report.data.rows.length : 0;
  const withProblems = report.status === "success" ? report.data.rows.filter((r) => problemCount(r) > 0).length : 0;

  return (
    <>
      <PageHeader
        title={t("directoryAdmin.completeness.title")}
        description={t("directoryAdmin.completeness.description")}
      />
      {report.status === "loading" ? <PageLoader label={t("directoryAdmin.completeness.loading")} /> : null}
      {report.status === "error" ? (
        <ErrorAlert error={report.error} title={t("directoryAdmin.completeness.loadFailed")} onRetry={report.retry} />
      ) : null}
      {report.status === "success" ? (
        <Stack gap="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t("directoryAdmin.completeness.filter")}
              placeholder={t("directoryAdmin.completeness.filterPlaceholder")}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              leftSection={<IconSearch size={16} aria-hidden />}
              rightSection={
                query ? (
                  <CloseButton size="sm" aria-label={t("directoryAdmin.common.clear")} onClick={() => setQuery("")} />
                ) : null
              }
              w={{ base: "100%", xs: 260 }}
              autoComplete="off"
            />
            <NativeSelect
              label={t("directoryAdmin.completeness.sortBy")}
              data={SORTS.map((value) => ({ value, label: t(SORT_KEYS[value]) }))}
              value={sort}
              onChange={(e) => setSort(e.currentTarget.value as Sort)}
              w={{ base: "100%", xs: 260 }}
            />
            <Switch
              label={t("directoryAdmin.completeness.onlyProblems")}
              checked={onlyProblems}
              onChange={(e) => setOnlyProblems(e.currentTarget.checked)}
              pb={6}
            />
          </Group>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t("directoryAdmin.completeness.summary", { count: withProblems, total })}{" "}
            {t("directoryAdmin.completeness.shown", { count: rows.length })}
          </Text>
          {rows.length === 0 ? (
            <Text c="dimmed">{t("directoryAdmin.completeness.noneShown")}</Text>
          ) : wide ? (
            <Table.ScrollContainer minWidth={900}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("directoryAdmin.completeness.column.party")}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("directoryAdmin.completeness.column.contactPoints")}
                    </Table.Th>
                    <Table.Th scope="col">{t("directoryAdmin.completeness.column.stale")}</Table.Th>
                    <Table.Th scope="col">{t("directoryAdmin.completeness.column.oldest")}</Table.Th>
                    <Table.Th scope="col">{t("directoryAdmin.completeness.column.missing")}</Table.Th>
                    <Table.Th scope="col">{t("directoryAdmin.completeness.column.keys")}</Table.Th>
                    <Table.Th scope="col">{t("directoryAdmin.completeness.column.reminder")}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t("directoryAdmin.completeness.column.actions")}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <RowView key={row.party.id} row={row} wide onReminded={onReminded(row.party.iso2)} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {rows.map((row) => (
                <RowView key={row.party.id} row={row} wide={false} onReminded={onReminded(row.party.iso2)} />
              ))}
            </Stack>
          )}
        </Stack>
      ) : null}
    </>
  );
}

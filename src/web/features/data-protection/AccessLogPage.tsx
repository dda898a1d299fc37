import { Badge, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import type { AccessKind } from "../../../shared/access-log";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import type { TranslationKey } from "../../i18n/keys";
import { ACCESS_REASON_KEYS } from "../requests/labels";
import { formatMoment } from "../requests/time";
import { dataProtectionApi } from "./dataProtectionApi";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const BY = ["all", "other", "own"] as const;

const KIND_KEYS: Record<AccessKind, TranslationKey> = {
  read: "dataProtection.accessLog.kind.read",
  exported: "dataProtection.accessLog.kind.exported",
  attachment_downloaded: "dataProtection.accessLog.kind.attachment_downloaded",
  onward_transfers_read: "dataProtection.accessLog.kind.onward_transfers_read",
  release_exported: "dataProtection.accessLog.kind.release_exported",
  purpose_given: "dataProtection.accessLog.kind.purpose_given",
  copy_produced: "dataProtection.accessLog.kind.copy_produced",
};

/**
 * /data-protection/access-log: a Party admin's record of who opened, printed or downloaded her
 * Party's requests (its own users and the other Party's), and which releases its users exported;
 * with the period's counts as the Party's data-protection report (SAP Art. 14(8)).
 */
export function AccessLogPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const session = useActiveSession();
  const [params, setParams] = useSearchParams();
  const day = (name: string) => {
    const v = params.get(name);
    return v && ISO_DAY.test(v) ? v : undefined;
  };
  const byParam = params.get("by");
  const by = (BY as readonly string[]).includes(byParam ?? "") ? (byParam as (typeof BY)[number]) : "all";
  const q = { from: day("from"), to: day("to"), by };
  const query = useApiQuery(JSON.stringify(q), (signal) => dataProtectionApi.accessLog(q, signal));
  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const zone = session.user.timeZone;

  return (
    <>
      <PageHeader title={t("dataProtection.accessLog.title")} description={t("dataProtection.accessLog.help")} />
      <Stack gap="md" maw={1100}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label={t("dataProtection.accessLog.by.label")}
            value={by}
            onChange={(v) => set("by", v === "all" ? null : v)}
            data={BY.map((b) => ({ value: b, label: t(`dataProtection.accessLog.by.${b}` as TranslationKey) }))}
          />
          <TextInput
            type="date"
            label={t("dataProtection.accessLog.from")}
            value={q.from ?? ""}
            onChange={(e) => set("from", ISO_DAY.test(e.currentTarget.value) ? e.currentTarget.value : null)}
          />
          <TextInput
            type="date"
            label={t("dataProtection.accessLog.to")}
            value={q.to ?? ""}
            onChange={(e) => set("to", ISO_DAY.test(e.currentTarget.value) ? e.currentTarget.value : null)}
          />
        </Group>
        {query.status === "loading" ? <PageLoader label={t("dataProtection.accessLog.loading")} /> : null}
        {query.status === "error" ? <ErrorAlert error={query.error} onRetry={query.retry} /> : null}
        {query.status === "success" ? (
          <>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="access-summary">
              {(
                [
                  ["reads", query.data.summary.reads],
                  ["exports", query.data.summary.exports],
                  ["downloads", query.data.summary.downloads],
                  ["byOtherParty", query.data.summary.byOtherParty],
                ] as const
              ).map(([key, value]) => (
                <Paper key={key} withBorder radius="md" p="sm">
                  <Text size="xs" c="dimmed">
                    {t(`dataProtection.accessLog.summary.${key}` as TranslationKey)}
                  </Text>
                  <Text fw={700} size="xl" data-testid={`summary-${key}`}>
                    {value}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
            {query.data.entries.length === 0 ? (
              <Text c="dimmed" data-testid="access-log-empty">
                {t("dataProtection.accessLog.empty")}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table striped data-testid="access-log">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("dataProtection.accessLog.col.when")}</Table.Th>
                      <Table.Th>{t("dataProtection.accessLog.col.who")}</Table.Th>
                      <Table.Th>{t("dataProtection.accessLog.col.what")}</Table.Th>
                      <Table.Th>{t("dataProtection.accessLog.col.target")}</Table.Th>
                      <Table.Th>{t("dataProtection.accessLog.col.why")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {query.data.entries.map((e) => (
                      <Table.Tr key={e.id} data-testid="access-entry" data-kind={e.kind}>
                        <Table.Td>
                          <time dateTime={e.at}>{formatMoment(e.at, locale, zone)}</time>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Text size="sm">{e.who ?? "—"}</Text>
                            {e.party ? (
                              <Badge
                                size="sm"
                                variant={e.party === query.data.party ? "light" : "filled"}
                                color={e.party === query.data.party ? "gray" : "blue"}
                              >
                                {e.party}
                              </Badge>
                            ) : null}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          {t(KIND_KEYS[e.kind])}
                          {e.format ? ` (${e.format.toUpperCase()})` : ""}
                        </Table.Td>
                        <Table.Td>{e.target ?? "—"}</Table.Td>
                        <Table.Td data-testid="access-why">
                          {[e.reason ? t(ACCESS_REASON_KEYS[e.reason]) : null, e.purpose].filter(Boolean).join(" — ") ||
                            "—"}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {query.data.total > query.data.entries.length ? (
              <Text size="sm" c="dimmed">
                {t("dataProtection.accessLog.more", { shown: query.data.entries.length, total: query.data.total })}
              </Text>
            ) : null}
          </>
        ) : null}
      </Stack>
    </>
  );
}

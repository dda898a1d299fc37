import { Button, NumberInput, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconArchive } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  RetentionPeriod,
  RetentionPeriods,
  type RetentionRule,
} from "../../../shared/retention";
import { api } from "../../app/api";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { TYPE_SHORT_KEYS } from "../requests/labels";

/** Who sees the panel (the Secretariat and Party admins) and who may change the periods (the Secretariat). */
export const RETENTION_PERMISSION = "retention.read";
export const RETENTION_MANAGE_PERMISSION = "retention.manage";

const PATH = "/api/admin/retention";

const valid = (n: number | string) =>
  typeof n === "number" && Number.isInteger(n) && n >= RETENTION_MIN_DAYS && n <= RETENTION_MAX_DAYS;

function moment(value: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
}

/** One request type: its two periods, editable by the Secretariat. */
function PeriodRow({
  period,
  editable,
  onSaved,
}: {
  period: RetentionPeriod;
  editable: boolean;
  onSaved: (p: RetentionPeriod) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [final, setFinal] = useState<number | string>(period.daysAfterFinal);
  const [open, setOpen] = useState<number | string>(period.daysIfOpen);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    setFinal(period.daysAfterFinal);
    setOpen(period.daysIfOpen);
  }, [period.daysAfterFinal, period.daysIfOpen]);
  const changed = final !== period.daysAfterFinal || open !== period.daysIfOpen;
  const range = t("retention.range", { min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS });
  const label = t(TYPE_SHORT_KEYS[period.type]);

  const save = async () => {
    if (!valid(final) || !valid(open)) return;
    setBusy(true);
    setFailure(null);
    try {
      const body: RetentionRule = { daysAfterFinal: Number(final), daysIfOpen: Number(open) };
      onSaved(await api.put(`${PATH}/${period.type}`, body, RetentionPeriod));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const days = (value: number | string, set: (v: number | string) => void, field: string, def: number) =>
    editable ? (
      <NumberInput
        aria-label={`${label}: ${t(field === "final" ? "retention.afterEnd" : "retention.ifOpen")}`}
        value={value}
        onChange={set}
        min={RETENTION_MIN_DAYS}
        max={RETENTION_MAX_DAYS}
        allowDecimal={false}
        allowNegative={false}
        w={110}
        size="sm"
        error={valid(value) ? undefined : range}
        data-testid={`retention-${period.type}-${field}`}
      />
    ) : (
      <Text size="sm" data-testid={`retention-${period.type}-${field}`}>
        {t("retention.days", { count: Number(value) })}
        {Number(value) !== def ? (
          <Text span size="xs" c="dimmed">
            {" "}
            ({t("retention.default", { count: def })})
          </Text>
        ) : null}
      </Text>
    );

  return (
    <Table.Tr data-testid="retention-row" data-type={period.type}>
      <Table.Th scope="row" fw={500}>
        <Text size="sm">{label}</Text>
        {period.updatedAt ? (
          <Text size="xs" c="dimmed">
            {t("retention.changed", { date: moment(period.updatedAt, locale), who: period.updatedBy ?? "—" })}
          </Text>
        ) : null}
      </Table.Th>
      <Table.Td>{days(final, setFinal, "final", period.defaults.daysAfterFinal)}</Table.Td>
      <Table.Td>{days(open, setOpen, "open", period.defaults.daysIfOpen)}</Table.Td>
      {editable ? (
        <Table.Td>
          <Stack gap={4}>
            <Button
              size="xs"
              variant="light"
              disabled={!changed || !valid(final) || !valid(open)}
              loading={busy}
              onClick={() => void save()}
              data-testid={`retention-${period.type}-save`}
            >
              {t("retention.save")}
            </Button>
            {failure ? <ErrorAlert error={failure} title={t("retention.saveFailed")} /> : null}
          </Stack>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

/**
 * How long the content of each request type is kept before the daily purge removes it (the
 * Secretariat sets it for the Network; Party admins see it), and what the last purge did.
 */
export function RetentionPanel() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const session = useActiveSession();
  const editable = session.permissions.includes(RETENTION_MANAGE_PERMISSION);
  const query = useApiQuery("retention", (signal) => api.get(PATH, RetentionPeriods, signal));
  const [data, setData] = useState<RetentionPeriods | null>(null);
  useEffect(() => {
    if (query.status === "success") setData(query.data);
  }, [query.status, query.data]);

  const saved = (p: RetentionPeriod) =>
    setData((d) => (d ? { ...d, periods: d.periods.map((x) => (x.type === p.type ? p : x)) } : d));

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "lg" }}
      component="section"
      aria-labelledby="retention-title"
      data-testid="retention"
    >
      <Stack gap="md">
        <Title order={2} size="h3" id="retention-title">
          <IconArchive size={22} aria-hidden style={{ verticalAlign: "-3px", marginInlineEnd: 8 }} />
          {t("retention.title")}
        </Title>
        <Text size="sm">{t("retention.intro")}</Text>
        <Text size="sm" c="dimmed">
          {t("retention.kept")}
        </Text>
        {data ? (
          <>
            <Text size="sm" data-testid="retention-last-run">
              {data.lastRun
                ? t("retention.lastRun", {
                    date: moment(data.lastRun.at, locale),
                    purged: data.lastRun.purged,
                    drafts: data.lastRun.draftsDeleted,
                  })
                : t("retention.neverRun")}
            </Text>
            <Table.ScrollContainer minWidth={520}>
              <Table verticalSpacing="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("retention.type")}</Table.Th>
                    <Table.Th>{t("retention.afterEnd")}</Table.Th>
                    <Table.Th>{t("retention.ifOpen")}</Table.Th>
                    {editable ? <Table.Th>{t("retention.actions")}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.periods.map((p) => (
                    <PeriodRow key={p.type} period={p} editable={editable} onSaved={saved} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {!editable ? (
              <Text size="xs" c="dimmed">
                {t("retention.secretariatOnly")}
              </Text>
            ) : null}
          </>
        ) : query.status === "error" ? (
          <ErrorAlert error={query.error} title={t("retention.loadFailed")} onRetry={query.retry} />
        ) : (
          <PageLoader label={t("retention.loading")} />
        )}
      </Stack>
    </Paper>
  );
}

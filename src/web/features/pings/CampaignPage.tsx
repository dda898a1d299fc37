import { BarChart } from "@mantine/charts";
import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { PingPhoneAnswerInput, type PingReport, type PingReportContactPoint } from "../../../shared/pings";
import { DownloadLink } from "../../app/DownloadLink";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { currentLocale } from "../../i18n";
import { type FieldErrors, schemaErrors } from "../directory/issues";
import { formatDuration, formatMoment } from "../requests/time";
import { useLiveQuery } from "../requests/useLiveQuery";
import { PING_MESSAGES, rowLabel, rowLine, STATUS_COLORS, STATUS_KEYS } from "./labels";
import { pingsApi } from "./pingsApi";

/** /pings/:id: a ping test's live counters, its report in the source document's form, chart and exports. */
export function CampaignPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const zone = useActiveSession().user.timeZone;
  const { id = "" } = useParams();
  // Reloaded when a message is handed over or an answer comes in (the "ping" events).
  const query = useLiveQuery(`ping-${id}`, (signal) => pingsApi.report(id, signal), 30_000, ["ping"]);
  const [closing, setClosing] = useState(false);
  const [closeError, setCloseError] = useState<unknown>(null);
  const report = query.data;

  if (query.loading) return <PageLoader label={t("pingTests.campaign.loading")} />;
  if (!report)
    return <ErrorAlert error={query.error} title={t("pingTests.campaign.loadFailed")} onRetry={query.refresh} />;
  const c = report.campaign;

  const close = async () => {
    if (!window.confirm(t("pingTests.campaign.closeConfirm"))) return;
    setClosing(true);
    setCloseError(null);
    try {
      await pingsApi.close(c.id);
      query.refresh();
    } catch (e) {
      setCloseError(e);
    } finally {
      setClosing(false);
    }
  };

  return (
    <>
      <PageHeader
        title={c.title}
        description={
          c.firedAt
            ? t("pingTests.campaign.sentAt", { at: formatMoment(c.firedAt, locale, zone) })
            : c.mode === "window" && c.windowFrom && c.windowTo
              ? t("pingTests.campaign.scheduledWindow", {
                  from: formatMoment(c.windowFrom, locale, zone),
                  to: formatMoment(c.windowTo, locale, zone),
                })
              : c.scheduledAt
                ? t("pingTests.campaign.scheduledAt", { at: formatMoment(c.scheduledAt, locale, zone) })
                : null
        }
      >
        <Group gap="xs">
          <Badge color={STATUS_COLORS[c.status]} variant="light" size="lg" data-testid="ping-status">
            {t(STATUS_KEYS[c.status])}
          </Badge>
          {c.status !== "closed" ? (
            <Button variant="default" onClick={close} loading={closing}>
              {t("pingTests.campaign.close")}
            </Button>
          ) : null}
        </Group>
      </PageHeader>
      {closeError ? <ErrorAlert error={closeError} /> : null}
      {query.error ? <ErrorAlert error={query.error} onRetry={query.refresh} /> : null}
      <Counters report={report} />
      {c.firedAt ? <Report report={report} onChanged={query.refresh} /> : null}
    </>
  );
}

function Counters({ report }: { report: PingReport }) {
  const { t } = useTranslation();
  const p = report.campaign.progress;
  const items = [
    ["sent", p.sent],
    ["delivered", p.delivered],
    ["failed", p.failed],
    ["acknowledged", `${p.acknowledgedContactPoints} / ${p.contactPoints}`],
    ["parties", `${p.acknowledgedParties} / ${p.parties}`],
  ] as const;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      mb="lg"
      aria-label={t("pingTests.campaign.counters.label")}
      component="section"
    >
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {items.map(([name, value]) => (
          <Stack key={name} gap={0}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t(`pingTests.campaign.counters.${name}`)}
            </Text>
            <Text size="xl" fw={700} data-testid={`ping-counter-${name}`} aria-live="polite">
              {value}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {report.campaign.status === "running" ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t("pingTests.campaign.live")}
        </Text>
      ) : null}
    </Paper>
  );
}

function Report({ report, onChanged }: { report: PingReport; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const [view, setView] = useState<"parties" | "contactPoints">("parties");
  const [phoneFor, setPhoneFor] = useState<PingReportContactPoint | null>(null);
  const table = view === "parties" ? report.parties : report.contactPoints;
  const noun = t(view === "parties" ? "pingTests.report.nounParties" : "pingTests.report.nounContactPoints");
  const chart = table.rows.map((r) => ({ row: rowLabel(t, r.minutes), count: r.count }));
  const name = (p: { nameEn: string; nameFr: string }) => (locale === "fr" ? p.nameFr : p.nameEn);
  const running = report.campaign.status === "running";

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md" component="section">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} size="h3">
            {t("pingTests.report.title")}
          </Title>
          <Group gap="xs">
            <DownloadLink
              href={pingsApi.exportUrl(report.campaign.id, "csv", i18n.language)}
              variant="default"
              size="xs"
            >
              {t("pingTests.report.exportCsv")}
            </DownloadLink>
            <DownloadLink
              href={pingsApi.exportUrl(report.campaign.id, "pdf", i18n.language)}
              variant="default"
              size="xs"
            >
              {t("pingTests.report.exportPdf")}
            </DownloadLink>
          </Group>
        </Group>
        <SegmentedControl
          aria-label={t("pingTests.report.view")}
          value={view}
          onChange={(v) => setView(v as typeof view)}
          data={[
            { value: "parties", label: t("pingTests.report.viewParties") },
            { value: "contactPoints", label: t("pingTests.report.viewContactPoints") },
          ]}
          mb="sm"
        />
        {view === "parties" ? (
          <Text size="sm" c="dimmed" mb="xs">
            {t("pingTests.report.partiesHelp")}
          </Text>
        ) : null}
        <List listStyleType="none" spacing={2} data-testid="ping-report-table">
          {table.rows.map((r, i) => (
            <List.Item key={r.minutes} data-testid="ping-report-row">
              {rowLine(t, r, i, noun)}
            </List.Item>
          ))}
          {table.later > 0 ? <List.Item>{t("pingTests.report.later", { count: table.later })}</List.Item> : null}
          <List.Item>{t("pingTests.report.unanswered", { count: table.unanswered })}</List.Item>
        </List>
        <div data-testid="ping-report-chart" role="img" aria-label={t("pingTests.report.chartLabel")}>
          <BarChart
            h={280}
            mt="md"
            data={chart}
            dataKey="row"
            series={[{ name: "count", label: t("pingTests.report.series"), color: "blue.6" }]}
            withBarValueLabel
            yAxisProps={{ domain: [0, table.total] }}
          />
        </div>
      </Paper>

      <Paper withBorder radius="md" p="md" component="section">
        <Title order={2} size="h4" mb="xs">
          {t("pingTests.report.nonResponders")}
        </Title>
        {report.nonResponders.length === 0 ? (
          <Text>{t("pingTests.report.allAnswered")}</Text>
        ) : (
          <Group gap="xs" data-testid="ping-non-responders">
            {report.nonResponders.map((p) => (
              <Anchor key={p.party} component={Link} to={`/pings/parties/${p.party}`} size="sm">
                {name(p)}
              </Anchor>
            ))}
          </Group>
        )}
      </Paper>

      <Paper withBorder radius="md" component="section">
        <Title order={2} size="h4" p="md" pb={0}>
          {t("pingTests.report.details")}
        </Title>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" data-testid="ping-contact-points">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("pingTests.report.columns.party")}</Table.Th>
                <Table.Th>{t("pingTests.report.columns.contactPoint")}</Table.Th>
                <Table.Th>{t("pingTests.report.columns.arrival")}</Table.Th>
                <Table.Th>{t("pingTests.report.columns.response")}</Table.Th>
                <Table.Th>{t("pingTests.report.columns.via")}</Table.Th>
                <Table.Th>{t("pingTests.report.columns.by")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.contactPointResults.map((c) => (
                <Table.Tr key={c.targetId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/pings/parties/${c.party}`} size="sm">
                      {locale === "fr" ? c.partyNameFr : c.partyNameEn}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.institution}</Table.Td>
                  <Table.Td>{c.localArrival ? `${c.localArrival} (${c.timeZone})` : "—"}</Table.Td>
                  <Table.Td>
                    {c.responseSeconds === null
                      ? t("pingTests.report.noAnswer")
                      : formatDuration(t, c.responseSeconds / 60)}
                  </Table.Td>
                  <Table.Td>
                    {c.via ? (
                      t(`pingTests.report.via.${c.via}`)
                    ) : running ? (
                      <Button size="compact-xs" variant="light" onClick={() => setPhoneFor(c)}>
                        {t("pingTests.report.recordPhone")}
                      </Button>
                    ) : (
                      "—"
                    )}
                  </Table.Td>
                  <Table.Td>{c.answeredBy ?? ""}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {phoneFor ? (
        <PhoneAnswerModal
          campaignId={report.campaign.id}
          target={phoneFor}
          onClose={() => setPhoneFor(null)}
          onRecorded={() => {
            setPhoneFor(null);
            onChanged();
          }}
        />
      ) : null}
    </Stack>
  );
}

/** "2026-11-21T04:10" now, on this device's clock: the default time of a phone answer. */
function localNow(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function PhoneAnswerModal({
  campaignId,
  target,
  onClose,
  onRecorded,
}: {
  campaignId: string;
  target: PingReportContactPoint;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const [at, setAt] = useState(localNow());
  const [name, setName] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const date = new Date(at);
    const parsed = PingPhoneAnswerInput.safeParse({
      targetId: target.targetId,
      at: Number.isNaN(date.getTime()) ? at : date.toISOString(),
      name,
      note,
    });
    if (!parsed.success) {
      setErrors(schemaErrors(t, parsed.error, PING_MESSAGES));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await pingsApi.recordPhone(campaignId, parsed.data);
      onRecorded();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`${t("pingTests.phone.title")}: ${target.institution}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {failure ? <ErrorAlert error={failure} title={t("pingTests.phone.failed")} /> : null}
          <TextInput
            type="datetime-local"
            label={t("pingTests.phone.at")}
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
            error={errors.at}
            required
          />
          <TextInput
            label={t("pingTests.phone.name")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
          />
          <Textarea
            label={t("pingTests.phone.note")}
            description={t("pingTests.phone.noteHelp")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("pingTests.phone.cancel")}
            </Button>
            <Button type="submit" loading={busy}>
              {t("pingTests.phone.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, Textarea } from "@mantine/core";
import { IconPlayerPause } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LiftInput, SuspendInput, type Suspension } from "../../../shared/transfers";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { useSchemaForm } from "../../app/useSchemaForm";
import { currentLocale } from "../../i18n";
import { schemaErrors } from "../directory/issues";
import { formatMoment } from "../requests/time";
import { useParties } from "../requests/useParties";
import { dataProtectionApi } from "./dataProtectionApi";
import { DATA_PROTECTION_MESSAGES } from "./issues";

/**
 * /data-protection/suspensions: the suspensions of transfers (Art. 14(15)) that involve the
 * reader's Party (all, for the Secretariat); its admin suspends and lifts them.
 */
export function SuspensionsPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const [history, setHistory] = useState(false);
  const [version, setVersion] = useState(0);
  const [adding, setAdding] = useState(false);
  const query = useApiQuery(`suspensions-${history}-${version}`, (signal) =>
    dataProtectionApi.suspensions(history, signal),
  );
  const secretariat = session.user.role === "secretariat";
  const reload = () => setVersion((v) => v + 1);

  return (
    <>
      <PageHeader title={t("dataProtection.suspensions.title")} description={t("dataProtection.suspensions.help")}>
        {query.status === "success" && query.data.canManage && !adding ? (
          <Button leftSection={<IconPlayerPause size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t("dataProtection.suspensions.new")}
          </Button>
        ) : null}
      </PageHeader>
      <Stack gap="md" maw={900}>
        {adding ? (
          <SuspendForm
            fixedFrom={secretariat ? null : (session.user.party?.iso2 ?? null)}
            onCancel={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
              reload();
            }}
          />
        ) : null}
        <Switch
          label={t("dataProtection.suspensions.showHistory")}
          checked={history}
          onChange={(e) => setHistory(e.currentTarget.checked)}
        />
        {query.status === "loading" ? <PageLoader label={t("dataProtection.suspensions.loading")} /> : null}
        {query.status === "error" ? (
          <ErrorAlert error={query.error} title={t("dataProtection.suspensions.loadFailed")} onRetry={query.retry} />
        ) : null}
        {query.status === "success" && query.data.items.length === 0 ? (
          <Text c="dimmed">
            {t(secretariat ? "dataProtection.suspensions.emptyAll" : "dataProtection.suspensions.empty")}
          </Text>
        ) : null}
        {query.status === "success"
          ? query.data.items.map((s) => (
              <SuspensionCard
                key={s.id}
                suspension={s}
                mayLift={query.data.canManage && (secretariat || s.from.iso2 === session.user.party?.iso2)}
                onLifted={reload}
              />
            ))
          : null}
      </Stack>
    </>
  );
}

function SuspensionCard({
  suspension: s,
  mayLift,
  onLifted,
}: {
  suspension: Suspension;
  mayLift: boolean;
  onLifted: () => void;
}) {
  const { t } = useTranslation();
  const session = useActiveSession();
  const locale = currentLocale();
  const at = (iso: string) => formatMoment(iso, locale, session.user.timeZone);
  const name = (p: Suspension["from"]) => (locale === "fr" ? p.nameFr : p.nameEn);
  const [lifting, setLifting] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const lift = async () => {
    setFailure(null);
    const parsed = LiftInput.safeParse({ reason });
    if (!parsed.success) {
      setError(schemaErrors(t, parsed.error, DATA_PROTECTION_MESSAGES).reason);
      return;
    }
    setBusy(true);
    try {
      await dataProtectionApi.lift(s.id, parsed.data);
      onLifted();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="suspension" data-from={s.from.iso2} data-to={s.to.iso2}>
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>{t("dataProtection.suspensions.line", { from: name(s.from), to: name(s.to) })}</Text>
          <Badge color={s.liftedAt ? "gray" : "orange"} variant="light">
            {t(s.liftedAt ? "dataProtection.suspensions.liftedBadge" : "dataProtection.suspensions.inForce")}
          </Badge>
        </Group>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {s.reason}
        </Text>
        <Text size="xs" c="dimmed">
          {t("dataProtection.suspensions.since", { date: at(s.suspendedAt), name: s.suspendedBy })}
        </Text>
        {s.liftedAt ? (
          <Text size="xs" c="dimmed">
            {t("dataProtection.suspensions.lifted", {
              date: at(s.liftedAt),
              name: s.liftedBy ?? "—",
              reason: s.liftReason ?? "",
            })}
          </Text>
        ) : null}
        {!s.liftedAt && mayLift && !lifting ? (
          <Group justify="flex-end">
            <Button variant="light" onClick={() => setLifting(true)}>
              {t("dataProtection.suspensions.lift")}
            </Button>
          </Group>
        ) : null}
        {lifting ? (
          <Stack gap="xs">
            <Textarea
              label={t("dataProtection.suspensions.liftReason")}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={error}
              autosize
              minRows={2}
              required
            />
            {failure ? <ErrorAlert error={failure} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setLifting(false)}>
                {t("dataProtection.suspensions.cancel")}
              </Button>
              <Button onClick={lift} loading={busy}>
                {t("dataProtection.suspensions.liftSubmit")}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** A Party admin suspends its own Party's transfers (`fixedFrom`); the Secretariat chooses both Parties. */
function SuspendForm({
  fixedFrom,
  onCancel,
  onDone,
}: {
  fixedFrom: string | null;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const parties = useParties();
  const [from, setFrom] = useState<string | null>(fixedFrom);
  const [to, setTo] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  // No summary: every error sits beside its field.
  const form = useSchemaForm({
    schema: SuspendInput,
    messages: DATA_PROTECTION_MESSAGES,
    fields: ["fromParty", "toParty", "reason"],
  });
  const { errors, failure, busy } = form;

  const submit = form.handleSubmit(
    () => ({ fromParty: from ?? "", toParty: to ?? "", reason }),
    async (data) => {
      await dataProtectionApi.suspend(data);
      onDone();
    },
  );

  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={submit} noValidate data-testid="suspend-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("dataProtection.suspensions.fromParty")}
              data={parties.options}
              filter={parties.filter}
              value={from}
              onChange={setFrom}
              searchable
              disabled={fixedFrom !== null}
              error={errors.fromParty}
              required
            />
            <Select
              label={t("dataProtection.suspensions.toParty")}
              data={parties.options.filter((o) => o.value !== from)}
              filter={parties.filter}
              value={to}
              onChange={setTo}
              searchable
              error={errors.toParty}
              required
              name="toParty"
            />
          </SimpleGrid>
          <Textarea
            label={t("dataProtection.suspensions.reason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            autosize
            minRows={2}
            required
            name="reason"
          />
          {failure ? <ErrorAlert error={failure} /> : null}
          {parties.error ? <ErrorAlert error={parties.error} onRetry={parties.retry} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t("dataProtection.suspensions.cancel")}
            </Button>
            <Button type="submit" loading={busy}>
              {t("dataProtection.suspensions.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

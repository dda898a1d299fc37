import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RequestDetail } from "../../../../shared/requests";
import {
  type OnwardTransfer,
  OnwardTransferAsk,
  OnwardTransferDecision,
  type OnwardTransferList,
} from "../../../../shared/transfers";
import { ErrorAlert } from "../../../app/ui";
import { useApiQuery } from "../../../app/useApiQuery";
import { currentLocale } from "../../../i18n";
import { dataProtectionApi } from "../../data-protection/dataProtectionApi";
import { DATA_PROTECTION_MESSAGES } from "../../data-protection/issues";
import { ONWARD_STATUS_KEYS } from "../../data-protection/labels";
import { type FieldErrors, schemaErrors } from "../../directory/issues";
import { formatMoment } from "../time";
import { useParties } from "../useParties";

const STATUS_COLOURS = { pending: "yellow", authorised: "green", refused: "red" } as const;

/**
 * Art. 14(10): the requested Party asks the sender before its data go on to a third State or an
 * international organisation; the sender authorises or refuses. Each ask and answer is on the timeline.
 */
export function OnwardTransfersPanel({
  detail,
  viewerZone,
  onChanged,
}: {
  detail: RequestDetail;
  viewerZone: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  // The timeline's length changes with every ask and answer, from either side: load again then.
  const query = useApiQuery(`onward-${detail.id}-${detail.timeline.length}-${version}`, (signal) =>
    dataProtectionApi.onwardTransfers(detail.id, signal),
  );
  const [asking, setAsking] = useState(false);
  if (query.status === "loading") return null;
  if (query.status === "error") return <ErrorAlert error={query.error} onRetry={query.retry} />;
  const list: OnwardTransferList = query.data;
  if (list.items.length === 0 && !list.canAsk) return null;
  const changed = () => {
    setVersion((v) => v + 1);
    onChanged();
  };

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p="md"
      aria-labelledby="onward-title"
      data-testid="onward-transfers"
    >
      <Stack gap="sm">
        <Title order={2} size="h5" id="onward-title">
          {t("dataProtection.onward.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t(list.canAsk ? "dataProtection.onward.helpRequested" : "dataProtection.onward.helpSender")}
        </Text>
        {list.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("dataProtection.onward.empty")}
          </Text>
        ) : null}
        {list.items.map((item) => (
          <OnwardItem
            key={item.id}
            item={item}
            requestId={detail.id}
            canDecide={list.canDecide}
            viewerZone={viewerZone}
            onDecided={changed}
          />
        ))}
        {list.canAsk && !asking ? (
          <Group>
            <Button variant="light" onClick={() => setAsking(true)}>
              {t("dataProtection.onward.ask")}
            </Button>
          </Group>
        ) : null}
        {asking ? (
          <AskForm
            detail={detail}
            onCancel={() => setAsking(false)}
            onDone={() => {
              setAsking(false);
              changed();
            }}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

function OnwardItem({
  item,
  requestId,
  canDecide,
  viewerZone,
  onDecided,
}: {
  item: OnwardTransfer;
  requestId: string;
  canDecide: boolean;
  viewerZone: string;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const at = (iso: string) => formatMoment(iso, locale, viewerZone);
  const [deciding, setDeciding] = useState<"authorised" | "refused" | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const recipient = item.recipientName ?? item.recipientState ?? "";

  const decide = async () => {
    if (!deciding) return;
    setFailure(null);
    const parsed = OnwardTransferDecision.safeParse(
      deciding === "authorised" ? { decision: deciding, conditions: note } : { decision: deciding, reason: note },
    );
    if (!parsed.success) {
      const found = schemaErrors(t, parsed.error, DATA_PROTECTION_MESSAGES);
      setError(found.reason ?? found.conditions);
      return;
    }
    setBusy(true);
    try {
      await dataProtectionApi.decideOnward(requestId, item.id, parsed.data);
      onDecided();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={4} data-testid="onward-transfer" data-status={item.status}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {recipient}
          {item.recipientState && item.recipientName ? ` (${item.recipientState})` : ""}
        </Text>
        <Badge color={STATUS_COLOURS[item.status]} variant="light">
          {t(ONWARD_STATUS_KEYS[item.status])}
        </Badge>
      </Group>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {item.purpose}
      </Text>
      <Text size="xs" c="dimmed">
        {t("dataProtection.onward.asked", { name: item.askedBy, date: at(item.askedAt) })}
      </Text>
      {item.decidedAt ? (
        <Text size="xs" c="dimmed">
          {t(ONWARD_STATUS_KEYS[item.status])} —{" "}
          {t("dataProtection.onward.decided", { name: item.decidedBy ?? "—", date: at(item.decidedAt) })}
          {item.decisionNote ? `: ${item.decisionNote}` : ""}
        </Text>
      ) : null}
      {item.status === "pending" && canDecide && !deciding ? (
        <Group gap="xs">
          <Button size="xs" color="green" variant="light" onClick={() => setDeciding("authorised")}>
            {t("dataProtection.onward.authorise")}
          </Button>
          <Button size="xs" color="red" variant="light" onClick={() => setDeciding("refused")}>
            {t("dataProtection.onward.refuse")}
          </Button>
        </Group>
      ) : null}
      {deciding ? (
        <Stack gap="xs">
          <Textarea
            label={t(deciding === "authorised" ? "dataProtection.onward.conditions" : "dataProtection.onward.reason")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={error}
            required={deciding === "refused"}
            autosize
            minRows={2}
          />
          {failure ? <ErrorAlert error={failure} /> : null}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setDeciding(null)}>
              {t("dataProtection.onward.cancel")}
            </Button>
            <Button size="xs" color={deciding === "authorised" ? "green" : "red"} onClick={decide} loading={busy}>
              {t(
                deciding === "authorised"
                  ? "dataProtection.onward.confirmAuthorise"
                  : "dataProtection.onward.confirmRefuse",
              )}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}

function AskForm({ detail, onCancel, onDone }: { detail: RequestDetail; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const parties = useParties();
  const [kind, setKind] = useState<"state" | "organisation">("state");
  const [state, setState] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [purpose, setPurpose] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A third State: neither of the request's two Parties.
  const own = [detail.from.iso2, detail.to?.iso2];

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const parsed = OnwardTransferAsk.safeParse(
      kind === "state"
        ? { recipientKind: kind, recipientState: state ?? undefined, purpose }
        : { recipientKind: kind, recipientName: name, purpose },
    );
    if (!parsed.success) {
      setErrors(schemaErrors(t, parsed.error, DATA_PROTECTION_MESSAGES));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await dataProtectionApi.askOnward(detail.id, parsed.data);
      onDone();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="onward-ask-form">
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("dataProtection.onward.recipientKind")}
          </Text>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as typeof kind)}
            data={[
              { value: "state", label: t("dataProtection.onward.state") },
              { value: "organisation", label: t("dataProtection.onward.organisation") },
            ]}
          />
        </Stack>
        {kind === "state" ? (
          <Select
            label={t("dataProtection.onward.recipientState")}
            data={parties.options.filter((o) => !own.includes(o.value))}
            filter={parties.filter}
            value={state}
            onChange={setState}
            searchable
            error={errors.recipientState}
            required
          />
        ) : (
          <TextInput
            label={t("dataProtection.onward.recipientName")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.recipientName}
            required
          />
        )}
        <Textarea
          label={t("dataProtection.onward.purpose")}
          value={purpose}
          onChange={(e) => setPurpose(e.currentTarget.value)}
          error={errors.purpose}
          autosize
          minRows={2}
          required
        />
        {failure ? <ErrorAlert error={failure} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("dataProtection.onward.cancel")}
          </Button>
          <Button type="submit" loading={busy}>
            {t("dataProtection.onward.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

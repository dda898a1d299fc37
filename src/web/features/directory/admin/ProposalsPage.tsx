import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconArrowBackUp, IconCheck, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PROPOSAL_STATUSES, Proposal, type ProposalKind, ProposalList, ReviewBody } from "../../../../shared/directory";
import { api } from "../../../app/api";
import { errorMessage } from "../../../app/errors";
import { useActiveSession } from "../../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../../app/ui";
import { useApiQuery } from "../../../app/useApiQuery";
import { currentLocale } from "../../../i18n";
import type { TranslationKey } from "../../../i18n/keys";
import { FieldChanges } from "./FieldChanges";
import { formatDateTime, partyName } from "./values";

type Status = Proposal["status"];
const FILTERS = [...PROPOSAL_STATUSES, "all"] as const;
type Filter = (typeof FILTERS)[number];

const KIND_KEYS: Record<ProposalKind, TranslationKey> = {
  create_contact_point: "directoryAdmin.proposals.kind.create_contact_point",
  update_contact_point: "directoryAdmin.proposals.kind.update_contact_point",
  remove_contact_point: "directoryAdmin.proposals.kind.remove_contact_point",
  update_legal_profile: "directoryAdmin.proposals.kind.update_legal_profile",
};
const STATUS_KEYS: Record<Filter, TranslationKey> = {
  pending: "directoryAdmin.proposals.status.pending",
  accepted: "directoryAdmin.proposals.status.accepted",
  rejected: "directoryAdmin.proposals.status.rejected",
  withdrawn: "directoryAdmin.proposals.status.withdrawn",
  all: "directoryAdmin.proposals.status.all",
};
const STATUS_COLORS: Record<Status, string> = {
  pending: "yellow",
  accepted: "green",
  rejected: "red",
  withdrawn: "gray",
};

function isFilter(value: string | null): value is Filter {
  return (FILTERS as readonly string[]).includes(value ?? "");
}

/** Accept or reject, with a reason (required to reject: the Party must know why). */
function ReviewForm({ proposal, onDone }: { proposal: Proposal; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"accept" | "reject" | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (decision: "accept" | "reject") => {
    const parsed = ReviewBody.safeParse({ decision, reason });
    if (!parsed.success) {
      // The shared schema decides; the message is worded here in the UI language.
      setReasonError(t("directoryAdmin.proposals.reasonRequired"));
      return;
    }
    setReasonError(null);
    setError(null);
    setBusy(decision);
    try {
      await api.post(`/api/directory/proposals/${proposal.id}/review`, parsed.data, Proposal);
      notifications.show({
        color: decision === "accept" ? "green" : "gray",
        message: t(decision === "accept" ? "directoryAdmin.proposals.accepted" : "directoryAdmin.proposals.rejected"),
      });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="xs">
      <Textarea
        label={t("directoryAdmin.proposals.reason")}
        description={t("directoryAdmin.proposals.reasonHelp")}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          if (reasonError) setReasonError(null);
        }}
        error={reasonError}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={2000}
      />
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(t, error, i18n.language)}
        </Alert>
      ) : null}
      <Group gap="xs">
        <Button
          color="green"
          leftSection={<IconCheck size={16} aria-hidden />}
          loading={busy === "accept"}
          disabled={busy !== null}
          onClick={() => void submit("accept")}
        >
          {t("directoryAdmin.proposals.accept")}
        </Button>
        <Button
          color="red"
          variant="light"
          leftSection={<IconX size={16} aria-hidden />}
          loading={busy === "reject"}
          disabled={busy !== null}
          onClick={() => void submit("reject")}
        >
          {t("directoryAdmin.proposals.reject")}
        </Button>
      </Group>
    </Stack>
  );
}

function WithdrawButton({ proposal, onDone }: { proposal: Proposal; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/directory/proposals/${proposal.id}/withdraw`, undefined, Proposal);
      notifications.show({ color: "gray", message: t("directoryAdmin.proposals.withdrawnNotice") });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" align="flex-start">
      <Button
        variant="default"
        leftSection={<IconArrowBackUp size={16} aria-hidden />}
        loading={busy}
        onClick={() => void withdraw()}
      >
        {t("directoryAdmin.proposals.withdraw")}
      </Button>
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(t, error, i18n.language)}
        </Alert>
      ) : null}
    </Stack>
  );
}

function ProposalCard({ proposal, onChanged }: { proposal: Proposal; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const session = useActiveSession();
  const canReview = session.permissions.includes("directory.manage") && proposal.status === "pending";
  const canWithdraw =
    proposal.status === "pending" &&
    session.permissions.includes("directory.propose") &&
    session.user.party?.iso2 === proposal.party.iso2;
  const name = partyName(proposal.party, locale);

  return (
    <Paper
      component="article"
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      data-testid="proposal"
      data-id={proposal.id}
      data-iso={proposal.party.iso2}
      data-status={proposal.status}
      aria-label={`${name} — ${t(KIND_KEYS[proposal.kind])}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} miw={0}>
            <Title order={2} size="h4">
              {name}{" "}
              <Text span c="dimmed" ff="monospace" size="sm">
                {proposal.party.iso2}
              </Text>
            </Title>
            <Text size="sm">{t(KIND_KEYS[proposal.kind])}</Text>
          </Stack>
          <Badge variant="light" radius="sm" tt="none" color={STATUS_COLORS[proposal.status]}>
            {t(STATUS_KEYS[proposal.status])}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t("directoryAdmin.proposals.proposedBy", {
            name: proposal.proposedBy,
            date: formatDateTime(proposal.proposedAt, locale),
          })}
        </Text>
        {proposal.comment ? (
          <Paper bg="var(--mantine-color-default-hover)" p="xs" radius="sm">
            <Text size="xs" c="dimmed">
              {t("directoryAdmin.proposals.comment")}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {proposal.comment}
            </Text>
          </Paper>
        ) : null}
        {proposal.outdated && proposal.status === "pending" ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t("directoryAdmin.proposals.outdatedTitle")}
            data-testid="proposal-outdated"
          >
            {t("directoryAdmin.proposals.outdated")}
          </Alert>
        ) : null}
        <FieldChanges changes={proposal.changes} caption={t("directoryAdmin.proposals.diffCaption")} />
        {proposal.reviewedAt ? (
          <Text size="sm" c="dimmed">
            {t(
              proposal.status === "withdrawn"
                ? "directoryAdmin.proposals.withdrawnBy"
                : "directoryAdmin.proposals.reviewedBy",
              {
                name: proposal.reviewedBy ?? "—",
                date: formatDateTime(proposal.reviewedAt, locale),
              },
            )}
            {proposal.reason ? ` — ${proposal.reason}` : ""}
          </Text>
        ) : null}
        {canReview ? <ReviewForm proposal={proposal} onDone={onChanged} /> : null}
        {canWithdraw ? <WithdrawButton proposal={proposal} onDone={onChanged} /> : null}
      </Stack>
    </Paper>
  );
}

export function ProposalsPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const [filter, setFilter] = useState<Filter>("pending");
  const proposals = useApiQuery(`directory-proposals-${filter}`, (signal) =>
    api.get(`/api/directory/proposals?status=${filter}`, ProposalList, signal),
  );
  const manage = session.permissions.includes("directory.manage");

  return (
    <>
      <PageHeader
        title={t("directoryAdmin.proposals.title")}
        description={t(
          manage ? "directoryAdmin.proposals.descriptionManage" : "directoryAdmin.proposals.descriptionParty",
        )}
      >
        <NativeSelect
          label={t("directoryAdmin.proposals.filter")}
          data={FILTERS.map((value) => ({ value, label: t(STATUS_KEYS[value]) }))}
          value={filter}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isFilter(value)) setFilter(value);
          }}
          w={{ base: "100%", xs: 220 }}
        />
      </PageHeader>

      {proposals.status === "loading" ? <PageLoader label={t("directoryAdmin.proposals.loading")} /> : null}
      {proposals.status === "error" ? (
        <ErrorAlert
          error={proposals.error}
          title={t("directoryAdmin.proposals.loadFailed")}
          onRetry={proposals.retry}
        />
      ) : null}
      {proposals.status === "success" ? (
        proposals.data.proposals.length === 0 ? (
          <Text c="dimmed" data-testid="no-proposals">
            {t(filter === "pending" ? "directoryAdmin.proposals.nonePending" : "directoryAdmin.proposals.none")}
          </Text>
        ) : (
          <Stack gap="md">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t("directoryAdmin.proposals.count", { count: proposals.data.proposals.length })}
            </Text>
            {proposals.data.proposals.map((proposal) => (
              <ProposalCard key={proposal.id} proposal={proposal} onChanged={proposals.retry} />
            ))}
          </Stack>
        )
      ) : null}
    </>
  );
}

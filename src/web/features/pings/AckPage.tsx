import { Alert, Button, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconBroadcast, IconCircleCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { PingAcknowledgeInput, type PingLinkStatus } from "../../../shared/pings";
import { PublicPage } from "../../app/PublicPage";
import { ErrorAlert, PageLoader, usePageTitle } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { schemaErrors } from "../directory/issues";
import { PING_MESSAGES } from "./labels";
import { pingsApi } from "./pingsApi";

const utc = (iso: string) => iso.slice(0, 16).replace("T", " ");

/**
 * /ping/:token, the link of a ping test's e-mail, without signing in. Opening it only asks the
 * server what the link is (a mail scanner fetching it records nothing); a person gives their name
 * and presses the button. Expired, answered, closed or broken links say so and record nothing.
 */
export function AckPage() {
  const { t } = useTranslation();
  usePageTitle(t("pingTests.ack.title"));
  const { token = "" } = useParams();
  const status = useApiQuery(`ping-link-${token}`, (signal) => pingsApi.linkStatus(token, signal));
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = PingAcknowledgeInput.safeParse({ name });
    if (!parsed.success) {
      setError(schemaErrors(t, parsed.error, PING_MESSAGES).name ?? null);
      return;
    }
    setError(null);
    setFailure(null);
    setBusy(true);
    try {
      setDone((await pingsApi.acknowledgeLink(token, parsed.data)).acknowledgedAt);
    } catch (e) {
      setFailure(e);
      status.retry();
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicPage width={520} icon={IconBroadcast}>
      <Paper withBorder radius="md" p={{ base: "md", sm: "xl" }}>
        <Stack gap="md">
          <Title order={1} size="h3">
            {t("pingTests.ack.title")}
          </Title>
          {status.status === "loading" ? <PageLoader label={t("pingTests.ack.loading")} /> : null}
          {status.status === "error" ? (
            <ErrorAlert error={status.error} title={t("pingTests.ack.loadFailed")} onRetry={status.retry} />
          ) : null}
          {done ? (
            <Alert
              color="green"
              variant="light"
              icon={<IconCircleCheck aria-hidden />}
              role="status"
              data-testid="ping-ack-done"
            >
              {t("pingTests.ack.done", { at: utc(done) })}
            </Alert>
          ) : status.status === "success" ? (
            <LinkState status={status.data} />
          ) : null}
          {failure && !done ? <ErrorAlert error={failure} title={t("pingTests.ack.failed")} /> : null}
          {!done && status.status === "success" && status.data.state === "valid" ? (
            <form onSubmit={submit} noValidate data-testid="ping-ack-form">
              <Stack gap="sm">
                <TextInput
                  label={t("pingTests.ack.name")}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={error}
                  autoComplete="name"
                  required
                />
                <Button type="submit" loading={busy}>
                  {t("pingTests.ack.submit")}
                </Button>
              </Stack>
            </form>
          ) : null}
        </Stack>
      </Paper>
    </PublicPage>
  );
}

function LinkState({ status }: { status: PingLinkStatus }) {
  const { t } = useTranslation();
  const party = currentLocale() === "fr" ? status.partyNameFr : status.partyNameEn;
  const forWhom =
    status.institution && party ? (
      <Text size="sm">{t("pingTests.ack.for", { institution: status.institution, party })}</Text>
    ) : null;
  if (status.state === "valid") {
    return (
      <Stack gap={4} data-testid="ping-ack-state" data-state="valid">
        {forWhom}
        <Text size="sm">{t("pingTests.ack.valid")}</Text>
      </Stack>
    );
  }
  const message =
    status.state === "answered"
      ? t("pingTests.ack.answered", { at: status.acknowledgedAt ? utc(status.acknowledgedAt) : "—" })
      : t(`pingTests.ack.${status.state}`);
  return (
    <Stack gap={4}>
      {forWhom}
      <Alert
        color={status.state === "answered" ? "green" : "orange"}
        variant="light"
        role="status"
        data-testid="ping-ack-state"
        data-state={status.state}
      >
        {message}
      </Alert>
    </Stack>
  );
}

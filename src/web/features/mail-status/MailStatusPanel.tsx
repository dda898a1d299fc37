import { Alert, Box, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle, IconMail, IconRefresh } from "@tabler/icons-react";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { MailStatus } from "../../../shared/mail-status";
import { api } from "../../app/api";
import { ErrorAlert, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { formatAge } from "./format";

/** The permission that shows the panel: the Secretariat runs the service. */
export const MAIL_STATUS_PERMISSION = "system.status";

const PATH = "/api/admin/mail-status";

function moment(value: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" }).format(new Date(value));
}

/** The one sentence that says whether e-mail works, coloured by how worried to be. */
function Headline({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const v = status.verification;
  const server = status.server ?? "";
  let color: string;
  let icon: ReactNode;
  let text: string;
  if (status.mode === "off") {
    [color, icon, text] = ["orange", <IconAlertTriangle key="i" aria-hidden />, t("mailStatus.state.off")];
  } else if (status.mode === "mailbox") {
    [color, icon, text] = ["blue", <IconInfoCircle key="i" aria-hidden />, t("mailStatus.state.mailbox")];
  } else if (!v) {
    [color, icon, text] = ["gray", <IconInfoCircle key="i" aria-hidden />, t("mailStatus.state.unchecked", { server })];
  } else if (v.ok) {
    [color, icon, text] = ["teal", <IconCircleCheck key="i" aria-hidden />, t("mailStatus.state.ok", { server })];
  } else {
    [color, icon, text] = [
      "red",
      <IconAlertTriangle key="i" aria-hidden />,
      t("mailStatus.state.error", { server, error: v.error ?? "?" }),
    ];
  }
  return (
    <Alert
      color={color}
      variant="light"
      icon={icon}
      role={v && !v.ok ? "alert" : "status"}
      data-testid="mail-status-state"
      data-ok={status.mode === "smtp" && v ? String(v.ok) : undefined}
    >
      <Stack gap={4}>
        <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
          {text}
        </Text>
        {status.mode === "smtp" ? (
          <Text size="xs" c="dimmed">
            {status.tls ? t("mailStatus.state.tls") : t("mailStatus.state.starttls")}
            {v ? ` ${t("mailStatus.state.checkedAt", { date: moment(v.checkedAt, locale) })}` : null}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}

function Queue({ outbox }: { outbox: MailStatus["outbox"] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const none = t("mailStatus.queue.none");
  const rows: [string, ReactNode, string][] = [
    [t("mailStatus.queue.waiting"), outbox.waiting, "waiting"],
    [t("mailStatus.queue.held"), outbox.heldForQuietHours, "held"],
    [t("mailStatus.queue.failed"), outbox.failed, "failed"],
    [
      t("mailStatus.queue.oldest"),
      outbox.oldestWaitingSince && outbox.oldestWaitingSeconds !== null
        ? t("mailStatus.queue.oldestValue", {
            age: formatAge(outbox.oldestWaitingSeconds, locale),
            date: moment(outbox.oldestWaitingSince, locale),
          })
        : none,
      "oldest",
    ],
    [
      t("mailStatus.queue.lastDelivered"),
      outbox.lastDeliveredAt ? moment(outbox.lastDeliveredAt, locale) : none,
      "last",
    ],
  ];
  return (
    <Stack gap="xs" component="section" aria-labelledby="mail-queue-title">
      <Title order={3} size="h5" id="mail-queue-title">
        {t("mailStatus.queue.title")}
      </Title>
      <Box
        component="dl"
        m={0}
        style={{ display: "grid", gridTemplateColumns: "minmax(0, max-content) minmax(0, 1fr)", gap: "4px 16px" }}
      >
        {rows.map(([label, value, id]) => (
          <Box key={id} style={{ display: "contents" }}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" size="sm" m={0} data-testid={`mail-queue-${id}`}>
              {value}
            </Text>
          </Box>
        ))}
        {outbox.lastError ? (
          <>
            <Text component="dt" size="sm" c="dimmed">
              {t("mailStatus.queue.lastError")}
            </Text>
            <Text
              component="dd"
              size="xs"
              ff="monospace"
              m={0}
              style={{ overflowWrap: "anywhere" }}
              data-testid="mail-queue-error"
            >
              {outbox.lastError}
            </Text>
          </>
        ) : null}
      </Box>
    </Stack>
  );
}

/**
 * Whether e-mail works, where the Secretariat looks: the SMTP server's last check (with "Check
 * again") and the e-mail queue. A wrong VIGIL_SMTP_URL shows here, not only in the server's log.
 */
export function MailStatusPanel() {
  const { t } = useTranslation();
  const query = useApiQuery("mail-status", (signal) => api.get(PATH, MailStatus, signal));
  const [status, setStatus] = useState<MailStatus | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);

  useEffect(() => {
    if (query.status === "success") setStatus(query.data);
  }, [query.status, query.data]);

  const check = async () => {
    setChecking(true);
    setCheckError(null);
    try {
      setStatus(await api.post(`${PATH}/check`, undefined, MailStatus));
    } catch (e) {
      setCheckError(e);
    } finally {
      setChecking(false);
    }
  };

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "lg" }}
      component="section"
      aria-labelledby="mail-status-title"
      data-testid="mail-status"
      maw={720}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={2} size="h3" id="mail-status-title">
            <IconMail size={22} aria-hidden style={{ verticalAlign: "-3px", marginInlineEnd: 8 }} />
            {t("mailStatus.title")}
          </Title>
          {status?.mode === "smtp" ? (
            <Button
              variant="default"
              size="sm"
              leftSection={<IconRefresh size={16} aria-hidden />}
              loading={checking}
              onClick={() => void check()}
              data-testid="mail-status-check"
            >
              {t("mailStatus.check")}
            </Button>
          ) : null}
        </Group>
        <Text size="sm">{t("mailStatus.intro")}</Text>
        {status ? (
          <>
            <Headline status={status} />
            {checking ? (
              <Text size="xs" c="dimmed" role="status">
                {t("mailStatus.checking")}
              </Text>
            ) : null}
            {checkError ? <ErrorAlert error={checkError} title={t("mailStatus.checkFailed")} /> : null}
            <Queue outbox={status.outbox} />
          </>
        ) : query.status === "error" ? (
          <ErrorAlert error={query.error} title={t("mailStatus.loadFailed")} onRetry={query.retry} />
        ) : (
          <PageLoader label={t("mailStatus.loading")} />
        )}
      </Stack>
    </Paper>
  );
}

import { Alert, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconClock, IconRoute } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ContactPointBrief, RoutePreview, RouteWarningCode } from "../../../../shared/requests";
import { ErrorAlert, PageLoader } from "../../../app/ui";
import { currentLocale } from "../../../i18n";
import type { TranslationKey } from "../../../i18n/keys";
import { languageName } from "../../directory/labels";
import { formatClock, offsetName, useNow } from "../../directory/time";
import { formatDuration } from "../time";
import type { RoutePreviewQuery } from "./useRoutePreview";

function ContactPointSummary({
  cp,
  now,
  testId,
  brief = false,
}: {
  cp: ContactPointBrief;
  now: Date;
  testId: string;
  /** The next in line: who it is and its clock are enough. */
  brief?: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap={4} data-testid={testId}>
      <Group gap={6}>
        <Text fw={600}>{cp.institution}</Text>
        {cp.isPrimary ? (
          <Badge size="sm" variant="light" radius="sm" tt="none">
            {t("requests.route.primary")}
          </Badge>
        ) : null}
        {cp.available247 ? (
          <Badge size="sm" color="teal" radius="sm" tt="none">
            {t("requests.route.always")}
          </Badge>
        ) : null}
      </Group>
      {cp.unit ? <Text size="sm">{cp.unit}</Text> : null}
      <Group gap={6} wrap="nowrap">
        <IconClock size={14} aria-hidden />
        <Text size="sm" data-testid="local-time">
          {t("requests.route.localTime", {
            time: formatClock(now, locale, cp.timeZone),
            offset: offsetName(now, locale, cp.timeZone),
          })}
        </Text>
      </Group>
      {brief ? null : (
        <Text size="sm">
          {t("requests.route.languages")}: {cp.languages.map((code) => languageName(code, locale)).join(", ") || "—"}
        </Text>
      )}
      {cp.instructions && !brief ? (
        <Paper withBorder radius="sm" p="xs" bg="var(--mantine-color-default-hover)">
          <Text size="xs" fw={700} c="dimmed">
            {t("requests.route.instructions")}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="route-instructions">
            {cp.instructions}
          </Text>
        </Paper>
      ) : null}
    </Stack>
  );
}

/** Every warning the server can give, worded in the UI language. */
const WARNING_KEYS: Record<RouteWarningCode, TranslationKey> = {
  no_contact_point: "requests.route.warning.no_contact_point",
  language_not_accepted: "requests.route.warning.language_not_accepted",
  sap_not_handled: "requests.route.warning.sap_not_handled",
  function_not_listed: "requests.route.warning.function_not_listed",
  not_a_party: "requests.route.warning.not_a_party",
  transfers_suspended: "requests.route.warning.transfers_suspended",
  transfers_suspended_by_party: "requests.route.warning.transfers_suspended_by_party",
};

/** The warnings: yellow, each on its own. */
function Warnings({ preview, language }: { preview: RoutePreview; language: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (preview.warnings.length === 0) return null;
  const params = {
    party: locale === "fr" ? preview.party.nameFr : preview.party.nameEn,
    languages: (preview.contactPoint?.languages ?? []).map((code) => languageName(code, locale)).join(", "),
    language: language ? languageName(language, locale) : "",
  };
  return (
    <Stack gap={6}>
      {preview.warnings.map((w) => (
        <Alert
          key={w.code}
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          data-testid="route-warning"
          data-code={w.code}
          p="xs"
        >
          <Text size="sm">{t(WARNING_KEYS[w.code], params)}</Text>
        </Alert>
      ))}
    </Stack>
  );
}

export function RoutePreviewView({
  preview,
  language,
  compact = false,
}: {
  preview: RoutePreview;
  language: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const now = useNow(30_000);
  const partyName = locale === "fr" ? preview.party.nameFr : preview.party.nameEn;
  return (
    <Paper withBorder radius="md" p="md" data-testid="route-preview">
      <Stack gap="sm">
        <Group gap={6}>
          <IconRoute size={18} aria-hidden />
          <Title order={3} size="h5">
            {t("requests.route.title", { party: partyName })}
          </Title>
        </Group>
        {preview.contactPoint ? (
          <ContactPointSummary cp={preview.contactPoint} now={now} testId="route-contact-point" />
        ) : (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {t("requests.route.none")}
          </Alert>
        )}
        <Warnings preview={preview} language={language} />
        {!compact ? (
          <>
            <Text size="sm">
              {t("requests.route.ackTarget", { duration: formatDuration(t, preview.ackTargetMinutes) })}
            </Text>
            {preview.preservationDays !== null ? (
              <Text size="sm">{t("requests.route.preservationDays", { count: preview.preservationDays })}</Text>
            ) : null}
            {preview.secondary ? (
              <Stack gap={4}>
                <Text size="sm" c="dimmed">
                  {t("requests.route.secondary", { duration: formatDuration(t, preview.ackTargetMinutes) })}
                </Text>
                <ContactPointSummary cp={preview.secondary} now={now} testId="route-secondary" brief />
              </Stack>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Where the request will go, or why that is not known yet. */
export function RoutePreviewPanel({
  query,
  language,
  compact,
}: {
  query: RoutePreviewQuery;
  language: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (query.status === "loading") return <PageLoader label={t("requests.route.loading")} />;
  if (query.status === "error")
    return <ErrorAlert error={query.error} title={t("requests.route.failed")} onRetry={query.retry} />;
  return query.data ? <RoutePreviewView preview={query.data} language={language} compact={compact} /> : null;
}

import { Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconArrowRight, IconClock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { RequestDetail } from "../../../../shared/requests";
import { usePageTitle } from "../../../app/ui";
import { currentLocale } from "../../../i18n";
import { formatClock, formatIsoDate, offsetName, useNow } from "../../directory/time";
import { EmergencyBadge, ExerciseBadge, OverdueBadge, StateBadge } from "../badges";
import { TYPE_KEYS } from "../labels";
import { formatDuration, formatMoment } from "../time";
import { Fact } from "./Fact";
import { type Side, sideName, sidesOf } from "./sides";

function Clock({ side, role, now }: { side: Side; role: string; now: Date }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Group gap={6} wrap="nowrap">
      <IconClock size={14} aria-hidden />
      <Text size="sm">
        <Text span fw={600}>
          {sideName(side, locale)}
        </Text>{" "}
        {t("requests.detail.clockRole", { role })}{" "}
        {side.zone ? `${formatClock(now, locale, side.zone)} ${offsetName(now, locale, side.zone)}` : "—"}
      </Text>
    </Group>
  );
}

/** Number, kind, state, the two Parties with their clocks now, and the deadlines. */
export function RequestHeader({ detail, viewerZone }: { detail: RequestDetail; viewerZone: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const now = useNow(30_000);
  const sides = sidesOf(detail);
  usePageTitle(detail.number);
  const moment = (iso: string) => formatMoment(iso, locale, viewerZone);

  return (
    <Paper withBorder radius="md" p="md" data-testid="request-header">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} miw={0}>
            <Title order={1} size="h2" ff="monospace" data-testid="request-number">
              {detail.number}
            </Title>
            <Text fw={600}>{t(TYPE_KEYS[detail.type])}</Text>
          </Stack>
          <Group gap={6}>
            {detail.exercise ? <ExerciseBadge size="lg" /> : null}
            {detail.emergency ? <EmergencyBadge size="lg" /> : null}
            <StateBadge state={detail.state} size="lg" />
          </Group>
        </Group>

        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {sideName(sides.sender, locale)}
          </Text>
          <IconArrowRight size={14} aria-label={t("requests.detail.to")} />
          <Text size="sm" fw={600}>
            {sideName(sides.requested, locale)}
          </Text>
        </Group>
        {detail.contactPoint ? (
          <Text size="sm" c="dimmed" mt={-8}>
            {detail.contactPoint.institution}
            {detail.contactPoint.unit ? `, ${detail.contactPoint.unit}` : ""}
          </Text>
        ) : null}

        <Stack gap={2} aria-label={t("requests.detail.localTimes")}>
          <Clock side={sides.sender} role={t("requests.detail.sender")} now={now} />
          <Clock side={sides.requested} role={t("requests.detail.requested")} now={now} />
        </Stack>

        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs" m={0}>
          {detail.sentAt ? <Fact label={t("requests.detail.sentAt")}>{moment(detail.sentAt)}</Fact> : null}
          {detail.acknowledgedAt ? (
            <Fact label={t("requests.detail.acknowledgedAt")}>
              {moment(detail.acknowledgedAt)}
              {detail.minutesToAcknowledge !== null
                ? ` · ${t("requests.detail.after", { duration: formatDuration(t, detail.minutesToAcknowledge) })}`
                : ""}
            </Fact>
          ) : detail.ackDueAt ? (
            <Fact label={t("requests.detail.ackDue")}>
              <Text span size="sm" c={detail.overdue ? "red" : undefined} fw={detail.overdue ? 700 : undefined}>
                {moment(detail.ackDueAt)}
              </Text>{" "}
              {detail.overdue ? <OverdueBadge /> : null}
            </Fact>
          ) : null}
          {detail.answerDueAt && !detail.answeredAt ? (
            <Fact label={t("requests.detail.answerDue")}>{moment(detail.answerDueAt)}</Fact>
          ) : null}
          {detail.answeredAt ? (
            <Fact label={t("requests.detail.answeredAt")}>
              {moment(detail.answeredAt)}
              {detail.minutesToAnswer !== null
                ? ` · ${t("requests.detail.after", { duration: formatDuration(t, detail.minutesToAnswer) })}`
                : ""}
            </Fact>
          ) : null}
          {detail.preservedOn ? (
            <Fact label={t("requests.detail.preservedOn")}>{formatIsoDate(detail.preservedOn, locale)}</Fact>
          ) : null}
          {detail.preservationExpiresOn ? (
            <Fact label={t("requests.detail.preservationExpires")}>
              {formatIsoDate(detail.preservationExpiresOn, locale)}
            </Fact>
          ) : null}
          {detail.closedAt ? <Fact label={t("requests.detail.closedAt")}>{moment(detail.closedAt)}</Fact> : null}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

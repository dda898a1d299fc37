import { Anchor, Group, Paper, Stack, Text, ThemeIcon, Timeline, Title } from "@mantine/core";
import {
  IconAlertTriangle,
  IconArrowUpRight,
  IconBell,
  IconCircleDot,
  IconDownload,
  IconEdit,
  IconFilePlus,
  IconMessage,
  IconSend,
  IconShare,
  IconShieldCheck,
  IconShieldX,
  IconStar,
  IconUserCheck,
  IconUserMinus,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { FEEDBACK_RATINGS, type RequestDetail, type TimelineEntry } from "../../../../shared/requests";
import { currentLocale } from "../../../i18n";
import { formatIsoDate } from "../../directory/time";
import { RATING_KEYS, STATE_KEYS, TIMELINE_KEYS } from "../labels";
import { receiptUrl } from "../requestsApi";
import { formatDuration, formatMoment, formatTime, zoneLabel } from "../time";
import { ReceiptCheck } from "./ReceiptCheck";
import { sidesOf } from "./sides";

const ICONS: Record<TimelineEntry["kind"], typeof IconSend> = {
  created: IconFilePlus,
  sent: IconSend,
  transition: IconCircleDot,
  reminder: IconBell,
  escalation: IconArrowUpRight,
  message: IconMessage,
  feedback: IconStar,
  preservation_warning: IconAlertTriangle,
  onward_transfer_asked: IconShare,
  onward_transfer_authorised: IconShieldCheck,
  onward_transfer_refused: IconShieldX,
  assigned: IconUserCheck,
  unassigned: IconUserMinus,
  corrected: IconEdit,
};

/** Steps that mean "nobody answered in time" stand out: they are what the sender watches at night. */
const ALERT_KINDS = new Set<TimelineEntry["kind"]>(["reminder", "escalation", "preservation_warning"]);

function titleOf(t: ReturnType<typeof useTranslation>["t"], entry: TimelineEntry): string {
  if (entry.kind === "transition" && entry.toState) return t(STATE_KEYS[entry.toState]);
  return t(TIMELINE_KEYS[entry.kind]);
}

/**
 * What the step says in words: the platform's facts in the reader's language (reminder,
 * escalation, preservation warning, attachment), a feedback's rating, or a person's note.
 */
function textOf(t: ReturnType<typeof useTranslation>["t"], entry: TimelineEntry, locale: string): string {
  const facts = entry.facts;
  if (facts) {
    if (entry.kind === "reminder" && facts.minutes !== undefined) {
      return facts.institution
        ? t("requests.timeline.facts.reminder", { minutes: facts.minutes, institution: facts.institution })
        : t("requests.timeline.facts.reminderUnnamed", { minutes: facts.minutes });
    }
    if (entry.kind === "escalation") {
      return facts.institution
        ? t("requests.timeline.facts.escalation", { institution: facts.institution })
        : t("requests.timeline.facts.escalationNoOther");
    }
    if (facts.expiresOn) {
      return t("requests.timeline.facts.preservation", { date: formatIsoDate(facts.expiresOn, locale) });
    }
    if (facts.attachment) return t("requests.timeline.facts.attachment", { filename: facts.attachment });
    if (entry.kind === "corrected" && facts.fields) {
      return t("requests.timeline.facts.corrected", { count: facts.fields.length, reason: entry.note ?? "" });
    }
    if (facts.assignee) {
      return entry.kind === "unassigned"
        ? t("requests.timeline.facts.unassigned", { assignee: facts.assignee })
        : t("requests.timeline.facts.assigned", { assignee: facts.assignee });
    }
  }
  const note = entry.note ?? "";
  if (entry.kind === "feedback" && (FEEDBACK_RATINGS as readonly string[]).includes(note)) {
    return t(RATING_KEYS[note as (typeof FEEDBACK_RATINGS)[number]]);
  }
  return note;
}

/**
 * Every step with its time in the viewer's zone and in the other side's, who did it, how long
 * the acknowledgement took, and the platform's signed receipt for each transition.
 */
export function TimelineView({ detail, viewerZone }: { detail: RequestDetail; viewerZone: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const other = sidesOf(detail).counterpart.zone;
  const entries = [...detail.timeline].sort((a, b) => a.at.localeCompare(b.at));

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="timeline-title" data-testid="timeline">
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h5" id="timeline-title">
            {t("requests.timeline.title")}
          </Title>
          <ReceiptCheck />
        </Group>
        <Timeline bulletSize={26} lineWidth={2} active={entries.length - 1}>
          {entries.map((entry) => {
            const Icon = ICONS[entry.kind];
            const alert = ALERT_KINDS.has(entry.kind);
            const at = new Date(entry.at);
            const text = textOf(t, entry, locale);
            const ackAfter =
              entry.kind === "transition" && entry.toState === "acknowledged" && detail.sentAt
                ? (at.getTime() - new Date(detail.sentAt).getTime()) / 60_000
                : null;
            return (
              <Timeline.Item
                key={entry.id}
                bullet={
                  <ThemeIcon
                    size={26}
                    radius="xl"
                    color={alert ? "orange" : "blue"}
                    variant={alert ? "filled" : "light"}
                  >
                    <Icon size={14} aria-hidden />
                  </ThemeIcon>
                }
                data-testid="timeline-entry"
                data-kind={entry.kind}
                data-state={entry.toState ?? undefined}
              >
                <Paper p={alert ? "xs" : 0} radius="sm" bg={alert ? "var(--mantine-color-orange-light)" : undefined}>
                  <Stack gap={2}>
                    <Text fw={600} size="sm">
                      {titleOf(t, entry)}
                      {ackAfter !== null ? (
                        <Text span fw={400} size="sm" data-testid="ack-after">
                          {" "}
                          · {t("requests.detail.after", { duration: formatDuration(t, ackAfter) })}
                        </Text>
                      ) : null}
                    </Text>
                    <Text size="xs" c="dimmed">
                      <time dateTime={entry.at}>{formatMoment(entry.at, locale, viewerZone)}</time>{" "}
                      {t("requests.timeline.yourTime")}
                      {other && other !== viewerZone
                        ? ` · ${formatTime(at, locale, other)} ${zoneLabel(other, at, locale)}`
                        : ""}
                    </Text>
                    {entry.actor || entry.party ? (
                      <Text size="xs">{[entry.actor, entry.party].filter(Boolean).join(", ")}</Text>
                    ) : null}
                    {text ? (
                      <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="timeline-text">
                        {text}
                      </Text>
                    ) : null}
                    {entry.receipt ? (
                      <Anchor
                        href={receiptUrl(detail.id, entry.id)}
                        download
                        aria-label={`${t("requests.timeline.receipt")}: ${titleOf(t, entry)}`}
                        size="xs"
                        data-testid="receipt-link"
                      >
                        <Group gap={4} component="span">
                          <IconDownload size={12} aria-hidden />
                          {t("requests.timeline.receipt")}
                        </Group>
                      </Anchor>
                    ) : null}
                  </Stack>
                </Paper>
              </Timeline.Item>
            );
          })}
        </Timeline>
      </Stack>
    </Paper>
  );
}

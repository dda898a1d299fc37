import { Anchor, Card, Group, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { REQUEST_TYPE_INFO, type RequestSummary } from "../../../shared/requests";
import { currentLocale } from "../../i18n";
import { formatIsoDate } from "../directory/time";
import { EmergencyBadge, ExerciseBadge, OverdueBadge, PurgedBadge, SensitiveBadge, StateBadge } from "./badges";
import { TYPE_SHORT_KEYS } from "./labels";
import type { Box } from "./requestsApi";
import { formatMoment } from "./time";

/** A draft's flag is set when it is sent: until then its kind says whether it is one. */
function urgent(r: RequestSummary): boolean {
  return r.emergency || REQUEST_TYPE_INFO[r.type].emergency;
}

/** Drafts open in the form; others on their page. */
export function requestPath(r: Pick<RequestSummary, "id" | "state">): string {
  return r.state === "draft" ? `/requests/${r.id}/edit` : `/requests/${r.id}`;
}

function counterpart(r: RequestSummary, box: Box, locale: string): string {
  const party = box === "inbox" ? r.from : r.to;
  if (!party) return "—";
  return locale === "fr" ? party.nameFr : party.nameEn;
}

/** The acknowledgement deadline matters only while the request waits for one. */
function AckDue({ r, locale, zone }: { r: RequestSummary; locale: string; zone: string }) {
  if (!r.ackDueAt || r.state !== "sent") return <Text size="sm">—</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c={r.overdue ? "red" : undefined} fw={r.overdue ? 700 : undefined}>
        {formatMoment(r.ackDueAt, locale, zone)}
      </Text>
      {r.overdue ? <OverdueBadge /> : null}
    </Group>
  );
}

type Props = { items: RequestSummary[]; box: Box; zone: string; compact: boolean };

/** The requests of a box: a table on wide screens, one card per request on a phone. */
export function RequestTable({ items, box, zone, compact }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const partyHeader = box === "inbox" ? t("requests.list.from") : t("requests.list.to");
  const when = (r: RequestSummary) => (r.sentAt ? formatMoment(r.sentAt, locale, zone) : "—");

  if (compact) {
    return (
      <Stack gap="xs" data-testid="request-list">
        {items.map((r) => (
          <Card
            key={r.id}
            withBorder
            radius="md"
            padding="sm"
            component={Link}
            to={requestPath(r)}
            data-testid="request-row"
            data-number={r.number}
            aria-label={`${r.number} · ${t(TYPE_SHORT_KEYS[r.type])} · ${counterpart(r, box, locale)}`}
          >
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text fw={700} ff="monospace" size="sm" truncate>
                  {r.number}
                </Text>
                <Group gap={4} wrap="nowrap">
                  {urgent(r) ? <EmergencyBadge /> : null}
                  {r.exercise ? <ExerciseBadge /> : null}
                  <StateBadge state={r.state} />
                  {r.purgedAt ? <PurgedBadge /> : null}
                  {r.sensitive ? <SensitiveBadge /> : null}
                </Group>
              </Group>
              <Text size="sm">
                {t(TYPE_SHORT_KEYS[r.type])} · {partyHeader} {counterpart(r, box, locale)}
              </Text>
              {box !== "drafts" ? (
                <Text size="xs" c="dimmed">
                  {t("requests.list.sent")}: {when(r)}
                </Text>
              ) : null}
              {r.ackDueAt && r.state === "sent" ? (
                <Group gap={4}>
                  <Text size="xs" c="dimmed">
                    {t("requests.list.ackDue")}:
                  </Text>
                  <AckDue r={r} locale={locale} zone={zone} />
                </Group>
              ) : null}
              {r.preservationExpiresOn ? (
                <Text size="xs" c="dimmed">
                  {t("requests.list.preservedUntil")}: {formatIsoDate(r.preservationExpiresOn, locale)}
                </Text>
              ) : null}
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <ScrollArea type="auto">
      <Table striped highlightOnHover verticalSpacing="xs" miw={820} data-testid="request-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("requests.list.number")}</Table.Th>
            <Table.Th scope="col">{t("requests.list.type")}</Table.Th>
            <Table.Th scope="col">{partyHeader}</Table.Th>
            <Table.Th scope="col">{t("requests.list.state")}</Table.Th>
            <Table.Th scope="col">{box === "drafts" ? t("requests.list.created") : t("requests.list.sent")}</Table.Th>
            <Table.Th scope="col">{t("requests.list.ackDue")}</Table.Th>
            <Table.Th scope="col">{t("requests.list.preservedUntil")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id} data-testid="request-row" data-number={r.number}>
              <Table.Th scope="row" fw={400}>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={requestPath(r)} ff="monospace" size="sm" fw={700}>
                    {r.number}
                  </Anchor>
                  {urgent(r) ? <EmergencyBadge /> : null}
                  {r.exercise ? <ExerciseBadge /> : null}
                </Group>
              </Table.Th>
              <Table.Td>
                <Text size="sm">{t(TYPE_SHORT_KEYS[r.type])}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{counterpart(r, box, locale)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <StateBadge state={r.state} />
                  {r.purgedAt ? <PurgedBadge /> : null}
                  {r.sensitive ? <SensitiveBadge /> : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{box === "drafts" ? formatMoment(r.createdAt, locale, zone) : when(r)}</Text>
              </Table.Td>
              <Table.Td>
                <AckDue r={r} locale={locale} zone={zone} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.preservationExpiresOn ? formatIsoDate(r.preservationExpiresOn, locale) : "—"}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

import { ActionIcon, Alert, Button, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { IconEye, IconHandGrab, IconUserPlus, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RequestDetail } from "../../../../shared/requests";
import { ErrorAlert } from "../../../app/ui";
import { currentLocale } from "../../../i18n";
import { ACCESS_REASON_KEYS } from "../labels";
import { requestsApi } from "../requestsApi";
import { formatMoment } from "../time";
import { sideName, sidesOf } from "./sides";

/**
 * Who handles the request on each side (need to know): "take it" for an officer, assigning and
 * removing officers of one's own Party for its admin; and, for someone who opened it with a
 * purpose, that purpose and when the access ends.
 */
export function HandlersPanel({
  detail,
  viewerZone,
  onChanged,
}: {
  detail: RequestDetail;
  viewerZone: string;
  onChanged: (detail: RequestDetail) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [choice, setChoice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const sides = sidesOf(detail);
  // The viewer's own side first.
  const own = detail.direction === "sent" ? sides.sender : sides.requested;
  const canTake = detail.actions.includes("take");
  const canAssign = detail.actions.includes("assign");
  const mine = own.party?.iso2;
  const handled = new Set(detail.handlers.map((h) => h.userId));
  const candidates = detail.assignable.filter((a) => !handled.has(a.id));

  const run = async (key: string, action: () => Promise<RequestDetail>) => {
    setFailure(null);
    setBusy(key);
    try {
      onChanged(await action());
      setChoice(null);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };

  const sideList = (iso2: string, name: string) => {
    const people = detail.handlers.filter((h) => h.party === iso2);
    return (
      <Stack gap={4} key={iso2}>
        <Text size="xs" fw={600} c="dimmed">
          {name}
        </Text>
        {people.length === 0 ? (
          <Text size="sm" data-testid="handlers-none">
            {t("requests.needToKnow.handlers.none", { party: name })}
          </Text>
        ) : (
          people.map((h) => (
            <Group key={h.userId} gap="xs" wrap="nowrap" data-testid="handler">
              <Text size="sm" fw={500}>
                {h.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t("requests.needToKnow.handlers.since", { time: formatMoment(h.since, locale, viewerZone) })}
              </Text>
              {canAssign && iso2 === mine ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="sm"
                  aria-label={t("requests.needToKnow.handlers.remove", { name: h.name })}
                  loading={busy === `remove-${h.userId}`}
                  onClick={() => run(`remove-${h.userId}`, () => requestsApi.unassign(detail.id, h.userId))}
                >
                  <IconX size={14} aria-hidden />
                </ActionIcon>
              ) : null}
            </Group>
          ))
        )}
      </Stack>
    );
  };

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="handlers-title" data-testid="handlers">
      <Stack gap="sm">
        <Title order={2} size="h5" id="handlers-title">
          {t("requests.needToKnow.handlers.title")}
        </Title>
        {detail.openedFor ? (
          <Alert color="yellow" variant="light" icon={<IconEye size={18} aria-hidden />} data-testid="opened-for">
            {t("requests.needToKnow.openedFor", {
              reason: [t(ACCESS_REASON_KEYS[detail.openedFor.reason]), detail.openedFor.note]
                .filter(Boolean)
                .join(" — "),
              until: formatMoment(detail.openedFor.until, locale, viewerZone),
            })}
          </Alert>
        ) : null}
        {[own, sides.counterpart].map((side) =>
          side.party ? sideList(side.party.iso2, sideName(side, locale)) : null,
        )}
        {canTake ? (
          <Group>
            <Button
              variant="light"
              leftSection={<IconHandGrab size={16} aria-hidden />}
              loading={busy === "take"}
              onClick={() => run("take", () => requestsApi.assign(detail.id, {}))}
              data-testid="take-request"
            >
              {t("requests.needToKnow.handlers.take")}
            </Button>
          </Group>
        ) : null}
        {canAssign && candidates.length > 0 ? (
          <Group align="flex-end" gap="xs">
            <Select
              label={t("requests.needToKnow.handlers.assignLabel")}
              placeholder={t("requests.needToKnow.handlers.assignPlaceholder")}
              data={candidates.map((c) => ({ value: c.id, label: c.name }))}
              value={choice}
              onChange={setChoice}
              searchable
              data-testid="assign-select"
            />
            <Button
              leftSection={<IconUserPlus size={16} aria-hidden />}
              disabled={!choice}
              loading={busy === "assign"}
              onClick={() => choice && run("assign", () => requestsApi.assign(detail.id, { userId: choice }))}
              data-testid="assign-submit"
            >
              {t("requests.needToKnow.handlers.assign")}
            </Button>
          </Group>
        ) : null}
        {failure ? <ErrorAlert error={failure} /> : null}
      </Stack>
    </Paper>
  );
}

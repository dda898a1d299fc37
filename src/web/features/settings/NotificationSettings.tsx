import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBellCog, IconDeviceFloppy, IconInfoCircle, IconLock, IconMoon } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ChannelChoice,
  isNotificationKind,
  type NotificationPreferenceRow,
  type NotificationPreferences,
  NotificationPreferencesInput,
} from "../../../shared/notification-kinds";
import { ApiError } from "../../app/api";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { KIND_LABELS } from "./labels";
import { settingsApi } from "./settingsApi";

type Draft = {
  channels: Record<string, ChannelChoice>;
  quietOn: boolean;
  start: string;
  end: string;
};
type QuietErrors = Partial<Record<"start" | "end", string>>;

function draftOf(prefs: NotificationPreferences): Draft {
  return {
    channels: Object.fromEntries(prefs.channels.map((c) => [c.kind, { inApp: c.inApp, email: c.email }])),
    quietOn: prefs.quietHours !== null,
    // A sensible night to start from when the user first turns quiet hours on.
    start: prefs.quietHours?.start ?? "22:00",
    end: prefs.quietHours?.end ?? "07:00",
  };
}

function inputOf(prefs: NotificationPreferences, draft: Draft) {
  return {
    channels: prefs.channels.map((c) => ({ kind: c.kind, ...(draft.channels[c.kind] ?? c) })),
    quietHours: draft.quietOn ? { start: draft.start, end: draft.end } : null,
  };
}

function kindLabel(t: TFunction, kind: string): { label: string; help: string } {
  if (!isNotificationKind(kind)) return { label: kind, help: "" };
  return { label: t(KIND_LABELS[kind].label), help: t(KIND_LABELS[kind].help) };
}

/** "body.quietHours.start" (server) or ["quietHours", "start"] (client) → the field. */
function quietField(path: readonly PropertyKey[] | string): "start" | "end" | null {
  const segments = (typeof path === "string" ? path.split(".") : path.map(String)).filter((s) => s !== "body");
  if (segments[0] !== "quietHours") return null;
  return segments[1] === "start" ? "start" : segments[1] === "end" ? "end" : null;
}

/** The shared schema's messages, in the UI language. */
function quietMessage(t: TFunction, field: "start" | "end", message: string): string {
  return field === "end" && message.startsWith("Quiet hours must end")
    ? t("settings.notifications.quiet.same")
    : t("settings.notifications.quiet.invalid");
}

/**
 * The user's notification settings: a table of the kinds that can reach them × the two channels
 * (emergencies locked on, with why), quiet hours, and one save for all of it.
 */
export function NotificationSettings() {
  const { t } = useTranslation();
  const query = useApiQuery("notification-preferences", (signal) => settingsApi.notifications(signal));
  const [saved, setSaved] = useState<NotificationPreferences | null>(null);

  useEffect(() => {
    if (query.status === "success") setSaved(query.data);
  }, [query.status, query.data]);

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "lg" }}
      component="section"
      aria-labelledby="notification-settings-title"
      data-testid="notification-settings"
    >
      <Stack gap="md">
        <Stack gap="xs">
          <Title order={2} size="h3" id="notification-settings-title">
            <IconBellCog size={22} aria-hidden style={{ verticalAlign: "-3px", marginInlineEnd: 8 }} />
            {t("settings.notifications.title")}
          </Title>
          <Text size="sm">{t("settings.notifications.intro")}</Text>
        </Stack>
        {saved ? (
          <PreferencesForm key={JSON.stringify(saved)} saved={saved} onSaved={setSaved} />
        ) : query.status === "error" ? (
          <ErrorAlert error={query.error} title={t("settings.notifications.loadFailed")} onRetry={query.retry} />
        ) : (
          <PageLoader label={t("settings.notifications.loading")} />
        )}
      </Stack>
    </Paper>
  );
}

function PreferencesForm({
  saved,
  onSaved,
}: {
  saved: NotificationPreferences;
  onSaved: (prefs: NotificationPreferences) => void;
}) {
  const { t } = useTranslation();
  const { user } = useActiveSession();
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [quietErrors, setQuietErrors] = useState<QuietErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const dirty = JSON.stringify(inputOf(saved, draft)) !== JSON.stringify(inputOf(saved, draftOf(saved)));

  const setChannel = (kind: string, channel: keyof ChannelChoice, on: boolean) =>
    setDraft((d) => ({
      ...d,
      channels: { ...d.channels, [kind]: { ...(d.channels[kind] ?? { inApp: true, email: true }), [channel]: on } },
    }));

  const submit = async () => {
    setFailure(null);
    const parsed = NotificationPreferencesInput.safeParse(inputOf(saved, draft));
    if (!parsed.success) {
      const found: QuietErrors = {};
      for (const issue of parsed.error.issues) {
        const field = quietField(issue.path);
        if (field) found[field] ??= quietMessage(t, field, issue.message);
      }
      setQuietErrors(found);
      if (Object.keys(found).length === 0) setFailure(parsed.error);
      return;
    }
    setQuietErrors({});
    setBusy(true);
    try {
      const answer = await settingsApi.saveNotifications(parsed.data);
      notifications.show({ color: "teal", message: t("settings.notifications.saved") });
      onSaved(answer);
    } catch (e) {
      const found: QuietErrors = {};
      if (e instanceof ApiError) {
        for (const issue of e.issues) {
          const field = quietField(issue.path);
          if (field) found[field] ??= quietMessage(t, field, issue.message);
        }
      }
      setQuietErrors(found);
      if (Object.keys(found).length === 0) setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const overnight = draft.quietOn && draft.start > draft.end;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="lg">
        {saved.emailAvailable ? null : (
          <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="no-email">
            {t("settings.notifications.noEmail")}
          </Alert>
        )}

        <Table verticalSpacing="sm" aria-label={t("settings.notifications.table")} data-testid="notification-kinds">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("settings.notifications.kindColumn")}</Table.Th>
              <Table.Th scope="col" ta="center" w={90}>
                {t("settings.notifications.inApp")}
              </Table.Th>
              <Table.Th scope="col" ta="center" w={90}>
                {t("settings.notifications.email")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {saved.channels.map((row) => (
              <KindRow
                key={row.kind}
                row={row}
                choice={draft.channels[row.kind] ?? row}
                onChange={(channel, on) => setChannel(row.kind, channel, on)}
              />
            ))}
          </Table.Tbody>
        </Table>

        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Title order={3} size="h4" component="legend">
            <IconMoon size={18} aria-hidden style={{ verticalAlign: "-2px", marginInlineEnd: 6 }} />
            {t("settings.notifications.quiet.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("settings.notifications.quiet.intro")}
          </Text>
          <Switch
            label={t("settings.notifications.quiet.enable")}
            checked={draft.quietOn}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setDraft((d) => ({ ...d, quietOn: on }));
              setQuietErrors({});
            }}
            data-testid="quiet-enabled"
          />
          {draft.quietOn ? (
            <>
              <Group gap="sm" align="flex-start" wrap="wrap">
                <TextInput
                  type="time"
                  label={t("settings.notifications.quiet.start")}
                  value={draft.start}
                  onChange={(e) => {
                    const start = e.currentTarget.value;
                    setDraft((d) => ({ ...d, start }));
                    setQuietErrors(({ start: _, ...rest }) => rest);
                  }}
                  error={quietErrors.start}
                  required
                  w={140}
                  data-testid="quiet-start"
                />
                <TextInput
                  type="time"
                  label={t("settings.notifications.quiet.end")}
                  value={draft.end}
                  onChange={(e) => {
                    const end = e.currentTarget.value;
                    setDraft((d) => ({ ...d, end }));
                    setQuietErrors(({ end: _, ...rest }) => rest);
                  }}
                  error={quietErrors.end}
                  required
                  w={140}
                  data-testid="quiet-end"
                />
              </Group>
              <Text size="sm" c="dimmed" data-testid="quiet-zone">
                {t("settings.notifications.quiet.zone", { zone: user.timeZone })}{" "}
                {overnight ? t("settings.notifications.quiet.overnight", { start: draft.start, end: draft.end }) : null}
              </Text>
            </>
          ) : null}
        </Stack>

        {failure ? <ErrorAlert error={failure} title={t("settings.notifications.failed")} /> : null}
        <Group>
          <Button
            type="submit"
            loading={busy}
            disabled={!dirty}
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            data-testid="notification-settings-save"
          >
            {t("settings.notifications.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A locked switch still reads "on": the primary colour, faded, rather than the grey of "off". */
const LOCKED_STYLES = {
  track: {
    backgroundColor: "var(--mantine-primary-color-filled)",
    borderColor: "var(--mantine-primary-color-filled)",
    opacity: 0.6,
    cursor: "not-allowed",
  },
  thumb: { backgroundColor: "var(--mantine-color-white)", borderColor: "var(--mantine-primary-color-filled)" },
};

function KindRow({
  row,
  choice,
  onChange,
}: {
  row: NotificationPreferenceRow;
  choice: ChannelChoice;
  onChange: (channel: keyof ChannelChoice, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const { label, help } = kindLabel(t, row.kind);
  const noteId = `kind-note-${row.kind.replace(/\W/g, "-")}`;
  const lockedSwitch = (name: string) => (
    <Tooltip label={t("settings.notifications.locked")} multiline w={260} withArrow>
      <Box component="span" style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
        <Switch checked disabled aria-label={name} aria-describedby={noteId} styles={LOCKED_STYLES} />
        <IconLock size={14} aria-hidden color="var(--mantine-color-dimmed)" />
      </Box>
    </Tooltip>
  );
  const inAppName = t("settings.notifications.switchInApp", { kind: label });
  const emailName = t("settings.notifications.switchEmail", { kind: label });
  return (
    <Table.Tr data-testid="notification-kind" data-kind={row.kind} data-locked={row.locked}>
      <Table.Td>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {label}
          </Text>
          {row.locked ? (
            <Badge color="red" variant="light" size="sm" leftSection={<IconLock size={10} aria-hidden />}>
              {t("settings.notifications.emergency")}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {help}
        </Text>
        {row.locked || row.mayBeEmergency ? (
          <Text size="xs" id={noteId} mt={2}>
            {row.locked ? t("settings.notifications.locked") : t("settings.notifications.mayBeEmergency")}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td ta="center">
        {row.locked ? (
          lockedSwitch(inAppName)
        ) : (
          <Switch
            checked={choice.inApp}
            onChange={(e) => onChange("inApp", e.currentTarget.checked)}
            aria-label={inAppName}
            style={{ display: "inline-block" }}
          />
        )}
      </Table.Td>
      <Table.Td ta="center">
        {row.locked ? (
          lockedSwitch(emailName)
        ) : (
          <Switch
            checked={choice.email}
            onChange={(e) => onChange("email", e.currentTarget.checked)}
            aria-label={emailName}
            style={{ display: "inline-block" }}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}

import { Button, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDeviceFloppy, IconWorld } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useActiveSession, useSession } from "../../app/session";
import { ErrorAlert } from "../../app/ui";
import { settingsApi } from "./settingsApi";

/** The zones this browser knows; the server checks the choice against its own list. */
function zones(current: string): string[] {
  const known = new Set(Intl.supportedValuesOf("timeZone"));
  known.add("UTC");
  known.add(current);
  return [...known].sort();
}

/** The user's time zone: the clock their quiet hours are read on. */
export function TimeZoneSettings() {
  const { t } = useTranslation();
  const { user } = useActiveSession();
  const { sessionChanged } = useSession();
  const [value, setValue] = useState<string>(user.timeZone);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const data = useMemo(() => zones(user.timeZone), [user.timeZone]);

  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      sessionChanged(await settingsApi.saveTimeZone(value));
      notifications.show({ color: "teal", message: t("settings.timeZone.saved") });
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "lg" }} component="section" aria-labelledby="tz-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="tz-title">
          <IconWorld size={22} aria-hidden style={{ verticalAlign: "-3px", marginInlineEnd: 8 }} />
          {t("settings.timeZone.title")}
        </Title>
        <Text size="sm">{t("settings.timeZone.intro")}</Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t("settings.timeZone.label")}
            placeholder={t("settings.timeZone.placeholder")}
            data={data}
            value={value}
            onChange={(v) => v && setValue(v)}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t("settings.timeZone.nothing")}
            maw={360}
            w="100%"
            data-testid="time-zone"
          />
          <Button
            variant="default"
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            onClick={() => void save()}
            loading={busy}
            disabled={value === user.timeZone}
          >
            {t("settings.timeZone.save")}
          </Button>
        </Group>
        {failure ? <ErrorAlert error={failure} title={t("settings.timeZone.failed")} /> : null}
      </Stack>
    </Paper>
  );
}

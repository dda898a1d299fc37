import { Badge, Box, Tooltip } from "@mantine/core";
import { IconClockHour4 } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { type ContactPointType, STALE_AFTER_DAYS } from "../../../shared/directory";
import { TYPE_COLORS, TYPE_KEYS } from "./labels";

/** Not confirmed for a long time: the details may be out of date. */
export function StaleBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip
      label={t("directory.staleHelp", { days: STALE_AFTER_DAYS })}
      events={{ hover: true, focus: true, touch: true }}
    >
      <Badge
        color="orange"
        variant="light"
        radius="sm"
        tt="none"
        leftSection={<IconClockHour4 size={12} aria-hidden />}
        data-testid="stale-badge"
        tabIndex={0}
      >
        {t("directory.stale")}
      </Badge>
    </Tooltip>
  );
}

export function TypeBadge({ type }: { type: ContactPointType }) {
  const { t } = useTranslation();
  return (
    <Badge
      size="sm"
      variant="outline"
      color="gray"
      radius="sm"
      tt="none"
      leftSection={
        <Box component="span" w={8} h={8} style={{ borderRadius: 2, background: TYPE_COLORS[type] }} aria-hidden />
      }
    >
      {t(TYPE_KEYS[type])}
    </Badge>
  );
}

export function OpenBadge({ open, available247 }: { open: boolean; available247: boolean }) {
  const { t } = useTranslation();
  if (available247) {
    return (
      <Badge size="sm" color="teal" variant="filled" radius="sm" tt="none">
        {t("directory.cp.always")}
      </Badge>
    );
  }
  return (
    <Badge size="sm" color={open ? "teal" : "red"} variant="light" radius="sm" tt="none">
      {open ? t("directory.cp.openNow") : t("directory.cp.closed")}
    </Badge>
  );
}

import { Badge } from "@mantine/core";
import { IconAlertTriangle, IconArchive, IconClockExclamation, IconLockAccess } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { RequestState } from "../../../shared/requests";
import { STATE_COLORS, STATE_KEYS } from "./labels";

export function StateBadge({ state, size = "sm" }: { state: RequestState; size?: "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATE_COLORS[state]}
      variant="light"
      radius="sm"
      tt="none"
      size={size}
      data-testid="state-badge"
      data-state={state}
    >
      {t(STATE_KEYS[state])}
    </Badge>
  );
}

/** Red and with an icon: never told apart by colour alone. */
export function EmergencyBadge({ size = "sm" }: { size?: "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge
      color="red"
      variant="filled"
      radius="sm"
      tt="none"
      size={size}
      leftSection={<IconAlertTriangle size={12} aria-hidden />}
      data-testid="emergency-badge"
    >
      {t("requests.emergency")}
    </Badge>
  );
}

/** A training exercise: labelled wherever the request shows. */
export function ExerciseBadge({ size = "sm" }: { size?: "sm" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge color="grape" variant="outline" radius="sm" tt="none" size={size} data-testid="exercise-badge">
      {t("requests.exerciseBadge")}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      color="red"
      variant="light"
      radius="sm"
      tt="none"
      size="sm"
      leftSection={<IconClockExclamation size={12} aria-hidden />}
      data-testid="overdue-badge"
    >
      {t("requests.overdue")}
    </Badge>
  );
}

/** Its content was removed by the retention purge; the number still counts in the statistics. */
export function PurgedBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      color="gray"
      variant="outline"
      radius="sm"
      tt="none"
      size="sm"
      leftSection={<IconArchive size={12} aria-hidden />}
      data-testid="purged-badge"
    >
      {t("requests.purged.badge")}
    </Badge>
  );
}

/** Special categories of data (SAP Art. 14(4)): only its handlers (and the Parties' admins) open it. */
export function SensitiveBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      color="grape"
      variant="light"
      radius="sm"
      tt="none"
      size="sm"
      leftSection={<IconLockAccess size={12} aria-hidden />}
      data-testid="sensitive-badge"
    >
      {t("requests.needToKnow.sensitiveBadge")}
    </Badge>
  );
}

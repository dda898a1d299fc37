import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import {
  IconCheck,
  IconCircleCheck,
  IconCircleHalf2,
  IconCircleX,
  IconLock,
  IconPlayerPlay,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RequestDetail } from "../../../../shared/requests";
import { ACTION_KEYS, TRANSITION_ACTIONS, type TransitionAction } from "../labels";
import { TransitionModal } from "./TransitionModal";

const LOOK: Record<
  TransitionAction,
  { icon: typeof IconCheck; variant: "filled" | "light" | "default" | "outline"; color?: string }
> = {
  acknowledged: { icon: IconCheck, variant: "filled" },
  in_progress: { icon: IconPlayerPlay, variant: "light" },
  executed: { icon: IconCircleCheck, variant: "filled", color: "teal" },
  partially_executed: { icon: IconCircleHalf2, variant: "light", color: "teal" },
  refused: { icon: IconCircleX, variant: "outline", color: "red" },
  closed: { icon: IconLock, variant: "default" },
};

/** The steps the server lets this viewer take now (`actions`), each confirmed in a dialog. */
export function ActionBar({
  detail,
  onChanged,
  onConflict,
}: {
  detail: RequestDetail;
  onChanged: (detail: RequestDetail) => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<TransitionAction | null>(null);
  const available = TRANSITION_ACTIONS.filter((a) => detail.actions.includes(a));
  if (available.length === 0) return null;

  return (
    <Paper withBorder radius="md" p="md" data-testid="actions">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t("requests.action.title")}
        </Text>
        <Group gap="xs">
          {available.map((action) => {
            const look = LOOK[action];
            return (
              <Button
                key={action}
                variant={look.variant}
                color={look.color}
                leftSection={<look.icon size={16} aria-hidden />}
                onClick={() => setOpen(action)}
                size={action === "acknowledged" ? "md" : "sm"}
              >
                {t(ACTION_KEYS[action].button)}
              </Button>
            );
          })}
        </Group>
      </Stack>
      {open ? (
        <TransitionModal
          detail={detail}
          to={open}
          onClose={() => setOpen(null)}
          onDone={(next) => {
            setOpen(null);
            onChanged(next);
          }}
          onConflict={onConflict}
        />
      ) : null}
    </Paper>
  );
}

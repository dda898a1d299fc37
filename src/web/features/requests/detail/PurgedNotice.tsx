import { Alert, Stack, Text } from "@mantine/core";
import { IconArchive } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { PurgeInfo } from "../../../../shared/requests";
import { currentLocale } from "../../../i18n";
import { formatMoment } from "../time";

/**
 * A request whose content the retention purge removed: the page says when and under which rule,
 * instead of failing; what remains (number, type, Parties, state, dates) is shown below it.
 */
export function PurgedNotice({ purged, viewerZone }: { purged: PurgeInfo; viewerZone: string }) {
  const { t } = useTranslation();
  const date = formatMoment(purged.at, currentLocale(), viewerZone);
  const rule =
    purged.basis === "final"
      ? t("requests.purged.ruleFinal", { count: purged.days })
      : t("requests.purged.ruleOpen", { count: purged.days });
  return (
    <Alert color="gray" variant="light" icon={<IconArchive aria-hidden />} data-testid="purged-notice" role="status">
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t("requests.purged.title", { date })}
        </Text>
        <Text size="sm">{t("requests.purged.rule", { rule })}</Text>
        <Text size="sm" c="dimmed">
          {t("requests.purged.kept")}
        </Text>
      </Stack>
    </Alert>
  );
}

import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconEyeOff, IconLock, IconShieldCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { HandlingConditions } from "../../../../shared/requests";
import { ONWARD_SHARING_KEYS } from "../labels";
import { Fact } from "./Fact";

/**
 * The sender's conditions, at the top of every view of the request: using the data only for the
 * stated purpose and sharing them on only with permission are legal duties (Second Additional
 * Protocol Art. 14(2) and 14(10)), so they are read before anything else.
 */
export function HandlingConditionsPanel({ conditions }: { conditions: HandlingConditions | null }) {
  const { t } = useTranslation();
  return (
    <Paper
      component="section"
      aria-labelledby="handling-conditions-title"
      withBorder
      radius="md"
      p="md"
      style={{ borderColor: "var(--mantine-color-orange-6)", borderWidth: 2 }}
      data-testid="handling-conditions"
    >
      <Stack gap="sm">
        <Group gap="xs" justify="space-between">
          <Group gap={6}>
            <IconShieldCheck size={20} color="var(--mantine-color-orange-6)" aria-hidden />
            <Title order={2} size="h4" id="handling-conditions-title">
              {t("requests.block.handlingConditions")}
            </Title>
          </Group>
          <Group gap={4}>
            {conditions?.confidential ? (
              <Badge
                color="orange"
                variant="light"
                radius="sm"
                tt="none"
                leftSection={<IconEyeOff size={12} aria-hidden />}
              >
                {t("requests.handling.confidentialBadge")}
              </Badge>
            ) : null}
            {conditions?.sensitive ? (
              <Badge
                color="grape"
                variant="light"
                radius="sm"
                tt="none"
                leftSection={<IconLock size={12} aria-hidden />}
              >
                {t("requests.handling.sensitiveBadge")}
              </Badge>
            ) : null}
          </Group>
        </Group>
        {conditions ? (
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs" m={0}>
            <Fact label={t("requests.handling.purpose")}>{conditions.purpose}</Fact>
            <Fact label={t("requests.handling.useLimits")}>
              {conditions.useLimits || t("requests.handling.noLimits")}
            </Fact>
            <Fact label={t("requests.handling.onwardSharing")}>{t(ONWARD_SHARING_KEYS[conditions.onwardSharing])}</Fact>
            <Fact label={t("requests.handling.confidentialShort")}>
              {conditions.confidential ? t("requests.handling.confidential") : t("requests.handling.notConfidential")}
            </Fact>
          </SimpleGrid>
        ) : (
          <Text size="sm">{t("requests.handling.none")}</Text>
        )}
      </Stack>
    </Paper>
  );
}

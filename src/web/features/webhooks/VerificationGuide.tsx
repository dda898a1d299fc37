import { Accordion, Box, Code, Group, List, Stack, Text } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { CopyText } from "../../app/CopyText";
import type { TranslationKey } from "../../i18n/keys";
import { VERIFY_EXAMPLE } from "./verifyExample";

const HEADERS: readonly { name: string; key: TranslationKey }[] = [
  { name: "X-Vigil-Event", key: "webhooks.verify.event" },
  { name: "X-Vigil-Delivery", key: "webhooks.verify.delivery" },
  { name: "X-Vigil-Timestamp", key: "webhooks.verify.timestamp" },
  { name: "X-Vigil-Signature", key: "webhooks.verify.signature" },
];

/** What a national system's developer needs to accept deliveries safely: headers, checks, an example. */
export function VerificationGuide() {
  const { t } = useTranslation();
  return (
    <Accordion variant="contained" radius="md" chevronPosition="right">
      <Accordion.Item value="verify">
        <Accordion.Control icon={<IconShieldCheck size={20} aria-hidden />}>
          <Text fw={600} size="sm">
            {t("webhooks.verify.title")}
          </Text>
        </Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm" data-testid="webhooks-verify">
            <Text size="sm">{t("webhooks.verify.intro")}</Text>
            <Box component="dl" m={0}>
              {HEADERS.map((header) => (
                <Box key={header.name} mb={6}>
                  <Text component="dt" size="sm" fw={600}>
                    <Code>{header.name}</Code>
                  </Text>
                  <Text component="dd" size="sm" m={0} ml="md">
                    {t(header.key)}
                  </Text>
                </Box>
              ))}
            </Box>
            <Text size="sm">{t("webhooks.verify.stepsTitle")}</Text>
            <List type="ordered" size="sm" spacing={4} withPadding>
              <List.Item>{t("webhooks.verify.stepSignature")}</List.Item>
              <List.Item>{t("webhooks.verify.stepTimestamp")}</List.Item>
              <List.Item>{t("webhooks.verify.stepDuplicate")}</List.Item>
            </List>
            <Text size="sm">{t("webhooks.verify.answer")}</Text>
            <Group justify="space-between" align="center" gap="xs">
              <Text size="sm" fw={600} id="webhooks-example-title">
                {t("webhooks.verify.exampleTitle")}
              </Text>
              <CopyText
                value={VERIFY_EXAMPLE}
                label={t("webhooks.verify.copyExample")}
                copiedLabel={t("common.copied")}
              />
            </Group>
            <Code
              block
              aria-labelledby="webhooks-example-title"
              // On a phone the code scrolls sideways inside its box instead of widening the page.
              style={{ overflowX: "auto", maxWidth: "100%", fontSize: "var(--mantine-font-size-xs)" }}
            >
              {VERIFY_EXAMPLE}
            </Code>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

import { Accordion, Code, Group, Stack, Text } from "@mantine/core";
import { IconTerminal2 } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { CopyText } from "../../app/CopyText";
import { usageExample } from "./usageExample";

/** What a national system's developer needs to call Vigil with a token, with an example to copy. */
export function UsageGuide() {
  const { t } = useTranslation();
  const example = usageExample(window.location.origin);
  return (
    <Accordion variant="contained" radius="md" chevronPosition="right">
      <Accordion.Item value="usage">
        <Accordion.Control icon={<IconTerminal2 size={20} aria-hidden />}>
          <Text fw={600} size="sm">
            {t("apiTokens.usage.title")}
          </Text>
        </Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm" data-testid="api-tokens-usage">
            <Text size="sm">{t("apiTokens.usage.intro")}</Text>
            <Text size="sm">{t("apiTokens.usage.verify")}</Text>
            <Group justify="space-between" align="center" gap="xs">
              <Text size="sm" fw={600} id="api-tokens-example-title">
                {t("apiTokens.usage.exampleTitle")}
              </Text>
              <CopyText value={example} label={t("apiTokens.usage.copyExample")} copiedLabel={t("common.copied")} />
            </Group>
            <Code
              block
              aria-labelledby="api-tokens-example-title"
              style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
            >
              {example}
            </Code>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

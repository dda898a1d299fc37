import { Alert, Button, Code, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconCheck } from "@tabler/icons-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { CopyText } from "../../app/CopyText";

/**
 * A token just created. The server gives it once and never again: it stays on screen, with a
 * warning, until the admin says it is stored; leaving the page asks first.
 */
export function TokenReveal({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLSpanElement>(null);

  // Focus moves here from the form so that a screen reader announces the warning first.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  return (
    <Alert
      color="orange"
      variant="light"
      radius="md"
      icon={<IconAlertTriangle aria-hidden />}
      title={
        <span ref={heading} tabIndex={-1} style={{ outline: "none" }}>
          {t("apiTokens.reveal.title")}
        </span>
      }
      data-testid="api-token-reveal"
    >
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t("apiTokens.reveal.warning")}
        </Text>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {t("apiTokens.reveal.for", { name })}
        </Text>
        <Stack gap={4}>
          <Text size="sm" id="api-token-value-label">
            {t("apiTokens.reveal.label")}
          </Text>
          <Group gap="xs" wrap="wrap" align="center">
            <Code
              aria-labelledby="api-token-value-label"
              data-testid="api-token-value"
              style={{
                flex: "1 1 16rem",
                minWidth: 0,
                display: "block",
                padding: "var(--mantine-spacing-xs)",
                fontSize: "var(--mantine-font-size-sm)",
                // A long token wraps on a phone rather than widening the page.
                overflowWrap: "anywhere",
                userSelect: "all",
              }}
            >
              {token}
            </Code>
            <CopyText value={token} label={t("apiTokens.reveal.copy")} copiedLabel={t("common.copied")} size="sm" />
          </Group>
        </Stack>
        <Group>
          <Button
            variant="default"
            leftSection={<IconCheck size={16} aria-hidden />}
            onClick={onDone}
            data-testid="api-token-reveal-done"
          >
            {t("apiTokens.reveal.done")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

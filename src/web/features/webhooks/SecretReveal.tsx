import { Alert, Button, Code, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconCheck } from "@tabler/icons-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { CopyText } from "../../app/CopyText";

/**
 * The signing secret of a webhook just added. The server gives it once and never again: it stays
 * on screen, with a warning, until the admin says it is stored; leaving the page asks first.
 */
export function SecretReveal({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLDivElement>(null);

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
          {t("webhooks.secret.title")}
        </span>
      }
      data-testid="webhook-secret"
    >
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t("webhooks.secret.warning")}
        </Text>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {t("webhooks.secret.for", { url })}
        </Text>
        <Stack gap={4}>
          <Text size="sm" id="webhook-secret-label">
            {t("webhooks.secret.label")}
          </Text>
          <Group gap="xs" wrap="wrap" align="center">
            <Code
              aria-labelledby="webhook-secret-label"
              data-testid="webhook-secret-value"
              style={{
                flex: "1 1 16rem",
                minWidth: 0,
                display: "block",
                padding: "var(--mantine-spacing-xs)",
                fontSize: "var(--mantine-font-size-sm)",
                // A long secret wraps on a phone rather than widening the page.
                overflowWrap: "anywhere",
                userSelect: "all",
              }}
            >
              {secret}
            </Code>
            <CopyText value={secret} label={t("webhooks.secret.copy")} copiedLabel={t("common.copied")} size="sm" />
          </Group>
        </Stack>
        <Group>
          <Button
            variant="default"
            leftSection={<IconCheck size={16} aria-hidden />}
            onClick={onDone}
            data-testid="webhook-secret-done"
          >
            {t("webhooks.secret.done")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

import { Alert, Button, Code, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconCheck } from "@tabler/icons-react";
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { CopyText } from "./CopyText";

/**
 * A secret the server gives once and never again (a webhook's signing secret, an API token): it
 * stays on screen, with a warning, until the admin says it is stored; leaving the page asks first.
 */
export function ShownOnce(props: {
  value: string;
  words: { title: string; warning: string; context: string; label: string; copy: string; done: string };
  testIds: { root: string; value: string; done: string };
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLSpanElement>(null);
  const labelId = useId();

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

  const { words, testIds, value } = props;
  return (
    <Alert
      color="orange"
      variant="light"
      radius="md"
      icon={<IconAlertTriangle aria-hidden />}
      title={
        <span ref={heading} tabIndex={-1} style={{ outline: "none" }}>
          {words.title}
        </span>
      }
      data-testid={testIds.root}
    >
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {words.warning}
        </Text>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {words.context}
        </Text>
        <Stack gap={4}>
          <Text size="sm" id={labelId}>
            {words.label}
          </Text>
          <Group gap="xs" wrap="wrap" align="center">
            <Code
              aria-labelledby={labelId}
              data-testid={testIds.value}
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
              {value}
            </Code>
            <CopyText value={value} label={words.copy} copiedLabel={t("common.copied")} size="sm" />
          </Group>
        </Stack>
        <Group>
          <Button
            variant="default"
            leftSection={<IconCheck size={16} aria-hidden />}
            onClick={props.onDone}
            data-testid={testIds.done}
          >
            {words.done}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

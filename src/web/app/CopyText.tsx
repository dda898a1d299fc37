import { Button, CopyButton } from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";

/** A "Copy" button whose label says what it copies; it confirms for two seconds. */
export function CopyText({
  value,
  label,
  copiedLabel,
  size = "compact-sm",
}: {
  value: string;
  label: string;
  copiedLabel: string;
  size?: "compact-sm" | "sm";
}) {
  return (
    <CopyButton value={value} timeout={2000}>
      {({ copied, copy }) => (
        <Button
          size={size}
          variant="light"
          color={copied ? "teal" : undefined}
          leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
          onClick={copy}
          aria-live="polite"
        >
          {copied ? copiedLabel : label}
        </Button>
      )}
    </CopyButton>
  );
}

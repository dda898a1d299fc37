import { Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** One labelled value of a request, in a description list (<dl>). */
export function Fact({ label, children, mono = false }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={700} component="dt">
        {label}
      </Text>
      <Text
        size="sm"
        component="dd"
        m={0}
        ff={mono ? "monospace" : undefined}
        style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
      >
        {children}
      </Text>
    </Stack>
  );
}

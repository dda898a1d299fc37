import { Alert, Stack, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import type { Ref } from "react";

/**
 * The box at the top of a form that failed: how many problems, and those that belong to no
 * visible field (the others show beside their input). Focusable, so the form can move the
 * keyboard and the screen reader to it when no field takes the focus.
 */
export function ErrorSummary(props: {
  ref?: Ref<HTMLDivElement>;
  title: string;
  /** Shown when every problem sits beside its field. */
  hint: string;
  /** [path, message] of the problems without a field on screen. */
  elsewhere: [string, string][];
  testId?: string;
}) {
  return (
    <Alert
      ref={props.ref}
      tabIndex={-1}
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      role="alert"
      title={props.title}
      data-testid={props.testId}
    >
      {props.elsewhere.length > 0 ? (
        <Stack gap={2}>
          {props.elsewhere.map(([path, message]) => (
            <Text size="sm" key={path}>
              {message}
            </Text>
          ))}
        </Stack>
      ) : (
        <Text size="sm">{props.hint}</Text>
      )}
    </Alert>
  );
}

import { type MantineSpacing, Paper, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { ErrorSummary } from "./ErrorSummary";
import { ErrorAlert, PageHeader } from "./ui";
import type { SchemaForm } from "./useSchemaForm";

/**
 * The frame of a form run by useSchemaForm: the form element, then the error summary (with the
 * errors that have no field on screen) and the alert of any other failure, then the fields.
 * With `page`, the form is a page of its own: its header, and the form in a card below it.
 */
export function FormFrame(props: {
  form: SchemaForm;
  onSubmit: (event: React.FormEvent) => unknown;
  /** The form's test id; its summary's is the same with "-errors". */
  testId: string;
  errorTitle: string;
  errorHint: string;
  failureTitle?: string;
  page?: { title: string; description: ReactNode };
  /** Shown above the summary (the form's own heading, say). */
  heading?: ReactNode;
  gap?: MantineSpacing;
  maw?: number;
  children: ReactNode;
}) {
  const { form } = props;
  const frame = (
    <form onSubmit={props.onSubmit} noValidate data-testid={props.testId}>
      <Stack gap={props.gap ?? "md"} maw={props.maw}>
        {props.heading}
        {Object.keys(form.errors).length > 0 ? (
          <ErrorSummary
            ref={form.summaryRef}
            title={props.errorTitle}
            hint={props.errorHint}
            elsewhere={form.elsewhere}
            testId={`${props.testId}-errors`}
          />
        ) : null}
        {form.failure ? <ErrorAlert error={form.failure} title={props.failureTitle} /> : null}
        {props.children}
      </Stack>
    </form>
  );
  if (!props.page) return frame;
  return (
    <>
      <PageHeader title={props.page.title} description={props.page.description} />
      <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} maw={820}>
        {frame}
      </Paper>
    </>
  );
}

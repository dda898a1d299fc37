import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { type FieldErrors, type KnownMessages, schemaErrors, serverErrors } from "../features/directory/issues";
import { ApiError } from "./api";

/** The field a path is shown on when the form gives no other rule: the path itself. */
const samePath = (path: string) => path;

/**
 * The state of a form checked with a shared schema before it is sent: its errors (the schema's in the
 * browser, then the server's 400 issues), the failure of anything else, and the busy flag. The
 * errors of paths with no field on screen are `elsewhere`, for the summary at the top
 * (see FormFrame), which takes the focus when errors are shown.
 */
export function useSchemaForm<S extends z.ZodType>(options: {
  schema: S;
  /** The schema's own messages, worded in the UI language. */
  messages: KnownMessages;
  /** The fields on screen; an error on any other field goes in the summary. */
  fields: readonly string[];
  /** The field a path is shown on ("countries.2" on "countries", say); by default the path itself. */
  fieldOf?: (path: string) => string;
}) {
  const { schema, messages, fields, fieldOf = samePath } = options;
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  /** The first message for each field on screen. */
  const fieldErrors: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) fieldErrors[fieldOf(path)] ??= message;
  const elsewhere = Object.entries(errors).filter(([path]) => !fields.includes(fieldOf(path)));

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  /**
   * The form's submit handler: `build` gives what the form holds (null when it has shown errors of
   * its own), the schema checks it, then `send` gets the parsed data and the value as built.
   */
  const handleSubmit =
    <V>(build: () => V | null, send: (data: z.output<S>, value: V) => Promise<void>) =>
    async (event: React.FormEvent) => {
      event.preventDefault();
      setFailure(null);
      const built = build();
      if (built === null) return;
      const parsed = schema.safeParse(built);
      if (!parsed.success) {
        showErrors(schemaErrors(t, parsed.error, messages));
        return;
      }
      setErrors({});
      setBusy(true);
      try {
        await send(parsed.data, built);
      } catch (e) {
        if (e instanceof ApiError && e.status === 400 && e.issues.length > 0) {
          showErrors(serverErrors(t, e.issues, [], messages));
        } else setFailure(e);
      } finally {
        setBusy(false);
      }
    };

  return { errors, fieldErrors, elsewhere, failure, busy, summaryRef, showErrors, handleSubmit };
}

export type SchemaForm = Pick<ReturnType<typeof useSchemaForm>, "errors" | "elsewhere" | "failure" | "summaryRef">;

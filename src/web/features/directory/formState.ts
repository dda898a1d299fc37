import { useMemo, useState } from "react";
import type { z } from "zod";
import { ApiError } from "../../app/api";
import type { FieldErrors } from "./issues";

/**
 * Repeatable rows (phones, e-mails…) are sent without the blank ones, so an error on "phones.0"
 * may concern the second row on screen. Each list records, for every row sent, its row on screen.
 */
export type RowMaps = Record<string, number[]>;

/** Rewrites a path of the sent object ("phones.0.number") into the form's ("phones.1.number"). */
export function remapPath(path: string, maps: RowMaps): string {
  const [list, index, ...rest] = path.split(".");
  if (list === undefined || index === undefined || !/^\d+$/.test(index)) return path;
  const map = maps[list];
  const row = map?.[Number(index)];
  return row === undefined ? path : [list, String(row), ...rest].join(".");
}

function valueAt(root: unknown, path: string): unknown {
  if (!path) return root;
  let value: unknown = root;
  for (const segment of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

type ServerError = { message: string; snapshot: string };

/**
 * The state of a form checked with a shared Zod schema: errors appear once the user has tried to
 * send it, then follow each change; an error from the server stays next to its field until that
 * field is changed.
 */
export function useSchemaForm<D, S extends z.ZodType>(options: {
  initial: D;
  schema: S;
  toInput: (draft: D) => { input: unknown; maps: RowMaps };
  wordErrors: (error: z.ZodError) => FieldErrors;
  wordServerErrors: (error: ApiError) => FieldErrors;
}) {
  const { schema, toInput, wordErrors, wordServerErrors } = options;
  const [draft, setDraft] = useState<D>(options.initial);
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<Record<string, ServerError>>({});
  const [submitting, setSubmitting] = useState(false);

  const { input, maps } = useMemo(() => toInput(draft), [draft, toInput]);
  const parsed = useMemo(() => schema.safeParse(input), [schema, input]);

  const clientErrors = useMemo<FieldErrors>(() => {
    if (!attempted || parsed.success) return {};
    const out: FieldErrors = {};
    for (const [path, message] of Object.entries(wordErrors(parsed.error))) out[remapPath(path, maps)] ??= message;
    return out;
  }, [attempted, parsed, wordErrors, maps]);

  const errors = useMemo<FieldErrors>(() => {
    const out: FieldErrors = { ...clientErrors };
    for (const [path, entry] of Object.entries(server)) {
      if (JSON.stringify(valueAt(draft, path)) === entry.snapshot) out[path] ??= entry.message;
    }
    return out;
  }, [clientErrors, server, draft]);

  /** Checks, then sends; returns true when the server accepted it. */
  const submit = async (send: (value: z.output<S>) => Promise<void>): Promise<boolean> => {
    setAttempted(true);
    setServer({});
    if (!parsed.success) return false;
    setSubmitting(true);
    try {
      await send(parsed.data);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.issues.length > 0) {
        const next: Record<string, ServerError> = {};
        for (const [path, message] of Object.entries(wordServerErrors(error))) {
          const onScreen = remapPath(path, maps);
          next[onScreen] = { message, snapshot: JSON.stringify(valueAt(draft, onScreen)) };
        }
        setServer(next);
        return false;
      }
      throw error;
    } finally {
      setSubmitting(false);
    }
  };

  return { draft, setDraft, errors, submit, submitting, attempted };
}

let rowCounter = 0;
/** A stable key for a new repeatable row (React needs one that survives removing a row above it). */
export function rowKey(): number {
  rowCounter += 1;
  return rowCounter;
}

/** Keeps the rows that hold something, and notes where each one sits on screen. */
export function keepFilled<T, O>(
  rows: readonly T[],
  filled: (row: T) => boolean,
  convert: (row: T) => O,
): { values: O[]; map: number[] } {
  const values: O[] = [];
  const map: number[] = [];
  rows.forEach((row, index) => {
    if (!filled(row)) return;
    values.push(convert(row));
    map.push(index);
  });
  return { values, map };
}

/** "" → undefined, so that an empty note is not stored as an empty string. */
export const orUndefined = (value: string): string | undefined => (value.trim() ? value : undefined);

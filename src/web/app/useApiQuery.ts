import { useCallback, useEffect, useEffectEvent, useState } from "react";
import { isAbortError } from "./api";

export type QueryState<T> =
  | { status: "loading"; data?: undefined; error?: undefined }
  | { status: "error"; data?: undefined; error: unknown }
  | { status: "success"; data: T; error?: undefined };

/**
 * Loads data for a page, cancels the request when the page goes away, and offers a retry.
 * `key` identifies what is loaded: the request is made again whenever it changes.
 */
export function useApiQuery<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): QueryState<T> & { retry: () => void } {
  const [state, setState] = useState<QueryState<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  // The loader is usually an inline function: as an effect event it does not restart the effect.
  const run = useEffectEvent((signal: AbortSignal) => load(signal));

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and attempt are the triggers: a new key or a retry loads again.
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    run(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: "success", data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbortError(error)) setState({ status: "error", error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}

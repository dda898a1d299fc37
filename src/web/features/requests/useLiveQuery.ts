import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { isAbortError } from "../../app/api";
import { useLiveEvents } from "../notifications/live";

export type LiveQuery<T> = {
  /** The latest answer; while `stale`, it is the answer for the previous key. */
  data: T | null;
  stale: boolean;
  /** The latest load failed; what was loaded before stays shown. */
  error: unknown;
  /** Nothing to show yet. */
  loading: boolean;
  refresh: () => void;
  /** Shows an answer the server just gave (after an action) without waiting for a reload. */
  replace: (data: T) => void;
};

/**
 * Data for a page that changes while it is open (a request is acknowledged on the other side of
 * the world): loaded again when `key` changes, when the server's event stream says something
 * happened, when the page is shown again, and every `intervalMs` as a safety net. A reload never
 * blanks what is shown.
 */
export function useLiveQuery<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  intervalMs = 60_000,
  /** Which server events reload it (see useLiveEvents). */
  events: readonly string[] = ["notification"],
): LiveQuery<T> {
  const [state, setState] = useState<{ key: string; data: T | null; error: unknown }>({ key, data: null, error: null });
  const inFlight = useRef<AbortController | null>(null);
  const loadRef = useRef(load);
  const keyRef = useRef(key);
  useLayoutEffect(() => {
    loadRef.current = load;
    keyRef.current = key;
  });

  const refresh = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    const forKey = keyRef.current;
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key: forKey, data, error: null });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        setState((s) => (s.key === forKey ? { ...s, error } : { key: forKey, data: null, error }));
      },
    );
  }, []);

  const replace = useCallback((data: T) => {
    inFlight.current?.abort();
    setState({ key: keyRef.current, data, error: null });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key is the trigger: another key loads again.
  useEffect(() => {
    refresh();
    return () => inFlight.current?.abort();
  }, [key, refresh]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") refresh();
    }, intervalMs);
    const onVisible = () => {
      if (document.visibilityState === "visible") refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [intervalMs, refresh]);

  useLiveEvents(refresh, refresh, events);

  const stale = state.key !== key;
  return {
    data: state.data,
    stale,
    error: stale ? null : state.error,
    loading: state.data === null && (stale || state.error === null),
    refresh,
    replace,
  };
}

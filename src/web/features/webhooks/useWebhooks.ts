import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { WebhookDelivery } from "../../../shared/webhooks";
import { isAbortError } from "../../app/api";
import { type Webhook, webhooksApi } from "./webhooksApi";

/** How often an open delivery log asks for news (the outbox worker sends every few seconds). */
export const DELIVERIES_REFRESH_MS = 10_000;

/**
 * A value loaded from the server and loaded again on demand; a reload never blanks what is already
 * shown, and a failed reload keeps it (with the error beside it).
 */
function useReloadable<T>(load: (signal: AbortSignal) => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  // The loader is an inline function: kept in a ref so that `refresh` stays the same function.
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });

  const refresh = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setRefreshing(true);
    loadRef.current(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setError(null);
        setUpdatedAt(new Date());
        setRefreshing(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted || isAbortError(e)) return;
        setError(e);
        setRefreshing(false);
      },
    );
  }, []);

  const stop = useCallback(() => {
    inFlight.current?.abort();
    inFlight.current = null;
    setRefreshing(false);
  }, []);

  return { data, setData, error, refreshing, updatedAt, refresh, stop };
}

export type WebhooksState = {
  webhooks: Webhook[] | null;
  error: unknown;
  refresh: () => void;
  /** Puts a webhook the server just answered with in the list, without waiting for a reload. */
  put: (webhook: Webhook) => void;
};

/** The caller's Party's webhooks. */
export function useWebhooks(): WebhooksState {
  const { data, setData, error, refresh, stop } = useReloadable((signal) => webhooksApi.list(signal));

  useEffect(() => {
    refresh();
    return stop;
  }, [refresh, stop]);

  const put = useCallback(
    (webhook: Webhook) =>
      setData((current) => {
        const list = current?.webhooks ?? [];
        const exists = list.some((w) => w.id === webhook.id);
        return { webhooks: exists ? list.map((w) => (w.id === webhook.id ? webhook : w)) : [webhook, ...list] };
      }),
    [setData],
  );

  return { webhooks: data?.webhooks ?? null, error, refresh, put };
}

export type DeliveriesState = {
  deliveries: WebhookDelivery[] | null;
  /** The latest load failed (what was loaded before stays shown). */
  error: unknown;
  refreshing: boolean;
  updatedAt: Date | null;
  refresh: () => void;
};

/**
 * One webhook's delivery log. While `open`, it is loaded at once, then every 10 s while the tab is
 * visible and as soon as it is shown again; closed, it asks nothing.
 */
export function useDeliveries(webhookId: string, open: boolean): DeliveriesState {
  const { data, error, refreshing, updatedAt, refresh, stop } = useReloadable((signal) =>
    webhooksApi.deliveries(webhookId, signal),
  );

  useEffect(() => {
    if (!open) return;
    refresh();
    const timer = window.setInterval(() => {
      // A tab in the background does not need a fresh log; it catches up when shown again.
      if (document.visibilityState === "visible") refresh();
    }, DELIVERIES_REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      stop();
    };
  }, [open, refresh, stop]);

  return { deliveries: data?.deliveries ?? null, error, refreshing, updatedAt, refresh };
}

import { useCallback, useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { MailboxList } from "../../../shared/notify";
import { ApiError, api, isAbortError } from "../../app/api";

export type MailboxMessage = z.infer<typeof MailboxList>["messages"][number];

/** How often an open mailbox page asks for new messages (the outbox worker delivers every 2 s). */
export const MAILBOX_REFRESH_MS = 10_000;

const PATH = "/api/dev/mailbox";

/** The server answers 404 when the mailbox does not exist (SMTP configured, or not in demo mode). */
function isOff(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export type MailboxState = {
  messages: MailboxMessage[] | null;
  /** The server says there is no development mailbox here. */
  off: boolean;
  /** The latest refresh failed (the last messages received stay shown). */
  error: unknown;
  refreshing: boolean;
  updatedAt: Date | null;
  refresh: () => void;
};

/**
 * The development mailbox, refreshed every 10 s while the page is visible and at once when it is
 * shown again; a refresh never blanks what is already on screen.
 */
export function useMailbox(): MailboxState {
  const [messages, setMessages] = useState<MailboxMessage[] | null>(null);
  const [off, setOff] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  const stopped = useRef(false);

  const refresh = useCallback(() => {
    if (stopped.current) return;
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setRefreshing(true);
    api.get(PATH, MailboxList, controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        setMessages(data.messages);
        setError(null);
        setUpdatedAt(new Date());
        setRefreshing(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted || isAbortError(e)) return;
        // A 404 will not change while this server runs: stop asking.
        if (isOff(e)) {
          stopped.current = true;
          setOff(true);
        } else setError(e);
        setRefreshing(false);
      },
    );
  }, []);

  useEffect(() => {
    stopped.current = false;
    refresh();
    const timer = window.setInterval(() => {
      // A tab in the background does not need fresh mail; it catches up when shown again.
      if (document.visibilityState === "visible") refresh();
    }, MAILBOX_REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      inFlight.current?.abort();
    };
  }, [refresh]);

  return { messages, off, error, refreshing, updatedAt, refresh };
}

/**
 * Whether this server has a development mailbox, asked once: true only when it answers. Anything
 * else (404 when it is off, a network failure) hides what leads to it.
 */
export function useMailboxAvailable(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    api.get(PATH, MailboxList, controller.signal).then(
      () => {
        if (!controller.signal.aborted) setAvailable(true);
      },
      () => {
        // Nothing to tell the user: the link simply stays hidden.
      },
    );
    return () => controller.abort();
  }, []);
  return available;
}

import { useEffect, useRef } from "react";

/**
 * Listens to the server's event stream (Server-Sent Events). The browser reconnects by itself
 * after a network drop; `onOpen` runs on each (re)connection so the caller can catch up on
 * anything missed while disconnected. `types`: which events (by default the notifications; a
 * ping test's page also listens to "ping", its progress). `onEvent` gets the notification's kind,
 * or the event's type for the others.
 */
export function useLiveEvents(
  onEvent: (kind: string) => void,
  onOpen: () => void,
  types: readonly string[] = ["notification"],
): void {
  const handlers = useRef({ onEvent, onOpen });
  handlers.current = { onEvent, onOpen };
  const typeList = types.join(",");
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/events");
    source.addEventListener("open", () => handlers.current.onOpen());
    for (const type of typeList.split(",")) {
      source.addEventListener(type, (e) => {
        if (type !== "notification") {
          handlers.current.onEvent(type);
          return;
        }
        try {
          handlers.current.onEvent(
            String((JSON.parse((e as MessageEvent<string>).data) as { kind?: string }).kind ?? ""),
          );
        } catch {
          handlers.current.onEvent("");
        }
      });
    }
    return () => source.close();
  }, [typeList]);
}

/** A short two-tone chime made on the spot (no sound file to ship); silent when the browser blocks audio. */
export function chime(): void {
  try {
    const Ctx =
      window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    const now = ctx.currentTime;
    for (const [i, freq] of [880, 1320].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, now + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.2, now + i * 0.18 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.18 + 0.16);
      osc.connect(gain).connect(ctx.destination);
      osc.start(now + i * 0.18);
      osc.stop(now + i * 0.18 + 0.17);
    }
    window.setTimeout(() => void ctx.close(), 600);
  } catch {
    // Audio is a courtesy: a browser that refuses it still shows the badge.
  }
}

/** The system notification, when the user allowed them; clicking it brings Vigil to the front. */
export function systemNotification(title: string, body: string, onClick: () => void): void {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  const n = new Notification(title, { body, tag: "vigil" });
  n.onclick = () => {
    window.focus();
    onClick();
    n.close();
  };
}

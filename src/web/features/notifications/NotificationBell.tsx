import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { IconBell, IconChecks } from "@tabler/icons-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { type NotificationItem, NotificationList } from "../../../shared/notify";
import { api, isAbortError } from "../../app/api";
import { errorMessage } from "../../app/errors";
import { currentLocale } from "../../i18n";
import { chime, systemNotification, useLiveEvents } from "./live";
import { notificationText } from "./messages";

/** How often the unread count is refreshed while the page stays open (and on every return to it). */
const REFRESH_MS = 30_000;

function when(value: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
}

/**
 * The header's bell: unread count, and a list of the latest notifications rendered in the UI
 * language. Opening one marks it read and goes where it points.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const [list, setList] = useState<NotificationList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [opened, setOpened] = useState(false);
  const [markingAll, setMarkingAll] = useState(false);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    api.get("/api/notifications", NotificationList, controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        setList(data);
        setError(null);
      },
      (e: unknown) => {
        // A failed refresh keeps the last known list; the popover says it could not refresh.
        if (!controller.signal.aborted && !isAbortError(e)) setError(e);
      },
    );
  }, []);

  useEffect(() => {
    load();
    const timer = window.setInterval(load, REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") load();
    };
    window.addEventListener("focus", load);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", load);
      document.removeEventListener("visibilitychange", onVisible);
      inFlight.current?.abort();
    };
  }, [load]);

  // Live: an event means "something for you"; the list itself is fetched with the user's rights.
  const seen = useRef<string | null>(null);
  useEffect(() => {
    const newest = list?.items[0];
    if (!newest) return;
    if (seen.current !== null && newest.id !== seen.current && !newest.readAt) {
      chime();
      systemNotification(t("directoryAdmin.notifications.title"), notificationText(t, newest, locale), () => {
        if (newest.link) navigate(newest.link);
      });
    }
    seen.current = newest.id;
  }, [list, t, locale, navigate]);
  useLiveEvents(
    () => load(),
    () => load(),
  );

  // The browser asks only after a click (a user gesture), and only while nothing was decided.
  const [canAskAlerts, setCanAskAlerts] = useState(
    () => typeof Notification !== "undefined" && Notification.permission === "default",
  );
  const askAlerts = async () => {
    await Notification.requestPermission();
    setCanAskAlerts(Notification.permission === "default");
  };

  const unread = list?.unread ?? 0;

  const open = (item: NotificationItem) => {
    setOpened(false);
    if (!item.readAt) {
      // Shown as read at once; the server is told in the background and the next refresh confirms it.
      setList((current) =>
        current
          ? {
              unread: Math.max(0, current.unread - 1),
              items: current.items.map((i) => (i.id === item.id ? { ...i, readAt: new Date().toISOString() } : i)),
            }
          : current,
      );
      api.post(`/api/notifications/${item.id}/read`).then(load, load);
    }
    if (item.link?.startsWith("/")) navigate(item.link);
  };

  const markAll = async () => {
    setMarkingAll(true);
    try {
      await api.post("/api/notifications/read-all");
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setMarkingAll(false);
      load();
    }
  };

  const label =
    unread > 0
      ? t("directoryAdmin.notifications.labelUnread", { count: unread })
      : t("directoryAdmin.notifications.label");

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width="min(380px, calc(100vw - 16px))"
      shadow="md"
      withArrow
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <Indicator
          label={unread > 99 ? "99+" : unread}
          size={18}
          offset={4}
          color="red"
          disabled={unread === 0}
          inline
          data-testid="notification-count"
          data-count={unread}
          data-loaded={list ? "true" : undefined}
        >
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={label}
            title={label}
            aria-haspopup="dialog"
            aria-expanded={opened}
            onClick={() => {
              setOpened((o) => !o);
              load();
            }}
          >
            <IconBell size={18} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-label={t("directoryAdmin.notifications.title")}>
        <Group justify="space-between" px="sm" py="xs" wrap="nowrap">
          <Text fw={600} size="sm">
            {t("directoryAdmin.notifications.title")}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} aria-hidden />}
            disabled={unread === 0}
            loading={markingAll}
            onClick={() => void markAll()}
          >
            {t("directoryAdmin.notifications.markAllRead")}
          </Button>
        </Group>
        <Divider />
        {error ? (
          <Alert color="red" variant="light" radius={0} p="xs" role="alert">
            <Text size="xs">{errorMessage(t, error, i18n.language)}</Text>
          </Alert>
        ) : null}
        {list && list.items.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            {t("directoryAdmin.notifications.empty")}
          </Text>
        ) : null}
        {list && list.items.length > 0 ? (
          <ScrollArea.Autosize mah="min(420px, 60dvh)" type="auto">
            <Stack gap={0} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {list.items.map((item) => (
                <li key={item.id}>
                  <UnstyledButton
                    onClick={() => open(item)}
                    w="100%"
                    px="sm"
                    py={8}
                    data-testid="notification"
                    data-kind={item.kind}
                    data-unread={item.readAt ? undefined : "true"}
                    style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
                  >
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Box
                        mt={6}
                        w={8}
                        h={8}
                        style={{
                          flexShrink: 0,
                          borderRadius: "50%",
                          background: item.readAt ? "transparent" : "var(--mantine-color-blue-filled)",
                        }}
                        aria-hidden
                      />
                      <Stack gap={2} miw={0}>
                        <Text size="sm" fw={item.readAt ? 400 : 600} style={{ overflowWrap: "anywhere" }}>
                          {item.readAt ? null : (
                            <VisuallyHidden component="span">{`${t("directoryAdmin.notifications.unread")} `}</VisuallyHidden>
                          )}
                          {notificationText(t, item, locale)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {when(item.createdAt, locale)}
                        </Text>
                      </Stack>
                    </Group>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        ) : null}
        {canAskAlerts ? (
          <>
            <Divider />
            <Box p="xs">
              <Button variant="subtle" size="xs" fullWidth onClick={() => void askAlerts()}>
                {t("directoryAdmin.notifications.enableAlerts")}
              </Button>
            </Box>
          </>
        ) : null}
      </Popover.Dropdown>
    </Popover>
  );
}

import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconRefresh } from "@tabler/icons-react";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "./errors";

/** Keeps the browser tab (and the phone's app switcher) telling which page is open. */
export function usePageTitle(title: string | null): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t("app.name")}` : t("app.name");
  }, [title, t]);
}

export function PageHeader({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
}) {
  usePageTitle(title);
  return (
    <Stack gap={4} mb="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Title order={1} size="h2">
          {title}
        </Title>
        {children}
      </Group>
      {description ? (
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      ) : null}
    </Stack>
  );
}

export function PageLoader({ label, fullScreen = false }: { label: string; fullScreen?: boolean }) {
  return (
    <Center mih={fullScreen ? "100dvh" : 200} role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}

export function ErrorAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={title} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(t, error, i18n.language)}</Text>
        {onRetry ? (
          <Button
            variant="light"
            color="red"
            size="xs"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={onRetry}
          >
            {t("common.retry")}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

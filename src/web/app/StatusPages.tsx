import { Button, Center, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { usePageTitle } from "./ui";

function StatusMessage({ title, message, action }: { title: string; message: string; action?: React.ReactNode }) {
  usePageTitle(title);
  return (
    <Paper withBorder radius="md" p="lg" maw={560}>
      <Stack gap="sm" align="flex-start">
        <Title order={1} size="h3">
          {title}
        </Title>
        <Text>{message}</Text>
        {action}
      </Stack>
    </Paper>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <StatusMessage
      title={t("status.notFoundTitle")}
      message={t("status.notFound")}
      action={
        <Button component={Link} to="/" variant="light">
          {t("status.home")}
        </Button>
      }
    />
  );
}

/** The address exists but the server did not grant this user the permission for it. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return <StatusMessage title={t("status.forbiddenTitle")} message={t("status.forbidden")} />;
}

/** Signed in, but the server grants no section at all (e.g. an account still being set up). */
export function NoSectionPage() {
  const { t } = useTranslation();
  return <StatusMessage title={t("status.noSectionTitle")} message={t("status.noSection")} />;
}

/** Last resort when a page crashes: a way out rather than a blank screen. */
export function CrashPage() {
  const { t } = useTranslation();
  return (
    <Center mih="100dvh" p="md">
      <StatusMessage
        title={t("status.crashTitle")}
        message={t("status.crash")}
        action={<Button onClick={() => window.location.reload()}>{t("status.reload")}</Button>}
      />
    </Center>
  );
}

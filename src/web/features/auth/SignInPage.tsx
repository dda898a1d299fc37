import { Alert, Center, Paper, Stack, Text, Title } from "@mantine/core";
import { IconClockExclamation, IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router-dom";
import { PublicPage } from "../../app/PublicPage";
import { useSession } from "../../app/session";
import { ErrorAlert, PageLoader, usePageTitle } from "../../app/ui";
import { CodeStep } from "./CodeStep";
import { EnrolmentStep } from "./EnrolmentStep";
import { PasswordStep } from "./PasswordStep";

/** Where to go once signed in: the page the user was sent away from, if it was inside the app. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === "string" && from.startsWith("/") && !from.startsWith("/sign-in") ? from : "/";
}

export function SignInPage() {
  const { t } = useTranslation();
  const { loading, checkError, recheck, session, pendingStep, notice } = useSession();
  const location = useLocation();

  const heading =
    pendingStep === "enrol" ? t("auth.enrol.title") : pendingStep === "totp" ? t("auth.codeTitle") : t("auth.title");
  usePageTitle(heading);

  if (session) return <Navigate to={returnPath(location.state)} replace />;
  if (loading) return <PageLoader fullScreen label={t("app.loading")} />;

  return (
    <PublicPage>
      <Paper withBorder shadow="sm" radius="md" p={{ base: "md", sm: "xl" }}>
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1} size="h3">
              {heading}
            </Title>
            <Text size="sm" c="dimmed">
              {t("app.tagline")}
            </Text>
          </Stack>

          {notice === "expired" ? (
            <Alert color="orange" variant="light" icon={<IconClockExclamation aria-hidden />} role="status">
              {t("session.expired")}
            </Alert>
          ) : null}
          {notice === "signedOut" ? (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
              {t("session.signedOut")}
            </Alert>
          ) : null}
          {checkError ? <ErrorAlert error={checkError} onRetry={recheck} /> : null}

          {pendingStep === "totp" ? <CodeStep /> : pendingStep === "enrol" ? <EnrolmentStep /> : <PasswordStep />}
        </Stack>
      </Paper>

      <Center mt="md" px="xs">
        <Text size="xs" c="dimmed" ta="center">
          {t("auth.restricted")}
        </Text>
      </Center>
    </PublicPage>
  );
}

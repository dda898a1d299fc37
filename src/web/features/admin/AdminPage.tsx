import { Group, Paper, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconSettings } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { SectionIntro } from "../../app/SectionIntro";
import { useActiveSession } from "../../app/session";
import { PageHeader } from "../../app/ui";
import { API_TOKENS_PERMISSION, ApiTokensPanel } from "../api-tokens";
import { MAIL_STATUS_PERMISSION, MailStatusPanel } from "../mail-status";
import { RETENTION_PERMISSION, RetentionPanel } from "../retention";
import { WEBHOOKS_PERMISSION, WebhooksPanel } from "../webhooks";

export function AdminPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const webhooks = session.permissions.includes(WEBHOOKS_PERMISSION);
  const apiTokens = session.permissions.includes(API_TOKENS_PERMISSION);
  const mailStatus = session.permissions.includes(MAIL_STATUS_PERMISSION);
  const retention = session.permissions.includes(RETENTION_PERMISSION);

  if (!webhooks && !apiTokens && !mailStatus && !retention) {
    return <SectionIntro title={t("admin.title")} description={t("admin.description")} icon={IconSettings} />;
  }

  // The section's purpose stays stated; the state of e-mail (Secretariat), a Party's webhooks and
  // API tokens (its admin) are here yet, user accounts come later.
  return (
    <>
      <PageHeader title={t("admin.title")} />
      <Stack gap="xl" maw={960}>
        <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} maw={720}>
          <Group align="flex-start" wrap="nowrap" gap="md">
            <ThemeIcon variant="light" size="xl" radius="md" aria-hidden>
              <IconSettings size={24} />
            </ThemeIcon>
            <Stack gap="xs">
              <Text data-testid="section-description">{t("admin.description")}</Text>
              <Text size="sm" c="dimmed">
                {t("webhooks.usersNotYet")}
              </Text>
            </Stack>
          </Group>
        </Paper>
        {mailStatus ? <MailStatusPanel /> : null}
        {retention ? <RetentionPanel /> : null}
        {webhooks ? <WebhooksPanel /> : null}
        {apiTokens ? <ApiTokensPanel /> : null}
      </Stack>
    </>
  );
}

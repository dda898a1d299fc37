import { Group, Paper, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconSettings } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { SectionIntro } from "../../app/SectionIntro";
import { useActiveSession } from "../../app/session";
import { PageHeader } from "../../app/ui";
import { ACCOUNTS_PERMISSION, AccountsPanel } from "../accounts";
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
  const accounts = session.permissions.includes(ACCOUNTS_PERMISSION);

  if (!webhooks && !apiTokens && !mailStatus && !retention && !accounts) {
    return <SectionIntro title={t("admin.title")} description={t("admin.description")} icon={IconSettings} />;
  }

  // The section's purpose stays stated; then the accounts, the state of e-mail (Secretariat), the
  // retention periods, and a Party's webhooks and API tokens (its admin).
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
            </Stack>
          </Group>
        </Paper>
        {accounts ? <AccountsPanel /> : null}
        {mailStatus ? <MailStatusPanel /> : null}
        {retention ? <RetentionPanel /> : null}
        {webhooks ? <WebhooksPanel /> : null}
        {apiTokens ? <ApiTokensPanel /> : null}
      </Stack>
    </>
  );
}

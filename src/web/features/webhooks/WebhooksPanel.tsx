import { List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconWebhook } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert, PageLoader } from "../../app/ui";
import { SecretReveal } from "./SecretReveal";
import { useWebhooks } from "./useWebhooks";
import { VerificationGuide } from "./VerificationGuide";
import { WebhookCard } from "./WebhookCard";
import { WebhookForm } from "./WebhookForm";
import type { Webhook } from "./webhooksApi";

/** Active webhooks first, then the newest. */
function byState(a: Webhook, b: Webhook): number {
  const activeFirst = Number(a.disabledAt !== null) - Number(b.disabledAt !== null);
  return activeFirst || b.createdAt.localeCompare(a.createdAt);
}

/**
 * The Party admin's webhooks: what they are for, how a national system verifies what it receives,
 * adding one (its secret shown once), and for each one a test, disabling and the delivery log.
 */
export function WebhooksPanel() {
  const { t } = useTranslation();
  const state = useWebhooks();
  const [revealed, setRevealed] = useState<{ url: string; secret: string } | null>(null);

  const sorted = state.webhooks ? [...state.webhooks].sort(byState) : null;

  return (
    <Stack gap="md" component="section" aria-labelledby="webhooks-title" data-testid="webhooks-panel">
      <Stack gap="xs">
        <Title order={2} size="h3" id="webhooks-title">
          <IconWebhook size={22} aria-hidden style={{ verticalAlign: "-3px", marginInlineEnd: 8 }} />
          {t("webhooks.title")}
        </Title>
        <Text size="sm">{t("webhooks.intro")}</Text>
        <List size="sm" spacing={2} withPadding>
          <List.Item>{t("webhooks.purpose.release")}</List.Item>
          <List.Item>{t("webhooks.purpose.proposal")}</List.Item>
          <List.Item>{t("webhooks.purpose.reminder")}</List.Item>
        </List>
        <Text size="sm" c="dimmed">
          {t("webhooks.scope")}
        </Text>
      </Stack>

      <VerificationGuide />

      {revealed ? <SecretReveal url={revealed.url} secret={revealed.secret} onDone={() => setRevealed(null)} /> : null}

      <WebhookForm
        onCreated={(webhook, secret) => {
          state.put(webhook);
          setRevealed({ url: webhook.url, secret });
        }}
      />

      <Stack gap="sm" component="section" aria-labelledby="webhooks-list-title">
        <Title order={3} size="h4" id="webhooks-list-title">
          {t("webhooks.list.title")}
          {sorted ? (
            <Text span size="sm" c="dimmed" fw={400} ml="xs">
              ({t("webhooks.list.count", { count: sorted.length })})
            </Text>
          ) : null}
        </Title>
        {sorted === null ? (
          state.error ? (
            <ErrorAlert error={state.error} title={t("webhooks.list.loadFailed")} onRetry={state.refresh} />
          ) : (
            <PageLoader label={t("webhooks.list.loading")} />
          )
        ) : sorted.length === 0 ? (
          <Paper withBorder radius="md" p="md" data-testid="webhooks-empty">
            <Text size="sm" c="dimmed">
              {t("webhooks.list.empty")}
            </Text>
          </Paper>
        ) : (
          <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {sorted.map((webhook) => (
              <WebhookCard
                key={webhook.id}
                webhook={webhook}
                onChanged={(changed) => {
                  state.put(changed);
                  state.refresh();
                }}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}

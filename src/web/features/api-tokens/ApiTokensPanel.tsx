import { Paper, Stack, Text, Title } from "@mantine/core";
import { IconKey } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiToken } from "../../../shared/api-tokens";
import { ErrorAlert, PageLoader } from "../../app/ui";
import { ApiTokenCard } from "./ApiTokenCard";
import { ApiTokenForm } from "./ApiTokenForm";
import { TokenReveal } from "./TokenReveal";
import { UsageGuide } from "./UsageGuide";
import { useApiTokens } from "./useApiTokens";

/** Tokens still in use first, then the newest. */
function byState(a: ApiToken, b: ApiToken): number {
  const revokedLast = Number(a.revokedAt !== null) - Number(b.revokedAt !== null);
  return revokedLast || b.createdAt.localeCompare(a.createdAt);
}

/**
 * The Party admin's API tokens: what they are for, how a system uses one, creating one (shown
 * once), and for each one its scopes, last use, and revoking.
 */
export function ApiTokensPanel() {
  const { t } = useTranslation();
  const state = useApiTokens();
  const [revealed, setRevealed] = useState<{ name: string; token: string } | null>(null);

  const sorted = state.tokens ? [...state.tokens].sort(byState) : null;

  return (
    <Stack gap="md" component="section" aria-labelledby="api-tokens-title" data-testid="api-tokens-panel">
      <Stack gap="xs">
        <Title order={2} size="h3" id="api-tokens-title">
          <IconKey size={22} aria-hidden style={{ verticalAlign: "-3px", marginInlineEnd: 8 }} />
          {t("apiTokens.title")}
        </Title>
        <Text size="sm">{t("apiTokens.intro")}</Text>
        <Text size="sm" c="dimmed">
          {t("apiTokens.scope")}
        </Text>
      </Stack>

      <UsageGuide />

      {revealed ? <TokenReveal name={revealed.name} token={revealed.token} onDone={() => setRevealed(null)} /> : null}

      <ApiTokenForm
        onCreated={(token, secret) => {
          state.put(token);
          setRevealed({ name: token.name, token: secret });
        }}
      />

      <Stack gap="sm" component="section" aria-labelledby="api-tokens-list-title">
        <Title order={3} size="h4" id="api-tokens-list-title">
          {t("apiTokens.list.title")}
          {sorted ? (
            <Text span size="sm" c="dimmed" fw={400} ml="xs">
              ({t("apiTokens.list.count", { count: sorted.length })})
            </Text>
          ) : null}
        </Title>
        {sorted === null ? (
          state.error ? (
            <ErrorAlert error={state.error} title={t("apiTokens.list.loadFailed")} onRetry={state.refresh} />
          ) : (
            <PageLoader label={t("apiTokens.list.loading")} />
          )
        ) : sorted.length === 0 ? (
          <Paper withBorder radius="md" p="md" data-testid="api-tokens-empty">
            <Text size="sm" c="dimmed">
              {t("apiTokens.list.empty")}
            </Text>
          </Paper>
        ) : (
          <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {sorted.map((token) => (
              <ApiTokenCard key={token.id} token={token} onChanged={state.put} />
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}

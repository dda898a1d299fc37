import { Alert, Badge, Button, Code, Group, Modal, Paper, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconKeyOff } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiToken } from "../../../shared/api-tokens";
import { errorMessage } from "../../app/errors";
import { currentLocale } from "../../i18n";
import { apiTokensApi } from "./apiTokensApi";
import { formatMoment, scopeLabel, type TokenState, tokenState } from "./labels";

const STATE_COLORS: Record<TokenState, string> = { active: "teal", expired: "orange", revoked: "gray" };

/** One token: name, first characters, scopes, when it was last used; revoking asks first. */
export function ApiTokenCard({ token, onChanged }: { token: ApiToken; onChanged: (token: ApiToken) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const state = tokenState(token, new Date());
  const [confirming, setConfirming] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [revokeError, setRevokeError] = useState<unknown>(null);

  const revoke = async () => {
    setRevoking(true);
    setRevokeError(null);
    try {
      const revoked = await apiTokensApi.revoke(token.id);
      setConfirming(false);
      notifications.show({ color: "teal", message: t("apiTokens.revoke.done") });
      onChanged(revoked);
    } catch (e) {
      setRevokeError(e);
    } finally {
      setRevoking(false);
    }
  };

  const created = formatMoment(token.createdAt, locale);
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="li"
      data-testid="api-token"
      data-id={token.id}
      data-name={token.name}
      data-state={state}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} miw={0}>
            <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
              {token.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t("apiTokens.token.prefix")} <Code data-testid="api-token-prefix">{token.prefix}…</Code>
            </Text>
          </Stack>
          <Badge
            color={STATE_COLORS[state]}
            variant={state === "active" ? "light" : "outline"}
            style={{ flexShrink: 0 }}
          >
            {t(`apiTokens.token.${state}`)}
          </Badge>
        </Group>

        <Group gap={6} wrap="wrap" aria-label={t("apiTokens.token.scopes")} role="list">
          {token.scopes.map((scope) => (
            <Badge key={scope} variant="default" radius="sm" tt="none" fw={500} role="listitem">
              {scopeLabel(t, scope)}
            </Badge>
          ))}
        </Group>

        <Stack gap={2}>
          <Text size="xs" c="dimmed" data-testid="api-token-last-used">
            {token.lastUsedAt
              ? t("apiTokens.token.lastUsed", { date: formatMoment(token.lastUsedAt, locale) })
              : t("apiTokens.token.neverUsed")}
          </Text>
          <Text size="xs" c="dimmed">
            {token.createdBy
              ? t("apiTokens.token.created", { date: created, name: token.createdBy })
              : t("apiTokens.token.createdNoName", { date: created })}
            {" · "}
            {token.revokedAt
              ? t("apiTokens.token.revokedOn", { date: formatMoment(token.revokedAt, locale) })
              : token.expiresAt
                ? t(state === "expired" ? "apiTokens.token.expiredOn" : "apiTokens.token.expires", {
                    date: formatMoment(token.expiresAt, locale),
                  })
                : t("apiTokens.token.noExpiry")}
          </Text>
        </Stack>

        {state !== "revoked" ? (
          <Group gap="xs">
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconKeyOff size={14} aria-hidden />}
              onClick={() => {
                setRevokeError(null);
                setConfirming(true);
              }}
              aria-label={t("apiTokens.token.revokeWhat", { name: token.name })}
              data-testid="api-token-revoke"
            >
              {t("apiTokens.token.revoke")}
            </Button>
          </Group>
        ) : null}
      </Stack>

      <Modal
        opened={confirming}
        onClose={() => {
          if (!revoking) setConfirming(false);
        }}
        title={t("apiTokens.revoke.title")}
        closeButtonProps={{ "aria-label": t("common.close") }}
        centered
      >
        <Stack gap="md">
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {t("apiTokens.revoke.body", { name: token.name, prefix: token.prefix })}
          </Text>
          {revokeError ? (
            <Alert color="red" variant="light" role="alert" title={t("apiTokens.revoke.failed")}>
              {errorMessage(t, revokeError, i18n.language)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={revoking}>
              {t("apiTokens.revoke.cancel")}
            </Button>
            <Button color="red" loading={revoking} onClick={() => void revoke()} data-testid="api-token-revoke-confirm">
              {t("apiTokens.revoke.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { browserSupportsWebAuthn, startRegistration } from "@simplewebauthn/browser";
import { IconAlertCircle, IconKey, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type SecurityKeyInfo, SecurityKeyName } from "../../../shared/auth";
import { ApiError } from "../../app/api";
import { errorMessage } from "../../app/errors";
import { notifyError } from "../../app/notify";
import { ErrorAlert } from "../../app/ui";
import { securityKeysApi } from "./securityKeysApi";

/** My settings: the security keys that can replace the authenticator code at sign-in. */
export function SecurityKeysPanel() {
  const { t, i18n } = useTranslation();
  const [keys, setKeys] = useState<SecurityKeyInfo[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const supported = browserSupportsWebAuthn();

  const load = useCallback(() => {
    setLoadError(null);
    securityKeysApi.list().then(setKeys).catch(setLoadError);
  }, []);
  useEffect(load, [load]);

  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" }).format(new Date(iso));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const parsed = SecurityKeyName.safeParse(name);
    if (!parsed.success) {
      setNameError(t("security.keys.nameRequired"));
      return;
    }
    setNameError(null);
    setAdding(true);
    try {
      const options = await securityKeysApi.registrationOptions();
      let answer: unknown;
      try {
        answer = await startRegistration({ optionsJSON: options as never });
      } catch {
        setFormError(t("security.keys.cancelled"));
        return;
      }
      const key = await securityKeysApi.add(parsed.data, answer);
      setKeys((current) => [...(current ?? []), key]);
      setName("");
      notifications.show({ color: "green", message: t("security.keys.addedNotice", { name: key.name }) });
    } catch (error) {
      setFormError(errorMessage(t, error, i18n.language));
    } finally {
      setAdding(false);
    }
  };

  const remove = async (key: SecurityKeyInfo) => {
    if (!window.confirm(t("security.keys.removeConfirm", { name: key.name }))) return;
    try {
      await securityKeysApi.remove(key.id);
      setKeys((current) => (current ?? []).filter((k) => k.id !== key.id));
      notifications.show({ color: "green", message: t("security.keys.removed") });
    } catch (error) {
      if (error instanceof ApiError && error.code === "not_found") load();
      notifyError(t, t("security.keys.removeFailed"), errorMessage(t, error, i18n.language));
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" data-testid="security-keys">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t("security.keys.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("security.keys.intro")}
        </Text>
        {loadError ? <ErrorAlert error={loadError} title={t("security.keys.loadFailed")} onRetry={load} /> : null}
        {keys === null && !loadError ? <Text size="sm">{t("security.keys.loading")}</Text> : null}
        {keys?.length === 0 ? <Text size="sm">{t("security.keys.none")}</Text> : null}
        {keys && keys.length > 0 ? (
          <Stack gap="xs" component="ul" aria-label={t("security.keys.list")} style={{ listStyle: "none", padding: 0 }}>
            {keys.map((key) => (
              <Group key={key.id} component="li" justify="space-between" wrap="nowrap" data-testid="security-key">
                <Group gap="xs" wrap="nowrap">
                  <IconKey size={18} aria-hidden />
                  <Stack gap={0}>
                    <Text fw={600} size="sm">
                      {key.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t("security.keys.added", { date: date(key.createdAt) })} ·{" "}
                      {key.lastUsedAt
                        ? t("security.keys.lastUsed", { date: date(key.lastUsedAt) })
                        : t("security.keys.neverUsed")}
                    </Text>
                  </Stack>
                </Group>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t("security.keys.remove", { name: key.name })}
                  onClick={() => remove(key)}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        ) : null}
        {supported ? (
          <form onSubmit={add} noValidate>
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t("security.keys.name")}
                placeholder={t("security.keys.namePlaceholder")}
                maxLength={80}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={nameError}
                style={{ flex: 1, minWidth: 220 }}
              />
              <Button type="submit" loading={adding} leftSection={<IconKey size={16} aria-hidden />}>
                {t("security.keys.add")}
              </Button>
            </Group>
          </form>
        ) : (
          <Text size="sm" c="dimmed">
            {t("security.keys.unsupported")}
          </Text>
        )}
        {adding ? <Text size="sm">{t("security.keys.adding")}</Text> : null}
        {formError ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle aria-hidden />}
            role="alert"
            title={t("security.keys.addFailed")}
          >
            {formError}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { startAuthentication } from "@simplewebauthn/browser";
import { IconAlertCircle, IconKey } from "@tabler/icons-react";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ReauthBody } from "../../../shared/auth";
import { setReauthHandler } from "../../app/api";
import { errorMessage } from "../../app/errors";
import { useSession } from "../../app/session";
import { securityKeysApi } from "./securityKeysApi";

type Pending = { resolve: (confirmed: boolean) => void };

/**
 * Mounted once inside the signed-in app: when a sensitive action is refused with
 * `reauth_required`, asks for the password and a code or a security key, then lets the API
 * client retry the action.
 */
export function ReauthModal() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [pending, setPending] = useState<Pending | null>(null);
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [hasKeys, setHasKeys] = useState(false);
  const [errors, setErrors] = useState<{ password?: string; code?: string; form?: string }>({});
  const [busy, setBusy] = useState<"code" | "key" | null>(null);
  const queue = useRef<Pending[]>([]);

  const ask = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        const entry = { resolve };
        queue.current.push(entry);
        // Two actions refused at once share one prompt.
        setPending((current) => current ?? entry);
      }),
    [],
  );

  useEffect(() => {
    if (!session) return;
    setReauthHandler(ask);
    return () => setReauthHandler(null);
  }, [session, ask]);

  useEffect(() => {
    if (!pending) return;
    setPassword("");
    setCode("");
    setErrors({});
    securityKeysApi
      .list()
      .then((keys) => setHasKeys(keys.length > 0))
      .catch(() => setHasKeys(false));
  }, [pending]);

  const finish = (confirmed: boolean) => {
    for (const entry of queue.current) entry.resolve(confirmed);
    queue.current = [];
    setPending(null);
    setBusy(null);
  };

  const confirm = async (body: unknown, how: "code" | "key") => {
    setBusy(how);
    try {
      await securityKeysApi.reauth(body);
      finish(true);
    } catch (error) {
      setBusy(null);
      setErrors({ form: errorMessage(t, error, i18n.language) });
    }
  };

  const withCode = async (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      password: password ? undefined : t("security.reauth.passwordRequired"),
      code: code.trim().length >= 6 ? undefined : t("security.reauth.codeRequired"),
    };
    setErrors(problems);
    if (problems.password || problems.code) return;
    await confirm(ReauthBody.parse({ password, code }), "code");
  };

  const withKey = async () => {
    if (!password) {
      setErrors({ password: t("security.reauth.passwordRequired") });
      return;
    }
    setErrors({});
    setBusy("key");
    try {
      const options = await securityKeysApi.challenge();
      const answer = await startAuthentication({ optionsJSON: options as never });
      await confirm({ password, securityKey: answer }, "key");
    } catch (error) {
      setBusy(null);
      setErrors({
        form:
          error instanceof Error && error.name === "ApiError"
            ? errorMessage(t, error, i18n.language)
            : t("security.signIn.keyFailed"),
      });
    }
  };

  return (
    <Modal opened={pending !== null} onClose={() => finish(false)} title={t("security.reauth.title")} centered>
      <form onSubmit={withCode} noValidate>
        <Stack gap="md">
          <Text size="sm">{t("security.reauth.intro")}</Text>
          <PasswordInput
            label={t("security.reauth.password")}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.password}
            required
            data-autofocus
          />
          <TextInput
            label={t("security.reauth.code")}
            description={t("security.reauth.codeHelp")}
            autoComplete="one-time-code"
            maxLength={32}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={errors.code}
          />
          {errors.form ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {errors.form}
            </Alert>
          ) : null}
          <Group justify="space-between">
            <Button variant="default" onClick={() => finish(false)}>
              {t("security.reauth.cancel")}
            </Button>
            <Group gap="xs">
              {hasKeys ? (
                <Button
                  variant="light"
                  leftSection={<IconKey size={16} aria-hidden />}
                  onClick={withKey}
                  loading={busy === "key"}
                  disabled={busy === "code"}
                >
                  {t("security.reauth.useKey")}
                </Button>
              ) : null}
              <Button type="submit" loading={busy === "code"} disabled={busy === "key"}>
                {t("security.reauth.confirm")}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Alert, Anchor, Button, Divider, Group, Stack, Text, TextInput } from "@mantine/core";
import { startAuthentication } from "@simplewebauthn/browser";
import { IconAlertCircle, IconKey } from "@tabler/icons-react";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { SecondFactorBody, SessionInfo, TotpConfirmBody } from "../../../shared/auth";
import { ApiError, api } from "../../app/api";
import { errorMessage } from "../../app/errors";
import { useSession } from "../../app/session";
import { securityKeysApi } from "../security-keys/securityKeysApi";
import { digitsOnly } from "./issues";
import { StartOverLink } from "./StartOverLink";

type Mode = "totp" | "recovery";

/** Second step of sign-in: a code from the authenticator app, or one of the recovery codes. */
export function CodeStep() {
  const { t, i18n } = useTranslation();
  const { sessionChanged, recheck, pendingSecurityKey } = useSession();
  const [usingKey, setUsingKey] = useState(false);
  const [mode, setMode] = useState<Mode>("totp");
  const [code, setCode] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const switchMode = (next: Mode) => {
    setMode(next);
    setCode("");
    setFieldError(null);
    setFormError(null);
    // Focus moves with the switch so that keyboard and screen-reader users land in the new field.
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    // A 6-digit code is checked with the enrolment rule (exactly six digits), a recovery code with the sign-in rule.
    const parsed = mode === "totp" ? TotpConfirmBody.safeParse({ code }) : SecondFactorBody.safeParse({ code });
    if (!parsed.success) {
      setFieldError(mode === "totp" ? t("auth.codeRequired") : t("auth.recoveryCodeRequired"));
      inputRef.current?.focus();
      return;
    }
    setFieldError(null);
    setSubmitting(true);
    try {
      const session = await api.post("/api/auth/totp", parsed.data, SessionInfo);
      sessionChanged(session);
    } catch (error) {
      setSubmitting(false);
      // Any other 401 means the half-open session has expired: the session context restarts sign-in.
      if (error instanceof ApiError && error.status === 401 && error.code !== "invalid_code") return;
      // Finished in another tab meanwhile: reloading the session takes the user into the app.
      if (error instanceof ApiError && error.code === "already_signed_in") {
        recheck();
        return;
      }
      setCode("");
      inputRef.current?.focus();
      const invalid = error instanceof ApiError && error.code === "invalid_code";
      setFormError(
        invalid && mode === "recovery" ? t("auth.recoveryCodeInvalid") : errorMessage(t, error, i18n.language),
      );
    }
  };

  const signInWithKey = async () => {
    setFormError(null);
    setUsingKey(true);
    try {
      const options = await securityKeysApi.challenge();
      const answer = await startAuthentication({ optionsJSON: options as never });
      sessionChanged(await securityKeysApi.signIn(answer));
    } catch (error) {
      setUsingKey(false);
      // The half-open session expired: the session context restarts sign-in.
      if (error instanceof ApiError && error.status === 401 && error.code !== "invalid_security_key") return;
      setFormError(error instanceof ApiError ? errorMessage(t, error, i18n.language) : t("security.signIn.keyFailed"));
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{mode === "totp" ? t("auth.codeIntro") : t("auth.recoveryIntro")}</Text>
        {mode === "totp" ? (
          <TextInput
            key="totp"
            ref={inputRef}
            label={t("auth.code")}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            required
            autoFocus
            value={code}
            onChange={(event) => setCode(digitsOnly(event.currentTarget.value))}
            error={fieldError}
            size="lg"
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", letterSpacing: "0.3em" } }}
          />
        ) : (
          <TextInput
            key="recovery"
            ref={inputRef}
            label={t("auth.recoveryCode")}
            autoComplete="off"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            maxLength={32}
            required
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={fieldError}
            size="lg"
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
          />
        )}
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <Button type="submit" size="md" fullWidth loading={submitting}>
          {t("auth.verify")}
        </Button>
        <Group justify="space-between" gap="xs">
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => switchMode(mode === "totp" ? "recovery" : "totp")}
          >
            {mode === "totp" ? t("auth.useRecoveryCode") : t("auth.useAuthenticatorCode")}
          </Anchor>
          <StartOverLink />
        </Group>
        {pendingSecurityKey ? (
          <>
            <Divider />
            <Text size="sm">{t("security.signIn.keyIntro")}</Text>
            <Button
              variant="light"
              size="md"
              fullWidth
              leftSection={<IconKey size={18} aria-hidden />}
              onClick={signInWithKey}
              loading={usingKey}
            >
              {t("security.signIn.useKey")}
            </Button>
            {usingKey ? (
              <Text size="xs" c="dimmed" role="status">
                {t("security.signIn.waiting")}
              </Text>
            ) : null}
          </>
        ) : null}
        {mode === "recovery" ? (
          <Text size="xs" c="dimmed">
            {t("auth.lostAuthenticator")}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { SignInBody, SignInResponse } from "../../../shared/auth";
import { ApiError, api } from "../../app/api";
import { errorMessage } from "../../app/errors";
import { useSession } from "../../app/session";
import { invalidFields } from "./issues";

type FieldErrors = { email?: string; password?: string };

export function PasswordStep() {
  const { t, i18n } = useTranslation();
  const { passwordAccepted } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [passwordVisible, setPasswordVisible] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const wordFieldErrors = (fields: Set<string>): FieldErrors => ({
    email: fields.has("email") ? (email.trim() ? t("auth.emailInvalid") : t("auth.emailRequired")) : undefined,
    password: fields.has("password") ? t("auth.passwordRequired") : undefined,
  });

  const showFieldErrors = (errors: FieldErrors) => {
    setFieldErrors(errors);
    if (errors.email) emailRef.current?.focus();
    else if (errors.password) passwordRef.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    // Same schema as the server: what passes here is what the server accepts.
    const parsed = SignInBody.safeParse({ email, password });
    if (!parsed.success) {
      showFieldErrors(wordFieldErrors(invalidFields(parsed.error)));
      return;
    }
    setFieldErrors({});
    setSubmitting(true);
    try {
      const response = await api.post("/api/auth/sign-in", parsed.data, SignInResponse);
      passwordAccepted(response);
    } catch (error) {
      setSubmitting(false);
      if (error instanceof ApiError && error.status === 400 && error.issues.length > 0) {
        showFieldErrors(wordFieldErrors(invalidFields(error)));
        return;
      }
      if (error instanceof ApiError && error.code === "invalid_credentials") {
        setPassword("");
        passwordRef.current?.focus();
      }
      setFormError(errorMessage(t, error, i18n.language));
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-describedby={formError ? "sign-in-error" : undefined}>
      <Stack gap="md">
        <TextInput
          ref={emailRef}
          label={t("auth.email")}
          type="email"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldErrors.email}
          size="md"
        />
        <PasswordInput
          ref={passwordRef}
          label={t("auth.password")}
          autoComplete="current-password"
          visible={passwordVisible}
          onVisibilityChange={setPasswordVisible}
          // Mantine's own label is English and contains "password", which would make the field's label ambiguous.
          visibilityToggleButtonProps={{
            "aria-label": passwordVisible ? t("auth.hidePassword") : t("auth.showPassword"),
          }}
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldErrors.password}
          size="md"
        />
        {formError ? (
          <Alert id="sign-in-error" color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <Button type="submit" size="md" fullWidth loading={submitting}>
          {t("auth.signIn")}
        </Button>
      </Stack>
    </form>
  );
}

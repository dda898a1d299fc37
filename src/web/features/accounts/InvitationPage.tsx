import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { AcceptInvitationBody, InvitationToken } from "../../../shared/accounts";
import { ApiError } from "../../app/api";
import { PublicPage } from "../../app/PublicPage";
import { ErrorAlert, PageLoader, usePageTitle } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { type FieldErrors, schemaErrors, serverErrors } from "../directory/issues";
import { accountsApi } from "./accountsApi";
import { ACCOUNT_MESSAGES } from "./messages";

type Refusal = "expired" | "used" | "unknown";

/**
 * /invitation/:token, reached from the invitation e-mail without signing in. Opening it records
 * nothing (mail scanners fetch links by themselves); only the button, with a password, does.
 */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  usePageTitle(t("accounts.invitation.title"));
  const wellFormed = InvitationToken.safeParse(token).success;
  const query = useApiQuery(`invitation-${token}`, (signal) =>
    wellFormed
      ? accountsApi.invitation(token, signal)
      : Promise.resolve({ status: "unknown" as const, email: null, displayName: null }),
  );
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [refused, setRefused] = useState<Refusal | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setFailure(null);
    const parsed = AcceptInvitationBody.safeParse({ password, confirm });
    if (!parsed.success) {
      setErrors(schemaErrors(t, parsed.error, ACCOUNT_MESSAGES));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await accountsApi.accept(token, parsed.data);
      setSaved(true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.issues.length > 0) {
        setErrors(serverErrors(t, e.issues, [], ACCOUNT_MESSAGES));
      } else if (e instanceof ApiError && [404, 409, 410].includes(e.status)) {
        setRefused(e.status === 410 ? "expired" : e.status === 409 ? "used" : "unknown");
      } else {
        setFailure(e);
      }
    } finally {
      setBusy(false);
    }
  };

  let body: React.ReactNode;
  if (query.status === "loading") body = <PageLoader label={t("accounts.invitation.checking")} />;
  else if (query.status === "error") body = <ErrorAlert error={query.error} onRetry={query.retry} />;
  else if (refused || query.data.status !== "valid") {
    const why = refused ?? (query.data.status as Refusal);
    body = (
      <Alert color="orange" data-testid="invitation-refused" data-reason={why}>
        {t(`accounts.invitation.${why}`)}
      </Alert>
    );
  } else if (saved) {
    body = (
      <Stack gap="sm">
        <Alert color="green" data-testid="invitation-saved">
          {t("accounts.invitation.saved")}
        </Alert>
        <Anchor component={Link} to="/sign-in">
          {t("accounts.invitation.signIn")}
        </Anchor>
      </Stack>
    );
  } else {
    body = (
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            {t("accounts.invitation.welcome", { name: query.data.displayName, email: query.data.email })}
          </Text>
          {/* The e-mail address helps password managers file the new password under the account. */}
          <input type="hidden" name="username" autoComplete="username" value={query.data.email ?? ""} readOnly />
          <PasswordInput
            label={t("accounts.invitation.password")}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            autoComplete="new-password"
            required
          />
          <PasswordInput
            label={t("accounts.invitation.confirm")}
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
            autoComplete="new-password"
            required
          />
          {failure ? <ErrorAlert error={failure} /> : null}
          <Button type="submit" loading={busy} data-testid="invitation-submit">
            {t("accounts.invitation.submit")}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <PublicPage>
      <Paper withBorder shadow="sm" radius="md" p={{ base: "md", sm: "xl" }}>
        <Stack gap="lg">
          <Title order={1} size="h3">
            {t("accounts.invitation.title")}
          </Title>
          {body}
        </Stack>
      </Paper>
    </PublicPage>
  );
}

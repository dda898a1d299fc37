import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Code,
  CopyButton,
  Group,
  Image,
  List,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { IconAlertCircle, IconCheck, IconCopy } from "@tabler/icons-react";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type SessionInfo, TotpConfirmBody, TotpEnrolled, TotpEnrolment } from "../../../shared/auth";
import { ApiError, api, setCsrfToken } from "../../app/api";
import { errorMessage } from "../../app/errors";
import { useSession } from "../../app/session";
import { ErrorAlert, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { digitsOnly } from "./issues";
import { RecoveryCodes } from "./RecoveryCodes";
import { StartOverLink } from "./StartOverLink";

/** Groups of four characters are far easier to type from a screen than one long string. */
function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, "").match(/.{1,4}/g) ?? []).join(" ");
}

/** First sign-in of an account without a second factor: set up the authenticator app. */
export function EnrolmentStep() {
  const { t } = useTranslation();
  const enrolment = useApiQuery("totp-enrolment", (signal) =>
    api.get("/api/auth/totp/enrolment", TotpEnrolment, signal),
  );
  const [enrolled, setEnrolled] = useState<{ recoveryCodes: string[]; session: SessionInfo } | null>(null);

  // The session is already active on the server, but the user must see the codes before entering the app.
  if (enrolled) return <RecoveryCodes codes={enrolled.recoveryCodes} session={enrolled.session} />;

  if (enrolment.status === "loading") return <PageLoader label={t("auth.enrol.loading")} />;
  if (enrolment.status === "error") {
    return (
      <Stack gap="md">
        <ErrorAlert error={enrolment.error} onRetry={enrolment.retry} />
        <StartOverLink />
      </Stack>
    );
  }

  const { secret, otpauthUri, qrDataUrl } = enrolment.data;

  return (
    <Stack gap="md">
      <Text size="sm">{t("auth.enrol.intro")}</Text>
      <List type="ordered" size="sm" spacing="xs">
        <List.Item>{t("auth.enrol.stepApp")}</List.Item>
        <List.Item>{t("auth.enrol.stepScan")}</List.Item>
        <List.Item>{t("auth.enrol.stepCode")}</List.Item>
      </List>

      {/* A QR code needs a light background to scan, including in dark mode. */}
      <Center>
        <Box bg="white" p="xs" style={{ borderRadius: "var(--mantine-radius-md)", lineHeight: 0 }}>
          <Image src={qrDataUrl} alt={t("auth.enrol.qrAlt")} w={196} h={196} fit="contain" />
        </Box>
      </Center>
      <Text size="sm" ta="center">
        {/* On a phone the QR code cannot be scanned by the same phone: the otpauth link opens the app directly. */}
        <Anchor href={otpauthUri}>{t("auth.enrol.openInApp")}</Anchor>
      </Text>

      <Stack gap={4}>
        <Text size="sm" fw={500} id="setup-key-label">
          {t("auth.enrol.setupKey")}
        </Text>
        <Group gap="xs" wrap="nowrap" align="center">
          <Code
            aria-labelledby="setup-key-label"
            data-testid="totp-secret"
            // Inline code wraps between groups on a narrow phone, where a <pre> block would overflow.
            style={{
              flex: 1,
              display: "block",
              padding: "var(--mantine-spacing-xs)",
              fontSize: "var(--mantine-font-size-md)",
              letterSpacing: "0.05em",
              lineHeight: 1.6,
            }}
          >
            {groupSecret(secret)}
          </Code>
          <CopyButton value={secret.replace(/\s+/g, "")}>
            {({ copied, copy }) => (
              <Button
                variant="default"
                size="xs"
                onClick={copy}
                leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
              >
                {copied ? t("common.copied") : t("common.copy")}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t("auth.enrol.setupKeyHelp")}
        </Text>
      </Stack>

      <ConfirmForm onEnrolled={setEnrolled} />
      <StartOverLink />
    </Stack>
  );
}

function ConfirmForm({
  onEnrolled,
}: {
  onEnrolled: (result: { recoveryCodes: string[]; session: SessionInfo }) => void;
}) {
  const { t, i18n } = useTranslation();
  const { recheck } = useSession();
  const [code, setCode] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const parsed = TotpConfirmBody.safeParse({ code });
    if (!parsed.success) {
      setFieldError(t("auth.codeRequired"));
      inputRef.current?.focus();
      return;
    }
    setFieldError(null);
    setSubmitting(true);
    try {
      const result = await api.post("/api/auth/totp/enrolment", parsed.data, TotpEnrolled);
      setCsrfToken(result.session.csrfToken);
      onEnrolled(result);
    } catch (error) {
      setSubmitting(false);
      if (error instanceof ApiError && error.status === 401 && error.code !== "invalid_code") return;
      // Finished in another tab meanwhile: reloading the session takes the user into the app.
      if (error instanceof ApiError && error.code === "already_signed_in") {
        recheck();
        return;
      }
      setCode("");
      inputRef.current?.focus();
      const invalid = error instanceof ApiError && error.code === "invalid_code";
      setFormError(invalid ? t("auth.enrol.codeInvalid") : errorMessage(t, error, i18n.language));
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          ref={inputRef}
          label={t("auth.code")}
          description={t("auth.enrol.codeHelp")}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          required
          value={code}
          onChange={(event) => setCode(digitsOnly(event.currentTarget.value))}
          error={fieldError}
          size="lg"
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", letterSpacing: "0.3em" } }}
        />
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <Button type="submit" size="md" fullWidth loading={submitting}>
          {t("auth.verify")}
        </Button>
      </Stack>
    </form>
  );
}

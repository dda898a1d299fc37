import { Anchor, Code, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SigningKeyInfo } from "../../../../shared/directory";
import { api } from "../../../app/api";
import { ErrorAlert, PageLoader } from "../../../app/ui";
import { useApiQuery } from "../../../app/useApiQuery";
import { currentLocale } from "../../../i18n";
import { CopyValue } from "./CopyValue";
import { formatDateTime } from "./values";

/** A label over its value: no punctuation to translate (French puts a space before a colon). */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} miw={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function KeyBlock({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <CopyValue value={value} what={label} />
      </Group>
      <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {value}
      </Code>
    </Stack>
  );
}

/**
 * The public key national systems pin to check that a release really comes from the Secretariat,
 * and how they check it: conditional fetch, detached JWS over the exact bytes, schema validation.
 */
export function SigningKeyPanel() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const key = useApiQuery("directory-signing-key", (signal) =>
    api.get("/api/directory/signing-key", SigningKeyInfo, signal),
  );
  const origin = window.location.origin;
  const latestUrl = `${origin}/api/directory/releases/latest`;
  const schemaUrl = `${origin}/api/directory/schema.json`;

  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }} component="section" aria-labelledby="signing-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="signing-title">
          {t("directoryAdmin.signing.title")}
        </Title>
        <Text size="sm">{t("directoryAdmin.signing.intro")}</Text>
        <List type="ordered" size="sm" spacing="xs">
          <List.Item>
            {t("directoryAdmin.signing.step1")} <Code style={{ overflowWrap: "anywhere" }}>GET {latestUrl}</Code>
          </List.Item>
          <List.Item>{t("directoryAdmin.signing.step2")}</List.Item>
          <List.Item>{t("directoryAdmin.signing.step3")}</List.Item>
          <List.Item>
            {t("directoryAdmin.signing.step4")}{" "}
            <Anchor
              href="/api/directory/schema.json"
              target="_blank"
              rel="noreferrer"
              style={{ overflowWrap: "anywhere" }}
            >
              {schemaUrl}
            </Anchor>
          </List.Item>
        </List>

        {key.status === "loading" ? <PageLoader label={t("directoryAdmin.signing.loading")} /> : null}
        {key.status === "error" ? (
          <ErrorAlert error={key.error} title={t("directoryAdmin.signing.failed")} onRetry={key.retry} />
        ) : null}
        {key.status === "success" ? (
          <Stack gap="sm" data-testid="signing-key">
            <Group gap="lg" wrap="wrap" align="flex-start">
              <Fact label={t("directoryAdmin.signing.keyId")}>
                <Code style={{ overflowWrap: "anywhere" }}>{key.data.kid}</Code>
              </Fact>
              <Fact label={t("directoryAdmin.signing.algorithm")}>
                <Code>{key.data.alg} (Ed25519)</Code>
              </Fact>
              <Fact label={t("directoryAdmin.signing.created")}>
                <Text size="sm">{formatDateTime(key.data.createdAt, locale)}</Text>
              </Fact>
            </Group>
            <KeyBlock label={t("directoryAdmin.signing.jwk")} value={JSON.stringify(key.data.jwk, null, 2)} />
            <KeyBlock label={t("directoryAdmin.signing.pem")} value={key.data.pem.trim()} />
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

import { Alert, Button, Checkbox, CopyButton, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconCheck, IconCopy, IconDownload, IconKey } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SessionInfo } from "../../../shared/auth";
import { useSession } from "../../app/session";

/**
 * Shown once, right after the authenticator is set up: the server does not keep the codes in
 * readable form, so the user must store them before going on.
 */
export function RecoveryCodes({ codes, session }: { codes: string[]; session: SessionInfo }) {
  const { t } = useTranslation();
  const { sessionChanged } = useSession();
  const [stored, setStored] = useState(false);

  const asText = [t("auth.recovery.fileHeading", { email: session.user.email }), "", ...codes, ""].join("\n");

  const download = () => {
    const url = URL.createObjectURL(new Blob([asText], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "vigil-recovery-codes.txt";
    link.click();
    // Revoked later: some browsers start the download asynchronously.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <Stack gap="md">
      <Group gap="xs" wrap="nowrap">
        <IconKey size={22} aria-hidden />
        <Title order={2} size="h4">
          {t("auth.recovery.title")}
        </Title>
      </Group>
      <Text size="sm">{t("auth.recovery.intro")}</Text>
      <Alert color="yellow" variant="light">
        {t("auth.recovery.once")}
      </Alert>

      <Paper withBorder p="sm" radius="md">
        <SimpleGrid
          cols={2}
          spacing="xs"
          verticalSpacing={4}
          component="ul"
          style={{ listStyle: "none", margin: 0, padding: 0 }}
        >
          {codes.map((code) => (
            <Text
              key={code}
              component="li"
              ff="monospace"
              size="md"
              ta="center"
              data-testid="recovery-code"
              style={{ letterSpacing: "0.05em" }}
            >
              {code}
            </Text>
          ))}
        </SimpleGrid>
      </Paper>

      <Group gap="xs" grow>
        <CopyButton value={codes.join("\n")}>
          {({ copied, copy }) => (
            <Button
              variant="default"
              onClick={copy}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            >
              {copied ? t("common.copied") : t("common.copy")}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={download} leftSection={<IconDownload size={16} aria-hidden />}>
          {t("common.download")}
        </Button>
      </Group>

      <Checkbox
        label={t("auth.recovery.stored")}
        checked={stored}
        onChange={(event) => setStored(event.currentTarget.checked)}
        size="md"
      />
      <Button size="md" fullWidth disabled={!stored} onClick={() => sessionChanged(session)}>
        {t("common.continue")}
      </Button>
    </Stack>
  );
}

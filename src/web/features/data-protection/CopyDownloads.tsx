import { Group, Paper, Stack, Text } from "@mantine/core";
import { IconFileTypePdf, IconJson } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { DownloadLink } from "../../app/DownloadLink";
import { copyUrl } from "./dataProtectionApi";

const FILES = [
  { format: "pdf", lang: "en" },
  { format: "pdf", lang: "fr" },
  { format: "json", lang: "en" },
] as const;

/**
 * A request's data-protection copy (SAP Art. 14(11–12)) for its Party's admin and auditor: shown
 * when the session grants dataProtection.copies. Each download is audited; it may ask to sign in again.
 */
export function CopyDownloads({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="copy-downloads">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t("dataProtection.copies.requestTitle")}
        </Text>
        <Text size="sm" c="dimmed">
          {t("dataProtection.copies.requestHelp")}
        </Text>
        <Group gap="xs">
          {FILES.map(({ format, lang }) => (
            <DownloadLink
              key={`${format}-${lang}`}
              href={copyUrl(requestId, format, lang)}
              data-format={format}
              variant="default"
              size="compact-sm"
              leftSection={
                format === "pdf" ? <IconFileTypePdf size={14} aria-hidden /> : <IconJson size={14} aria-hidden />
              }
            >
              {t(format === "pdf" ? "dataProtection.copies.pdf" : "dataProtection.copies.json", {
                language: lang === "en" ? t("requests.document.english") : t("requests.document.french"),
              })}
            </DownloadLink>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}

import { Group, Paper, Stack, Text } from "@mantine/core";
import { IconFileText, IconFileTypePdf } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { RequestDetail } from "../../../../shared/requests";
import { DownloadLink } from "../../../app/DownloadLink";
import { type DocumentFormat, documentUrl } from "../requestsApi";

const FILES: { format: DocumentFormat; lang: "en" | "fr" }[] = [
  { format: "pdf", lang: "en" },
  { format: "pdf", lang: "fr" },
  { format: "docx", lang: "en" },
  { format: "docx", lang: "fr" },
];

/** The request as a T-CY-style document, for the file or for a channel outside Vigil. */
export function DocumentDownloads({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="documents">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t("requests.document.title")}
        </Text>
        <Group gap="xs">
          {FILES.map(({ format, lang }) => (
            <DownloadLink
              key={`${format}-${lang}`}
              href={documentUrl(detail.id, format, lang)}
              variant="default"
              size="compact-sm"
              leftSection={
                format === "pdf" ? <IconFileTypePdf size={14} aria-hidden /> : <IconFileText size={14} aria-hidden />
              }
            >
              {t(format === "pdf" ? "requests.document.pdf" : "requests.document.docx", {
                language: lang === "en" ? t("requests.document.english") : t("requests.document.french"),
              })}
            </DownloadLink>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}

import { Alert, Anchor, Button, FileInput, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertCircle, IconDownload, IconPaperclip, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RequestDetail } from "../../../../shared/requests";
import { ApiError } from "../../../app/api";
import { errorMessage } from "../../../app/errors";
import { useActiveSession } from "../../../app/session";
import { currentLocale } from "../../../i18n";
import type { TranslationKey } from "../../../i18n/keys";
import { attachmentUrl, MAX_ATTACHMENT_BYTES, requestsApi } from "../requestsApi";
import { formatMoment } from "../time";

/** The server's refusals a user can act on, in the UI language. */
const REFUSALS: Record<string, TranslationKey> = {
  file_type_refused: "requests.attachments.typeRefused",
  request_closed: "requests.attachments.closed",
  too_many_attachments: "requests.attachments.tooMany",
  payload_too_large: "requests.attachments.tooLarge",
  http_413: "requests.attachments.tooLarge",
};

/** What the file picker offers; the server decides from the content, whatever the name says. */
const ACCEPT = ".pdf,.png,.jpg,.jpeg,.txt,.log,.csv,.docx,.xlsx,.odt";

function size(bytes: number, locale: string): string {
  const format = (n: number, unit: string) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  if (bytes < 1024) return format(bytes, "B");
  if (bytes < 1024 * 1024) return format(bytes / 1024, "KB");
  return format(bytes / (1024 * 1024), "MB");
}

/** Files either side attached (stored encrypted; each download is logged), and a way to add one. */
export function AttachmentsPanel({
  detail,
  viewerZone,
  onAdded,
}: {
  detail: RequestDetail;
  viewerZone: string;
  onAdded: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const session = useActiveSession();
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canAttach = session.permissions.includes("requests.write") && detail.state !== "closed";

  const upload = async () => {
    if (!file) return;
    setFailure(null);
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setFailure(t("requests.attachments.tooLarge"));
      return;
    }
    setBusy(true);
    try {
      await requestsApi.attach(detail.id, file);
      setFile(null);
      onAdded();
    } catch (error) {
      const known =
        error instanceof ApiError
          ? (REFUSALS[error.code] ?? (error.status === 413 ? REFUSALS.http_413 : undefined))
          : undefined;
      setFailure(known ? t(known) : errorMessage(t, error, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  if (detail.attachments.length === 0 && !canAttach) return null;

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p="md"
      aria-labelledby="attachments-title"
      data-testid="attachments"
    >
      <Stack gap="sm">
        <Title order={2} size="h5" id="attachments-title">
          {t("requests.attachments.title")}
        </Title>
        {detail.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("requests.attachments.none")}
          </Text>
        ) : (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {detail.attachments.map((a) => (
              <Group key={a.id} component="li" gap="xs" wrap="nowrap" align="flex-start" data-testid="attachment">
                <IconPaperclip size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <Stack gap={0} miw={0}>
                  <Anchor href={attachmentUrl(detail.id, a.id)} download size="sm" style={{ overflowWrap: "anywhere" }}>
                    <Group gap={4} component="span" wrap="nowrap">
                      <IconDownload size={14} aria-hidden />
                      {a.filename}
                    </Group>
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {size(a.size, locale)} · {a.party} · {formatMoment(a.at, locale, viewerZone)}
                  </Text>
                </Stack>
              </Group>
            ))}
          </Stack>
        )}
        {canAttach ? (
          <Stack gap="xs">
            <Group align="flex-end" gap="xs">
              <FileInput
                label={t("requests.attachments.label")}
                description={t("requests.attachments.help")}
                placeholder={t("requests.attachments.choose")}
                value={file}
                onChange={(f) => {
                  setFile(f);
                  setFailure(null);
                }}
                accept={ACCEPT}
                clearable
                clearButtonProps={{ "aria-label": t("common.clear") }}
                style={{ flex: 1 }}
                miw={220}
              />
              <Button
                leftSection={<IconUpload size={16} aria-hidden />}
                onClick={upload}
                loading={busy}
                disabled={!file}
                variant="light"
              >
                {t("requests.attachments.attach")}
              </Button>
            </Group>
            {failure ? (
              <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" p="xs">
                <Text size="sm">{failure}</Text>
              </Alert>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

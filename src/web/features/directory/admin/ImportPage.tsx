import { Alert, Badge, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconFileImport, IconFileSearch, IconRefresh } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ImportBody, ImportPreview } from "../../../../shared/directory";
import { ApiError, api } from "../../../app/api";
import { errorMessage } from "../../../app/errors";
import { useActiveSession } from "../../../app/session";
import { PageHeader } from "../../../app/ui";
import { formatOf, MAX_BYTES, readBase64 } from "./importFile";
import { PartyDiffList } from "./PartyDiffList";
import { fieldLabel } from "./values";

function ErrorsTable({ errors }: { errors: ImportPreview["errors"] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped withTableBorder verticalSpacing={6} data-testid="import-errors">
        <Table.Caption>{t("directoryAdmin.import.errorsCaption", { count: errors.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={80} ta="right">
              {t("directoryAdmin.import.line")}
            </Table.Th>
            <Table.Th scope="col" w="28%">
              {t("directoryAdmin.import.field")}
            </Table.Th>
            <Table.Th scope="col">{t("directoryAdmin.import.message")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one line may hold several errors; the order is the file's.
            <Table.Tr key={i}>
              <Table.Td ta="right" ff="monospace">
                {e.line}
              </Table.Td>
              <Table.Td>{e.field ? fieldLabel(t, e.field) : "—"}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Import of a whole directory file (CSV, JSON, or the Word table of the legacy directory): a
 * preview first — errors with their line, or every change it would make — and only then "Apply",
 * which the server refuses if the file or the directory moved since that preview.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const session = useActiveSession();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [body, setBody] = useState<ImportBody | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<"preview" | "apply" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);

  if (!session.permissions.includes("directory.manage")) {
    return (
      <>
        <PageHeader title={t("directoryAdmin.import.title")} />
        <Text>{t("directoryAdmin.common.manageOnly")}</Text>
      </>
    );
  }

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setBody(null);
    setError(null);
    setStale(false);
    setFileError(null);
    if (!chosen) return;
    if (!formatOf(chosen.name)) setFileError(t("directoryAdmin.import.unknownFormat"));
    else if (chosen.size === 0) setFileError(t("directoryAdmin.import.empty"));
    else if (chosen.size > MAX_BYTES) setFileError(t("directoryAdmin.import.tooLarge"));
  };

  const runPreview = async () => {
    if (!file) {
      setFileError(t("directoryAdmin.import.chooseFirst"));
      return;
    }
    const format = formatOf(file.name);
    if (!format || fileError) return;
    setBusy("preview");
    setError(null);
    setStale(false);
    setPreview(null);
    try {
      const request: ImportBody = { format, fileName: file.name, contentBase64: await readBase64(file) };
      setBody(request);
      setPreview(await api.post("/api/directory/import/preview", request, ImportPreview));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    if (!body || !preview) return;
    setBusy("apply");
    setError(null);
    try {
      const result = await api.post(
        "/api/directory/import/apply",
        { ...body, previewToken: preview.previewToken },
        ImportPreview,
      );
      notifications.show({
        color: "green",
        title: t("directoryAdmin.import.appliedTitle"),
        message: t("directoryAdmin.import.applied", result.counts),
      });
      setPreview(null);
      setBody(null);
      setFile(null);
    } catch (e) {
      // 409: the directory (or the file) changed after the preview; what was shown is no longer what would apply.
      if (e instanceof ApiError && e.status === 409) setStale(true);
      else setError(e);
    } finally {
      setBusy(null);
    }
  };

  const hasChanges = preview ? preview.parties.length > 0 : false;

  return (
    <>
      <PageHeader title={t("directoryAdmin.import.title")} description={t("directoryAdmin.import.description")} />
      <Stack gap="lg">
        <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }}>
          <Stack gap="sm">
            <FileInput
              label={t("directoryAdmin.import.file")}
              description={t("directoryAdmin.import.fileHelp")}
              placeholder={t("directoryAdmin.import.filePlaceholder")}
              accept=".csv,.json,.docx,text/csv,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              value={file}
              onChange={choose}
              error={fileError}
              clearable
              leftSection={<IconFileImport size={16} aria-hidden />}
              w={{ base: "100%", sm: 420 }}
            />
            {file && !fileError ? (
              <Text size="sm" c="dimmed">
                {t("directoryAdmin.import.detected", { format: formatOf(file.name)?.toUpperCase() ?? "" })}
              </Text>
            ) : null}
            <Group>
              <Button
                onClick={() => void runPreview()}
                loading={busy === "preview"}
                disabled={busy !== null || !file || fileError !== null}
                leftSection={<IconFileSearch size={16} aria-hidden />}
              >
                {t("directoryAdmin.import.preview")}
              </Button>
            </Group>
          </Stack>
        </Paper>

        {error ? (
          <Alert color="red" variant="light" role="alert" title={t("directoryAdmin.import.failed")}>
            {errorMessage(t, error, i18n.language)}
          </Alert>
        ) : null}

        {stale ? (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            icon={<IconAlertTriangle aria-hidden />}
            title={t("directoryAdmin.import.staleTitle")}
            data-testid="import-stale"
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t("directoryAdmin.import.stale")}</Text>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconRefresh size={14} aria-hidden />}
                onClick={() => void runPreview()}
              >
                {t("directoryAdmin.import.previewAgain")}
              </Button>
            </Stack>
          </Alert>
        ) : null}

        {preview && !preview.ok ? (
          <Stack gap="sm">
            <Alert color="red" variant="light" title={t("directoryAdmin.import.hasErrorsTitle")}>
              {t("directoryAdmin.import.hasErrors")}
            </Alert>
            <ErrorsTable errors={preview.errors} />
          </Stack>
        ) : null}

        {preview?.ok ? (
          <Stack gap="sm" data-testid="import-preview">
            <Title order={2} size="h3">
              {t("directoryAdmin.import.changesTitle")}
            </Title>
            <Group gap="xs">
              <Badge color="green" variant="light" radius="sm" tt="none">
                {t("directoryAdmin.import.countAdded", { count: preview.counts.added })}
              </Badge>
              <Badge color="red" variant="light" radius="sm" tt="none">
                {t("directoryAdmin.import.countRemoved", { count: preview.counts.removed })}
              </Badge>
              <Badge color="blue" variant="light" radius="sm" tt="none">
                {t("directoryAdmin.import.countChanged", { count: preview.counts.changed })}
              </Badge>
            </Group>
            <PartyDiffList parties={preview.parties} />
            {hasChanges ? (
              <Group>
                <Button
                  color="green"
                  onClick={() => void apply()}
                  loading={busy === "apply"}
                  disabled={busy !== null || stale}
                  leftSection={<IconFileImport size={16} aria-hidden />}
                >
                  {t("directoryAdmin.import.apply")}
                </Button>
              </Group>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </>
  );
}

import { Alert, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconClipboardText, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PublishReleaseBody, ReleaseComparison, ReleaseSummary } from "../../../../shared/directory";
import { ApiError, api } from "../../../app/api";
import { errorMessage } from "../../../app/errors";
import { ErrorAlert, PageLoader } from "../../../app/ui";
import { useApiQuery } from "../../../app/useApiQuery";
import { DevelopmentsList, PartyDiffList } from "./PartyDiffList";
import { suggestVersion } from "./versions";

/** Notes lines from the developments, appended after what is already written. */
function appendLines(notes: string, lines: string[]): string {
  const text = lines.join("\n");
  const current = notes.trimEnd();
  return current ? `${current}\n${text}` : text;
}

/**
 * Publishing: first what changed since the latest release (so nobody publishes blind), the
 * generated "latest developments" lines that can go into the notes in one click, then the form.
 */
export function PublishRelease({ existing, onPublished }: { existing: string[]; onPublished: () => void }) {
  const { t, i18n } = useTranslation();
  const [version, setVersion] = useState(() => suggestVersion(existing));
  const [notes, setNotes] = useState("");
  const [versionError, setVersionError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [refresh, setRefresh] = useState(0);

  const pending = useApiQuery(`directory-unreleased-${refresh}`, (signal) =>
    api.get("/api/directory/compare?to=current", ReleaseComparison, signal),
  );

  const publish = async () => {
    const parsed = PublishReleaseBody.safeParse({ version, notes });
    if (!parsed.success) {
      setVersionError(t("directoryAdmin.releases.versionInvalid"));
      return;
    }
    if (existing.includes(parsed.data.version)) {
      setVersionError(t("directoryAdmin.releases.versionTaken"));
      return;
    }
    setVersionError(null);
    setError(null);
    setBusy(true);
    try {
      const release = await api.post("/api/directory/releases", parsed.data, ReleaseSummary);
      notifications.show({
        color: "green",
        title: t("directoryAdmin.releases.publishedTitle", { version: release.version }),
        message: t("directoryAdmin.releases.published"),
      });
      setNotes("");
      setVersion(suggestVersion([...existing, release.version]));
      setRefresh((n) => n + 1);
      onPublished();
    } catch (e) {
      if (e instanceof ApiError && e.issues.some((issue) => issue.path.endsWith("version"))) {
        setVersionError(t("directoryAdmin.releases.versionInvalid"));
      } else if (e instanceof ApiError && e.status === 409) {
        setVersionError(t("directoryAdmin.releases.versionTaken"));
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const developments = pending.status === "success" ? pending.data.developments : [];

  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }} component="section" aria-labelledby="publish-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="publish-title">
          {t("directoryAdmin.releases.publishTitle")}
        </Title>

        <Stack gap="xs" data-testid="unreleased-changes">
          <Title order={3} size="h5">
            {t("directoryAdmin.releases.unreleased")}
          </Title>
          {pending.status === "loading" ? <PageLoader label={t("directoryAdmin.releases.loadingUnreleased")} /> : null}
          {pending.status === "error" ? (
            <ErrorAlert
              error={pending.error}
              title={t("directoryAdmin.releases.unreleasedFailed")}
              onRetry={pending.retry}
            />
          ) : null}
          {pending.status === "success" ? (
            <>
              <Text size="sm" c="dimmed">
                {pending.data.from
                  ? t("directoryAdmin.releases.sinceVersion", { version: pending.data.from })
                  : t("directoryAdmin.releases.sinceNothing")}
              </Text>
              <Text size="sm" fw={600}>
                {t("directoryAdmin.releases.developments")}
              </Text>
              <DevelopmentsList developments={developments} />
              {developments.length > 0 ? (
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconClipboardText size={14} aria-hidden />}
                    onClick={() =>
                      setNotes((n) =>
                        appendLines(
                          n,
                          developments.map((d) => d.en),
                        ),
                      )
                    }
                  >
                    {t("directoryAdmin.releases.insertEnglish")}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconClipboardText size={14} aria-hidden />}
                    onClick={() =>
                      setNotes((n) =>
                        appendLines(
                          n,
                          developments.map((d) => d.fr),
                        ),
                      )
                    }
                  >
                    {t("directoryAdmin.releases.insertFrench")}
                  </Button>
                </Group>
              ) : null}
              <PartyDiffList parties={pending.data.parties} />
            </>
          ) : null}
        </Stack>

        <Stack
          gap="sm"
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            void publish();
          }}
        >
          <TextInput
            label={t("directoryAdmin.releases.version")}
            description={t("directoryAdmin.releases.versionHelp")}
            value={version}
            onChange={(e) => {
              setVersion(e.currentTarget.value);
              if (versionError) setVersionError(null);
            }}
            error={versionError}
            required
            w={{ base: "100%", xs: 220 }}
            autoComplete="off"
            spellCheck={false}
          />
          <Textarea
            label={t("directoryAdmin.releases.notes")}
            description={t("directoryAdmin.releases.notesHelp")}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={12}
            maxLength={10000}
          />
          {error ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(t, error, i18n.language)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={busy} leftSection={<IconSend size={16} aria-hidden />}>
              {t("directoryAdmin.releases.publish")}
            </Button>
          </Group>
        </Stack>
      </Stack>
    </Paper>
  );
}

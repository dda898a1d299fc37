import { Button, Group, Paper, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconPackage } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api";
import { DownloadLink } from "../../app/DownloadLink";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { authoritiesApi } from "./authoritiesApi";

/** /authorities/releases: signed releases of the authorities directory, their exports; publishing (Secretariat). */
export function ReleasesPage() {
  const { t } = useTranslation();
  const manage = useActiveSession().permissions.includes("authorities.manage");
  const query = useApiQuery("authorities-releases", (signal) => authoritiesApi.releases(signal));
  const [version, setVersion] = useState("");
  const [notes, setNotes] = useState("");
  const [versionError, setVersionError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const publish = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setVersionError(null);
    setBusy(true);
    try {
      await authoritiesApi.publish(version.trim(), notes.trim());
      setVersion("");
      setNotes("");
      query.retry();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 400 || e.code === "version_taken")) {
        setVersionError(e.issues[0]?.message ?? e.message);
      } else setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t("authorities.releases.title")} description={t("authorities.releases.help")} />
      <Stack gap="md">
        {manage ? (
          <Paper withBorder radius="md" p="md">
            <form onSubmit={publish} noValidate>
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  label={t("authorities.releases.version")}
                  placeholder="2024-12"
                  value={version}
                  onChange={(e) => setVersion(e.currentTarget.value)}
                  error={versionError}
                />
                <TextInput
                  label={t("authorities.releases.notes")}
                  value={notes}
                  onChange={(e) => setNotes(e.currentTarget.value)}
                  w={360}
                />
                <Button type="submit" loading={busy} leftSection={<IconPackage size={16} aria-hidden />}>
                  {t("authorities.releases.publish")}
                </Button>
              </Group>
            </form>
            {failure ? <ErrorAlert error={failure} title={t("authorities.releases.failed")} /> : null}
          </Paper>
        ) : null}
        {query.status === "loading" ? <PageLoader label={t("authorities.releases.loading")} /> : null}
        {query.status === "error" ? <ErrorAlert error={query.error} onRetry={query.retry} /> : null}
        {query.status === "success" && query.data.releases.length === 0 ? (
          <Text c="dimmed">{t("authorities.releases.empty")}</Text>
        ) : null}
        {query.status === "success" && query.data.releases.length > 0 ? (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" data-testid="authorities-releases">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("authorities.releases.version")}</Table.Th>
                    <Table.Th>{t("authorities.releases.published")}</Table.Th>
                    <Table.Th>{t("authorities.releases.input")}</Table.Th>
                    <Table.Th>{t("authorities.releases.exports")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.releases.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Text fw={600}>{r.version}</Text>
                        {r.notes ? (
                          <Text size="xs" c="dimmed">
                            {r.notes}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{r.publishedAt.slice(0, 10)}</Table.Td>
                      <Table.Td>
                        {t("authorities.progress.provided", { provided: r.provided, total: r.total })}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {(["json", "csv", "pdf"] as const).map((f) => (
                            <DownloadLink
                              key={f}
                              href={authoritiesApi.exportUrl(r.version, f)}
                              size="compact-xs"
                              variant="light"
                              data-format={f}
                            >
                              {f.toUpperCase()}
                            </DownloadLink>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}

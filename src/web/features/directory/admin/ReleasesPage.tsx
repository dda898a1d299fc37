import { Badge, Box, Button, Code, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconDownload, IconSignature } from "@tabler/icons-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router-dom";
import { type ExportFormat, ReleaseList, type ReleaseSummary } from "../../../../shared/directory";
import { api } from "../../../app/api";
import { DownloadLink } from "../../../app/DownloadLink";
import { useActiveSession } from "../../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../../app/ui";
import { useApiQuery } from "../../../app/useApiQuery";
import { currentLocale } from "../../../i18n";
import type { TranslationKey } from "../../../i18n/keys";
import { CompareReleases } from "./CompareReleases";
import { CopyValue } from "./CopyValue";
import { PublishRelease } from "./PublishRelease";
import { SigningKeyPanel } from "./SigningKeyPanel";
import { formatDateTime } from "./values";

const EXPORTS: { format: ExportFormat; label: TranslationKey }[] = [
  { format: "json", label: "directoryAdmin.releases.export.json" },
  { format: "csv", label: "directoryAdmin.releases.export.csv" },
  { format: "vcard", label: "directoryAdmin.releases.export.vcard" },
  { format: "pdf", label: "directoryAdmin.releases.export.pdf" },
  { format: "docx", label: "directoryAdmin.releases.export.docx" },
];

function releasePath(version: string): string {
  return `/api/directory/releases/${encodeURIComponent(version)}`;
}

function ReleaseCard({
  release,
  latest,
  highlighted,
}: {
  release: ReleaseSummary;
  latest: boolean;
  highlighted: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    // Opened from a notification ("/directory/releases/2024-12"): bring that release into view.
    if (highlighted) ref.current?.scrollIntoView({ block: "start" });
  }, [highlighted]);

  return (
    <Paper
      ref={ref}
      component="article"
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      data-testid="release"
      data-version={release.version}
      aria-labelledby={`release-${release.id}`}
      style={highlighted ? { borderColor: "var(--mantine-primary-color-filled)", borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Title order={3} size="h4" id={`release-${release.id}`}>
              {t("directoryAdmin.releases.versionTitle", { version: release.version })}
            </Title>
            {latest ? (
              <Badge variant="light" radius="sm" tt="none">
                {t("directoryAdmin.releases.latest")}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed">
            {t("directoryAdmin.releases.publishedBy", {
              name: release.publishedBy,
              date: formatDateTime(release.publishedAt, locale),
            })}
          </Text>
        </Group>
        <Text size="sm">
          {t("directoryAdmin.releases.counts", {
            parties: release.partyCount.toLocaleString(i18n.language),
            contactPoints: release.contactPointCount.toLocaleString(i18n.language),
          })}
        </Text>
        {release.notes ? (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="release-notes">
            {release.notes}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t("directoryAdmin.releases.noNotes")}
          </Text>
        )}
        <Group gap="xs" wrap="nowrap" align="center" miw={0}>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            SHA-256
          </Text>
          <Code
            style={{
              flex: "0 1 auto",
              minWidth: 0,
              overflow: "hidden",
              textOverflow: "ellipsis",
              whiteSpace: "nowrap",
            }}
            title={release.sha256}
          >
            {release.sha256}
          </Code>
          <Box style={{ flexShrink: 0 }}>
            <CopyValue
              value={release.sha256}
              what={t("directoryAdmin.releases.sha256Of", { version: release.version })}
            />
          </Box>
        </Group>
        <Group gap="xs" wrap="wrap" role="group" aria-label={t("directoryAdmin.releases.exports")}>
          {EXPORTS.map(({ format, label }) => (
            <DownloadLink
              key={format}
              href={`${releasePath(release.version)}/export?format=${format}`}
              size="compact-sm"
              variant="default"
              leftSection={<IconDownload size={14} aria-hidden />}
              data-format={format}
            >
              {t(label)}
            </DownloadLink>
          ))}
          <Button
            component="a"
            href={`${releasePath(release.version)}/signature`}
            download
            size="compact-sm"
            variant="subtle"
            leftSection={<IconSignature size={14} aria-hidden />}
          >
            {t("directoryAdmin.releases.signature")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function ReleasesPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const manage = session.permissions.includes("directory.manage");
  // A release to show, from a notification ("/directory/releases?version=2024-12") or the path ("…/releases/2024-12").
  const [search] = useSearchParams();
  const rest = useParams()["*"];
  const selected = search.get("version") || rest || undefined;
  const releases = useApiQuery("directory-releases", (signal) =>
    api.get("/api/directory/releases", ReleaseList, signal),
  );

  return (
    <>
      <PageHeader title={t("directoryAdmin.releases.title")} description={t("directoryAdmin.releases.description")} />
      {releases.status === "loading" ? <PageLoader label={t("directoryAdmin.releases.loading")} /> : null}
      {releases.status === "error" ? (
        <ErrorAlert error={releases.error} title={t("directoryAdmin.releases.loadFailed")} onRetry={releases.retry} />
      ) : null}
      {releases.status === "success" ? (
        <Stack gap="lg">
          {manage ? (
            <PublishRelease existing={releases.data.releases.map((r) => r.version)} onPublished={releases.retry} />
          ) : null}

          <Stack gap="sm" component="section" aria-labelledby="releases-list-title">
            <Title order={2} size="h3" id="releases-list-title">
              {t("directoryAdmin.releases.listTitle")}
            </Title>
            {releases.data.releases.length === 0 ? (
              <Text c="dimmed" data-testid="no-releases">
                {t("directoryAdmin.releases.none")}
              </Text>
            ) : (
              releases.data.releases.map((release, i) => (
                <ReleaseCard
                  key={release.id}
                  release={release}
                  latest={i === 0}
                  highlighted={release.version === selected}
                />
              ))
            )}
          </Stack>

          {releases.data.releases.length > 0 ? (
            <CompareReleases
              // A new release resets the comparison to "latest against the one before".
              key={releases.data.releases[0]?.version}
              releases={releases.data.releases}
              initialTo={releases.data.releases.some((r) => r.version === selected) ? selected : undefined}
            />
          ) : null}

          <SigningKeyPanel />
        </Stack>
      ) : null}
    </>
  );
}

import { Group, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ReleaseComparison, type ReleaseSummary } from "../../../../shared/directory";
import { api } from "../../../app/api";
import { ErrorAlert, PageLoader } from "../../../app/ui";
import { useApiQuery } from "../../../app/useApiQuery";
import { DevelopmentsList, PartyDiffList } from "./PartyDiffList";

const CURRENT = "current";
/** "From" left empty: the server compares with the release just before "to". */
const PREVIOUS = "";

function Comparison({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const query = new URLSearchParams({ to });
  if (from) query.set("from", from);
  const comparison = useApiQuery(`directory-compare-${from}-${to}`, (signal) =>
    api.get(`/api/directory/compare?${query}`, ReleaseComparison, signal),
  );
  if (comparison.status === "loading") return <PageLoader label={t("directoryAdmin.compare.loading")} />;
  if (comparison.status === "error") {
    return (
      <ErrorAlert error={comparison.error} title={t("directoryAdmin.compare.failed")} onRetry={comparison.retry} />
    );
  }
  const { data } = comparison;
  return (
    <Stack gap="sm" data-testid="comparison">
      <Text size="sm" c="dimmed">
        {data.from
          ? t("directoryAdmin.compare.summary", {
              from: data.from,
              to: data.to === CURRENT ? t("directoryAdmin.compare.current") : data.to,
              count: data.parties.length,
            })
          : t("directoryAdmin.compare.summaryFirst", {
              to: data.to === CURRENT ? t("directoryAdmin.compare.current") : data.to,
              count: data.parties.length,
            })}
      </Text>
      <Title order={3} size="h5">
        {t("directoryAdmin.releases.developments")}
      </Title>
      <DevelopmentsList developments={data.developments} />
      <Title order={3} size="h5">
        {t("directoryAdmin.compare.details")}
      </Title>
      <PartyDiffList parties={data.parties} />
    </Stack>
  );
}

/** Any two releases side by side (or a release and the current, unreleased directory). */
export function CompareReleases({ releases, initialTo }: { releases: ReleaseSummary[]; initialTo?: string }) {
  const { t } = useTranslation();
  // Releases come newest first: by default, the latest against the one before it.
  const [to, setTo] = useState(initialTo ?? releases[0]?.version ?? CURRENT);
  const [from, setFrom] = useState(PREVIOUS);

  const versions = releases.map((r) => ({ value: r.version, label: r.version }));
  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }} component="section" aria-labelledby="compare-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="compare-title">
          {t("directoryAdmin.compare.title")}
        </Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t("directoryAdmin.compare.from")}
            data={[{ value: PREVIOUS, label: t("directoryAdmin.compare.previous") }, ...versions]}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            w={{ base: "100%", xs: 240 }}
          />
          <NativeSelect
            label={t("directoryAdmin.compare.to")}
            data={[...versions, { value: CURRENT, label: t("directoryAdmin.compare.current") }]}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            w={{ base: "100%", xs: 240 }}
          />
        </Group>
        {from && from === to ? (
          <Text size="sm" c="dimmed">
            {t("directoryAdmin.compare.same")}
          </Text>
        ) : (
          <Comparison from={from} to={to} />
        )}
      </Stack>
    </Paper>
  );
}

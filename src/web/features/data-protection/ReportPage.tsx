import { Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconFileTypeCsv, IconFileTypePdf, IconJson } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { type DataProtectionReport, PersonTerm } from "../../../shared/data-protection";
import { DownloadLink } from "../../app/DownloadLink";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import type { TranslationKey } from "../../i18n/keys";
import { dataProtectionApi, personCopyUrl, reportFileUrl } from "./dataProtectionApi";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

type Figures = { key: string; value: number }[];

/** The report's figures by section, in the order of Art. 14's paragraphs. */
function sections(r: DataProtectionReport): [string, Figures][] {
  return [
    [
      "access",
      [
        { key: "reads", value: r.access.reads },
        { key: "exports", value: r.access.exports },
        { key: "downloads", value: r.access.downloads },
        { key: "byOtherParty", value: r.access.byOtherParty },
      ],
    ],
    [
      "requests",
      [
        { key: "sent", value: r.requests.sent },
        { key: "received", value: r.requests.received },
        { key: "purged", value: r.requests.purged },
      ],
    ],
    [
      "onward",
      [
        { key: "asked", value: r.onwardTransfers.asked },
        { key: "authorised", value: r.onwardTransfers.authorised },
        { key: "refused", value: r.onwardTransfers.refused },
      ],
    ],
    [
      "suspensions",
      [
        { key: "byParty", value: r.suspensions.byParty },
        { key: "ofParty", value: r.suspensions.ofParty },
        { key: "lifted", value: r.suspensions.lifted },
      ],
    ],
    [
      "incidents",
      [
        { key: "recorded", value: r.incidents.recorded },
        { key: "open", value: r.incidents.open },
      ],
    ],
    [
      "copies",
      [
        { key: "copies", value: r.copies.copies },
        { key: "personSearches", value: r.copies.personSearches },
      ],
    ],
  ];
}

/**
 * /data-protection/report: the Party's data-protection report for a period (issue 6, point 3),
 * with CSV and PDF downloads; and, for those granted copies, the copy for a person
 * (SAP Art. 14(11–12)). What is shown follows the session's permissions, never the role.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const lang = currentLocale() === "fr" ? "fr" : "en";
  const [params, setParams] = useSearchParams();
  const day = (name: string) => {
    const v = params.get(name);
    return v && ISO_DAY.test(v) ? v : undefined;
  };
  const q = { from: day("from"), to: day("to") };
  const query = useApiQuery(JSON.stringify(q), (signal) => dataProtectionApi.report(q, signal));
  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const copies = session.permissions.includes("dataProtection.copies");

  return (
    <>
      <PageHeader title={t("dataProtection.report.title")} description={t("dataProtection.report.help")} />
      <Stack gap="md" maw={1100}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            type="date"
            label={t("dataProtection.report.from")}
            value={q.from ?? ""}
            onChange={(e) => set("from", ISO_DAY.test(e.currentTarget.value) ? e.currentTarget.value : null)}
          />
          <TextInput
            type="date"
            label={t("dataProtection.report.to")}
            value={q.to ?? ""}
            onChange={(e) => set("to", ISO_DAY.test(e.currentTarget.value) ? e.currentTarget.value : null)}
          />
          <DownloadLink
            href={reportFileUrl(q, "csv", lang)}
            data-format="csv"
            variant="default"
            leftSection={<IconFileTypeCsv size={16} aria-hidden />}
          >
            {t("dataProtection.report.csv")}
          </DownloadLink>
          <DownloadLink
            href={reportFileUrl(q, "pdf", lang)}
            data-format="pdf"
            variant="default"
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
          >
            {t("dataProtection.report.pdf")}
          </DownloadLink>
        </Group>
        {query.status === "loading" ? <PageLoader label={t("dataProtection.report.loading")} /> : null}
        {query.status === "error" ? <ErrorAlert error={query.error} onRetry={query.retry} /> : null}
        {query.status === "success" ? (
          <Stack gap="md" data-testid="dp-report">
            {sections(query.data).map(([section, figures]) => (
              <Stack key={section} gap={6}>
                <Title order={3} size="h5">
                  {t(`dataProtection.report.section.${section}` as TranslationKey)}
                </Title>
                <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
                  {figures.map((f) => (
                    <Paper key={f.key} withBorder radius="md" p="sm">
                      <Text size="xs" c="dimmed">
                        {t(`dataProtection.report.figure.${section}.${f.key}` as TranslationKey)}
                      </Text>
                      <Text fw={700} size="xl" data-testid={`report-${section}-${f.key}`}>
                        {f.value}
                      </Text>
                    </Paper>
                  ))}
                </SimpleGrid>
              </Stack>
            ))}
          </Stack>
        ) : null}
        {copies ? <PersonCopy lang={lang} /> : null}
      </Stack>
    </>
  );
}

/** "What do you hold about me?": every request of the Party naming the person, as one file. */
function PersonCopy({ lang }: { lang: "en" | "fr" }) {
  const { t } = useTranslation();
  const [term, setTerm] = useState("");
  const valid = PersonTerm.safeParse(term).success;
  return (
    <Paper withBorder radius="md" p="md" data-testid="person-copy">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t("dataProtection.copies.personTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("dataProtection.copies.personHelp")}
        </Text>
        <TextInput
          label={t("dataProtection.copies.personLabel")}
          description={t("dataProtection.copies.personDescription")}
          value={term}
          onChange={(e) => setTerm(e.currentTarget.value)}
          maw={480}
        />
        <Group gap="xs">
          {(["pdf", "json"] as const).map((format) => (
            <DownloadLink
              key={format}
              href={personCopyUrl(term.trim(), format, lang)}
              data-format={format}
              disabled={!valid}
              variant="default"
              size="compact-sm"
              leftSection={
                format === "pdf" ? <IconFileTypePdf size={14} aria-hidden /> : <IconJson size={14} aria-hidden />
              }
            >
              {t(format === "pdf" ? "dataProtection.copies.personPdf" : "dataProtection.copies.personJson")}
            </DownloadLink>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}

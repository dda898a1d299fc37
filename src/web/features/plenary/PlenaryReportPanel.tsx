import { Alert, Group, Paper, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DownloadLink } from "../../app/DownloadLink";
import { currentLocale } from "../../i18n";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The last six months, ending yesterday (UTC): what the Secretariat reports to a plenary. */
function lastSixMonths(): { from: string; to: string } {
  const end = new Date(Date.now() - 86_400_000);
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 6, end.getUTCDate() + 1));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

/** One click: the plenary report of a period, as PDF or Word, every figure computed by the server. */
export function PlenaryReportPanel() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(lastSixMonths);
  const [conclusions, setConclusions] = useState("");
  const [lang, setLang] = useState<string>(currentLocale());
  const valid = ISO_DAY.test(period.from) && ISO_DAY.test(period.to) && period.from <= period.to;
  const href = (format: "pdf" | "docx") => {
    const q = new URLSearchParams({ from: period.from, to: period.to, format, lang, conclusions });
    return `/api/plenary/report/export?${q}`;
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="plenary-report-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="plenary-report-title">
          {t("plenary.report.title")}
        </Title>
        <Text size="sm">{t("plenary.report.help")}</Text>
        <Group gap="sm" wrap="wrap" align="flex-end">
          <TextInput
            type="date"
            label={t("plenary.report.from")}
            value={period.from}
            onChange={(e) => setPeriod({ ...period, from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t("plenary.report.to")}
            value={period.to}
            onChange={(e) => setPeriod({ ...period, to: e.currentTarget.value })}
          />
          <SegmentedControl
            aria-label={t("plenary.report.lang")}
            value={lang}
            onChange={setLang}
            data={[
              { value: "en", label: "English" },
              { value: "fr", label: "Français" },
            ]}
          />
        </Group>
        <Textarea
          label={t("plenary.report.conclusions")}
          description={t("plenary.report.conclusionsHelp")}
          autosize
          minRows={3}
          maxLength={8000}
          value={conclusions}
          onChange={(e) => setConclusions(e.currentTarget.value)}
        />
        {valid ? (
          <Group gap="sm">
            <DownloadLink href={href("pdf")} data-testid="plenary-pdf">
              {t("plenary.report.pdf")}
            </DownloadLink>
            <DownloadLink href={href("docx")} variant="light" data-testid="plenary-docx">
              {t("plenary.report.docx")}
            </DownloadLink>
          </Group>
        ) : (
          <Alert color="yellow">{t("plenary.report.badPeriod")}</Alert>
        )}
      </Stack>
    </Paper>
  );
}

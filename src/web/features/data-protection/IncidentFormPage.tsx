import { Button, Checkbox, Group, MultiSelect, Paper, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { INCIDENT_DATA_CATEGORIES, IncidentInput } from "../../../shared/incidents";
import { ApiError } from "../../app/api";
import { ErrorSummary } from "../../app/ErrorSummary";
import { ErrorAlert, PageHeader } from "../../app/ui";
import { type FieldErrors, schemaErrors, serverErrors } from "../directory/issues";
import { useParties } from "../requests/useParties";
import { dataProtectionApi } from "./dataProtectionApi";
import { DATA_PROTECTION_MESSAGES } from "./issues";
import { CATEGORY_KEYS } from "./labels";

/** The fields the form shows: an error on any other path goes in the summary at the top. */
const FIELDS = [
  "title",
  "detectedAt",
  "description",
  "dataCategories",
  "affectedParties",
  "requestNumbers",
  "measures",
];

/** "2026-000123, 2026-000124" → the list of numbers as typed. */
const numbersOf = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/** A datetime-local value ("2026-11-21T04:10", this device's time) as an ISO instant, or as typed if unreadable. */
function instantOf(local: string): string {
  const date = new Date(local);
  return local && !Number.isNaN(date.getTime()) ? date.toISOString() : local;
}

/** The field an issue belongs to: "requestNumbers.2" is shown on the request numbers. */
const fieldOf = (path: string) => path.split(".")[0] ?? "";

/** /data-protection/incidents/new: the Secretariat records an incident; the Parties named are told at once. */
export function IncidentFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const parties = useParties();
  const [title, setTitle] = useState("");
  const [detectedAt, setDetectedAt] = useState("");
  const [description, setDescription] = useState("");
  const [categories, setCategories] = useState<string[]>([]);
  const [affected, setAffected] = useState<string[]>([]);
  const [numbers, setNumbers] = useState("");
  const [measures, setMeasures] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const fieldErrors: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) fieldErrors[fieldOf(path)] ??= message;
  const elsewhere = Object.entries(errors).filter(([path]) => !FIELDS.includes(fieldOf(path)));

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    requestAnimationFrame(() => summary.current?.focus());
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const parsed = IncidentInput.safeParse({
      title,
      detectedAt: instantOf(detectedAt),
      description,
      dataCategories: categories,
      affectedParties: affected,
      requestNumbers: numbersOf(numbers),
      measures,
    });
    if (!parsed.success) {
      showErrors(schemaErrors(t, parsed.error, DATA_PROTECTION_MESSAGES));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const recorded = await dataProtectionApi.recordIncident(parsed.data);
      navigate(`/data-protection/incidents/${recorded.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.issues.length > 0) {
        showErrors(serverErrors(t, e.issues, [], DATA_PROTECTION_MESSAGES));
      } else setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      <PageHeader title={t("dataProtection.form.title")} description={t("dataProtection.form.intro")} />
      <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} maw={820}>
        <form onSubmit={submit} noValidate data-testid="incident-form">
          <Stack gap="md">
            {hasErrors ? (
              <ErrorSummary
                ref={summary}
                title={t("dataProtection.form.errorTitle")}
                hint={t("dataProtection.form.errorHint")}
                elsewhere={elsewhere}
                testId="incident-form-errors"
              />
            ) : null}
            {failure ? <ErrorAlert error={failure} /> : null}
            <TextInput
              label={t("dataProtection.form.incidentTitle")}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={fieldErrors.title}
              required
              name="title"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="datetime-local"
                label={t("dataProtection.form.detectedAt")}
                description={t("dataProtection.form.detectedAtHelp")}
                value={detectedAt}
                onChange={(e) => setDetectedAt(e.currentTarget.value)}
                error={fieldErrors.detectedAt}
                required
                name="detectedAt"
              />
              <MultiSelect
                label={t("dataProtection.form.affectedParties")}
                description={t("dataProtection.form.affectedPartiesHelp")}
                data={parties.options}
                filter={parties.filter}
                value={affected}
                onChange={setAffected}
                searchable
                error={fieldErrors.affectedParties}
                required
                name="affectedParties"
              />
            </SimpleGrid>
            <Textarea
              label={t("dataProtection.form.description")}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={fieldErrors.description}
              autosize
              minRows={3}
              required
              name="description"
            />
            <Checkbox.Group
              label={t("dataProtection.form.dataCategories")}
              value={categories}
              onChange={setCategories}
              error={fieldErrors.dataCategories}
              withAsterisk
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing={6}>
                {INCIDENT_DATA_CATEGORIES.map((c) => (
                  <Checkbox key={c} value={c} label={t(CATEGORY_KEYS[c])} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <TextInput
              label={t("dataProtection.form.requestNumbers")}
              description={t("dataProtection.form.requestNumbersHelp")}
              value={numbers}
              onChange={(e) => setNumbers(e.currentTarget.value)}
              error={fieldErrors.requestNumbers}
              name="requestNumbers"
            />
            <Textarea
              label={t("dataProtection.form.measures")}
              description={t("dataProtection.form.measuresHelp")}
              value={measures}
              onChange={(e) => setMeasures(e.currentTarget.value)}
              error={fieldErrors.measures}
              autosize
              minRows={3}
              required
              name="measures"
            />
            <Group justify="flex-end">
              <Button component={Link} to="/data-protection" variant="default">
                {t("dataProtection.form.cancel")}
              </Button>
              <Button type="submit" loading={busy}>
                {t("dataProtection.form.submit")}
              </Button>
            </Group>
            {parties.error ? <ErrorAlert error={parties.error} onRetry={parties.retry} /> : null}
          </Stack>
        </form>
      </Paper>
    </>
  );
}

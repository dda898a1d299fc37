import { Button, Checkbox, Group, MultiSelect, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { INCIDENT_DATA_CATEGORIES, IncidentInput } from "../../../shared/incidents";
import { FormFrame } from "../../app/FormFrame";
import { ErrorAlert } from "../../app/ui";
import { useSchemaForm } from "../../app/useSchemaForm";
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
  const form = useSchemaForm({ schema: IncidentInput, messages: DATA_PROTECTION_MESSAGES, fields: FIELDS, fieldOf });
  const { fieldErrors } = form;

  const submit = form.handleSubmit(
    () => ({
      title,
      detectedAt: instantOf(detectedAt),
      description,
      dataCategories: categories,
      affectedParties: affected,
      requestNumbers: numbersOf(numbers),
      measures,
    }),
    async (data) => {
      const recorded = await dataProtectionApi.recordIncident(data);
      navigate(`/data-protection/incidents/${recorded.id}`);
    },
  );

  return (
    <FormFrame
      form={form}
      onSubmit={submit}
      testId="incident-form"
      errorTitle={t("dataProtection.form.errorTitle")}
      errorHint={t("dataProtection.form.errorHint")}
      page={{ title: t("dataProtection.form.title"), description: t("dataProtection.form.intro") }}
    >
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
        <Button type="submit" loading={form.busy}>
          {t("dataProtection.form.submit")}
        </Button>
      </Group>
      {parties.error ? <ErrorAlert error={parties.error} onRetry={parties.retry} /> : null}
    </FormFrame>
  );
}

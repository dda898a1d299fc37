import { Button, Group, MultiSelect, NativeSelect, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { ACTIVITY_KINDS, ActivityInput, type ActivityKind } from "../../../shared/plenary";
import { FormFrame } from "../../app/FormFrame";
import { ErrorAlert } from "../../app/ui";
import { useSchemaForm } from "../../app/useSchemaForm";
import { useCountries } from "../meetings/countries";
import { ACTIVITY_KIND_KEYS, PLENARY_MESSAGES } from "../meetings/labels";
import { type ActivityFields, capacityApi } from "./capacityApi";

const FIELDS = ["title", "kind", "countries", "startsOn", "endsOn", "project", "notes"];

/** "countries.2" is shown on the countries field. */
const fieldOf = (path: string) => path.split(".")[0] ?? "";

/** /capacity-building/new: a workshop, a study visit, support to set up a contact point… */
export function ActivityFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const countries = useCountries();
  const [fields, setFields] = useState({ title: "", startsOn: "", endsOn: "", project: "", notes: "" });
  const [kind, setKind] = useState<ActivityKind>("workshop");
  const [chosen, setChosen] = useState<string[]>([]);
  const form = useSchemaForm({ schema: ActivityInput, messages: PLENARY_MESSAGES, fields: FIELDS, fieldOf });
  const { fieldErrors } = form;
  const set = (name: keyof typeof fields) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setFields({ ...fields, [name]: e.currentTarget.value });

  const submit = form.handleSubmit(
    (): ActivityFields => ({
      title: fields.title,
      kind,
      countries: chosen,
      startsOn: fields.startsOn,
      ...(fields.endsOn ? { endsOn: fields.endsOn } : {}),
      project: fields.project,
      notes: fields.notes,
    }),
    async (_, body) => {
      await capacityApi.create(body);
      navigate("/capacity-building");
    },
  );

  return (
    <FormFrame
      form={form}
      onSubmit={submit}
      testId="activity-form"
      errorTitle={t("capacity.form.errorTitle")}
      errorHint={t("meetings.form.errorHint")}
      page={{ title: t("capacity.form.title"), description: t("capacity.form.intro") }}
    >
      <TextInput
        label={t("capacity.form.activityTitle")}
        value={fields.title}
        onChange={set("title")}
        error={fieldErrors.title}
        required
        name="title"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t("capacity.form.kind")}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as ActivityKind)}
          data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(ACTIVITY_KIND_KEYS[k]) }))}
          error={fieldErrors.kind}
          required
          name="kind"
        />
        <TextInput
          label={t("capacity.form.project")}
          description={t("capacity.form.projectHelp")}
          value={fields.project}
          onChange={set("project")}
          error={fieldErrors.project}
          name="project"
        />
      </SimpleGrid>
      <MultiSelect
        label={t("capacity.form.countries")}
        description={t("capacity.form.countriesHelp")}
        data={countries.all}
        filter={countries.filter}
        value={chosen}
        onChange={setChosen}
        searchable
        nothingFoundMessage={t("meetings.add.noCountry")}
        error={fieldErrors.countries}
        name="countries"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t("capacity.form.startsOn")}
          value={fields.startsOn}
          onChange={set("startsOn")}
          error={fieldErrors.startsOn}
          required
          name="startsOn"
        />
        <TextInput
          type="date"
          label={t("capacity.form.endsOn")}
          description={t("meetings.form.endsOnHelp")}
          value={fields.endsOn}
          onChange={set("endsOn")}
          error={fieldErrors.endsOn}
          name="endsOn"
        />
      </SimpleGrid>
      <Textarea
        label={t("capacity.form.notes")}
        value={fields.notes}
        onChange={set("notes")}
        error={fieldErrors.notes}
        autosize
        minRows={2}
        name="notes"
      />
      {countries.error ? <ErrorAlert error={countries.error} onRetry={countries.retry} /> : null}
      <Group justify="flex-end">
        <Button component={Link} to="/capacity-building" variant="default">
          {t("capacity.form.cancel")}
        </Button>
        <Button type="submit" loading={form.busy}>
          {t("capacity.form.submit")}
        </Button>
      </Group>
    </FormFrame>
  );
}

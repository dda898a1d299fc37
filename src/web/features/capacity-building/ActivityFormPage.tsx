import { Button, Group, MultiSelect, NativeSelect, Paper, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { ACTIVITY_KINDS, ActivityInput, type ActivityKind } from "../../../shared/plenary";
import { ApiError } from "../../app/api";
import { ErrorSummary } from "../../app/ErrorSummary";
import { ErrorAlert, PageHeader } from "../../app/ui";
import { type FieldErrors, schemaErrors, serverErrors } from "../directory/issues";
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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const set = (name: keyof typeof fields) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setFields({ ...fields, [name]: e.currentTarget.value });

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    requestAnimationFrame(() => summary.current?.focus());
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const body: ActivityFields = {
      title: fields.title,
      kind,
      countries: chosen,
      startsOn: fields.startsOn,
      ...(fields.endsOn ? { endsOn: fields.endsOn } : {}),
      project: fields.project,
      notes: fields.notes,
    };
    const parsed = ActivityInput.safeParse(body);
    if (!parsed.success) {
      showErrors(schemaErrors(t, parsed.error, PLENARY_MESSAGES));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await capacityApi.create(body);
      navigate("/capacity-building");
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.issues.length > 0) {
        showErrors(serverErrors(t, e.issues, [], PLENARY_MESSAGES));
      } else setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const fieldErrors: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) fieldErrors[fieldOf(path)] ??= message;
  const elsewhere = Object.entries(errors).filter(([path]) => !FIELDS.includes(fieldOf(path)));
  return (
    <>
      <PageHeader title={t("capacity.form.title")} description={t("capacity.form.intro")} />
      <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} maw={820}>
        <form onSubmit={submit} noValidate data-testid="activity-form">
          <Stack gap="md">
            {Object.keys(errors).length > 0 ? (
              <ErrorSummary
                ref={summary}
                title={t("capacity.form.errorTitle")}
                hint={t("meetings.form.errorHint")}
                elsewhere={elsewhere}
                testId="activity-form-errors"
              />
            ) : null}
            {failure ? <ErrorAlert error={failure} /> : null}
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
              <Button type="submit" loading={busy}>
                {t("capacity.form.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}

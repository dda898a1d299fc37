import { Button, Group, Paper, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { MeetingInput } from "../../../shared/plenary";
import { ApiError } from "../../app/api";
import { ErrorSummary } from "../../app/ErrorSummary";
import { ErrorAlert, PageHeader } from "../../app/ui";
import { type FieldErrors, schemaErrors, serverErrors } from "../directory/issues";
import { PLENARY_MESSAGES } from "./labels";
import { type MeetingFields, meetingsApi } from "./meetingsApi";

const FIELDS = ["title", "startsOn", "endsOn", "place", "notes"];

/** /meetings/new: the Secretariat records an annual meeting (its delegates follow on its page). */
export function MeetingFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [fields, setFields] = useState({ title: "", startsOn: "", endsOn: "", place: "", notes: "" });
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
    const body: MeetingFields = {
      title: fields.title,
      startsOn: fields.startsOn,
      // An empty end date means a one-day meeting: the schema takes it as absent, not as "".
      ...(fields.endsOn ? { endsOn: fields.endsOn } : {}),
      place: fields.place,
      notes: fields.notes,
    };
    const parsed = MeetingInput.safeParse(body);
    if (!parsed.success) {
      showErrors(schemaErrors(t, parsed.error, PLENARY_MESSAGES));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const recorded = await meetingsApi.create(body);
      navigate(`/meetings/${recorded.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.issues.length > 0) {
        showErrors(serverErrors(t, e.issues, [], PLENARY_MESSAGES));
      } else setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const elsewhere = Object.entries(errors).filter(([path]) => !FIELDS.includes(path));
  return (
    <>
      <PageHeader title={t("meetings.form.title")} description={t("meetings.form.intro")} />
      <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} maw={820}>
        <form onSubmit={submit} noValidate data-testid="meeting-form">
          <Stack gap="md">
            {Object.keys(errors).length > 0 ? (
              <ErrorSummary
                ref={summary}
                title={t("meetings.form.errorTitle")}
                hint={t("meetings.form.errorHint")}
                elsewhere={elsewhere}
                testId="meeting-form-errors"
              />
            ) : null}
            {failure ? <ErrorAlert error={failure} /> : null}
            <TextInput
              label={t("meetings.form.meetingTitle")}
              description={t("meetings.form.meetingTitleHelp")}
              value={fields.title}
              onChange={set("title")}
              error={errors.title}
              required
              name="title"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="date"
                label={t("meetings.form.startsOn")}
                value={fields.startsOn}
                onChange={set("startsOn")}
                error={errors.startsOn}
                required
                name="startsOn"
              />
              <TextInput
                type="date"
                label={t("meetings.form.endsOn")}
                description={t("meetings.form.endsOnHelp")}
                value={fields.endsOn}
                onChange={set("endsOn")}
                error={errors.endsOn}
                name="endsOn"
              />
            </SimpleGrid>
            <TextInput
              label={t("meetings.form.place")}
              description={t("meetings.form.placeHelp")}
              value={fields.place}
              onChange={set("place")}
              error={errors.place}
              required
              name="place"
            />
            <Textarea
              label={t("meetings.form.notes")}
              value={fields.notes}
              onChange={set("notes")}
              error={errors.notes}
              autosize
              minRows={2}
              name="notes"
            />
            <Group justify="flex-end">
              <Button component={Link} to="/meetings" variant="default">
                {t("meetings.form.cancel")}
              </Button>
              <Button type="submit" loading={busy}>
                {t("meetings.form.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}

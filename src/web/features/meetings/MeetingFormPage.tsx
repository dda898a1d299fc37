import { Button, Group, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { MeetingInput } from "../../../shared/plenary";
import { FormFrame } from "../../app/FormFrame";
import { useSchemaForm } from "../../app/useSchemaForm";
import { PLENARY_MESSAGES } from "./labels";
import { type MeetingFields, meetingsApi } from "./meetingsApi";

const FIELDS = ["title", "startsOn", "endsOn", "place", "notes"];

/** /meetings/new: the Secretariat records an annual meeting (its delegates follow on its page). */
export function MeetingFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [fields, setFields] = useState({ title: "", startsOn: "", endsOn: "", place: "", notes: "" });
  const form = useSchemaForm({ schema: MeetingInput, messages: PLENARY_MESSAGES, fields: FIELDS });
  const { errors } = form;
  const set = (name: keyof typeof fields) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setFields({ ...fields, [name]: e.currentTarget.value });

  const submit = form.handleSubmit(
    (): MeetingFields => ({
      title: fields.title,
      startsOn: fields.startsOn,
      // An empty end date means a one-day meeting: the schema takes it as absent, not as "".
      ...(fields.endsOn ? { endsOn: fields.endsOn } : {}),
      place: fields.place,
      notes: fields.notes,
    }),
    async (_, body) => {
      const recorded = await meetingsApi.create(body);
      navigate(`/meetings/${recorded.id}`);
    },
  );

  return (
    <FormFrame
      form={form}
      onSubmit={submit}
      testId="meeting-form"
      errorTitle={t("meetings.form.errorTitle")}
      errorHint={t("meetings.form.errorHint")}
      page={{ title: t("meetings.form.title"), description: t("meetings.form.intro") }}
    >
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
        <Button type="submit" loading={form.busy}>
          {t("meetings.form.submit")}
        </Button>
      </Group>
    </FormFrame>
  );
}

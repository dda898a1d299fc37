import { Button, Checkbox, Group, NativeSelect, Radio, Select, SimpleGrid, TextInput, Title } from "@mantine/core";
import { IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ATTENDANCE_MODES,
  type AttendanceMode,
  type MeetingDetail,
  PARTICIPANT_KINDS,
  type ParticipantKind,
  REGISTRATION_STATUSES,
  RegistrationInput,
  type RegistrationStatus,
} from "../../../shared/plenary";
import { FormFrame } from "../../app/FormFrame";
import { useSchemaForm } from "../../app/useSchemaForm";
import type { Countries } from "./countries";
import { KIND_KEYS, MODE_KEYS, PLENARY_MESSAGES, STATUS_KEYS } from "./labels";
import { meetingsApi, type RegistrationFields } from "./meetingsApi";

const FIELDS = ["name", "email", "kind", "country", "organisation", "mode", "status", "attended"];

type State = {
  name: string;
  email: string;
  kind: ParticipantKind;
  country: string | null;
  organisation: string;
  mode: AttendanceMode;
  status: RegistrationStatus;
  attended: boolean;
};
const EMPTY: State = {
  name: "",
  email: "",
  kind: "party",
  country: null,
  organisation: "",
  mode: "in_person",
  status: "invited",
  attended: false,
};

/** Invites or registers one delegate: a Party's, an observer State's or an international organisation's. */
export function RegistrationForm({
  meetingId,
  countries,
  onAdded,
  titleId,
}: {
  meetingId: string;
  countries: Countries;
  onAdded: (m: MeetingDetail) => void;
  titleId: string;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>(EMPTY);
  const form = useSchemaForm({ schema: RegistrationInput, messages: PLENARY_MESSAGES, fields: FIELDS });
  const { errors } = form;
  const update = (patch: Partial<State>) => setState((s) => ({ ...s, ...patch }));

  const submit = form.handleSubmit(
    (): RegistrationFields => ({
      name: state.name,
      ...(state.email.trim() ? { email: state.email } : {}),
      kind: state.kind,
      // A country for a State's delegate, the organisation's name for an organisation's: never both.
      ...(state.kind !== "organisation" && state.country ? { country: state.country } : {}),
      ...(state.kind === "organisation" ? { organisation: state.organisation } : {}),
      mode: state.mode,
      status: state.status,
      attended: state.status === "registered" && state.attended,
    }),
    async (_, body) => {
      onAdded(await meetingsApi.addRegistration(meetingId, body));
      // The next delegate is often of the same kind and way of attending.
      setState({ ...EMPTY, kind: state.kind, mode: state.mode, status: state.status });
    },
  );

  return (
    <FormFrame
      form={form}
      onSubmit={submit}
      testId="registration-form"
      errorTitle={t("meetings.add.errorTitle")}
      errorHint={t("meetings.form.errorHint")}
      gap="sm"
      heading={
        <Title order={2} size="h5" id={titleId}>
          {t("meetings.add.title")}
        </Title>
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("meetings.add.name")}
          value={state.name}
          onChange={(e) => update({ name: e.currentTarget.value })}
          error={errors.name}
          required
          name="name"
        />
        <TextInput
          type="email"
          label={t("meetings.add.email")}
          value={state.email}
          onChange={(e) => update({ email: e.currentTarget.value })}
          error={errors.email}
          name="email"
        />
      </SimpleGrid>
      <Radio.Group
        label={t("meetings.add.kind")}
        value={state.kind}
        onChange={(v) => update({ kind: v as ParticipantKind, country: null })}
        error={errors.kind}
        withAsterisk
      >
        <Group gap="lg" mt={6}>
          {PARTICIPANT_KINDS.map((k) => (
            <Radio key={k} value={k} label={t(KIND_KEYS[k])} />
          ))}
        </Group>
      </Radio.Group>
      {state.kind === "organisation" ? (
        <TextInput
          label={t("meetings.add.organisation")}
          description={t("meetings.add.organisationHelp")}
          value={state.organisation}
          onChange={(e) => update({ organisation: e.currentTarget.value })}
          error={errors.organisation}
          required
          name="organisation"
        />
      ) : (
        <Select
          label={t(state.kind === "party" ? "meetings.add.party" : "meetings.add.observer")}
          description={t(state.kind === "party" ? "meetings.add.partyHelp" : "meetings.add.observerHelp")}
          placeholder={t("meetings.add.countryPlaceholder")}
          data={state.kind === "party" ? countries.parties : countries.others}
          filter={countries.filter}
          value={state.country}
          onChange={(v) => update({ country: v })}
          searchable
          clearable
          nothingFoundMessage={t("meetings.add.noCountry")}
          error={errors.country}
          required
          name="country"
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Radio.Group
          label={t("meetings.add.mode")}
          value={state.mode}
          onChange={(v) => update({ mode: v as AttendanceMode })}
          error={errors.mode}
        >
          <Group gap="lg" mt={6}>
            {ATTENDANCE_MODES.map((m) => (
              <Radio key={m} value={m} label={t(MODE_KEYS[m])} />
            ))}
          </Group>
        </Radio.Group>
        <NativeSelect
          label={t("meetings.add.status")}
          value={state.status}
          onChange={(e) => {
            const status = e.currentTarget.value as RegistrationStatus;
            update({ status, attended: status === "registered" && state.attended });
          }}
          data={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))}
          error={errors.status}
        />
        <Checkbox
          mt={{ base: 0, sm: 28 }}
          label={t("meetings.add.attended")}
          description={state.status !== "registered" ? t("meetings.validation.attended") : undefined}
          checked={state.attended}
          disabled={state.status !== "registered"}
          onChange={(e) => update({ attended: e.currentTarget.checked })}
          error={errors.attended}
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button type="submit" loading={form.busy} leftSection={<IconUserPlus size={16} aria-hidden />}>
          {t("meetings.add.submit")}
        </Button>
      </Group>
    </FormFrame>
  );
}

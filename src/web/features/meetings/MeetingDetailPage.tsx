import { Badge, Checkbox, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import {
  ATTENDANCE_MODES,
  type AttendanceInput,
  type AttendanceMode,
  type MeetingDetail,
  REGISTRATION_STATUSES,
  type Registration,
  type RegistrationStatus,
} from "../../../shared/plenary";
import { DetailFrame } from "../../app/DetailFrame";
import { errorMessage } from "../../app/errors";
import { notifyError } from "../../app/notify";
import { ErrorAlert } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { type Countries, useCountries } from "./countries";
import { daysLabel, KIND_KEYS, MODE_KEYS, participationLine, STATUS_KEYS } from "./labels";
import { meetingsApi } from "./meetingsApi";
import { RegistrationForm } from "./RegistrationForm";

/** /meetings/:id: the meeting, its participation, its delegates and the form to add one. */
export function MeetingDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const locale = currentLocale();
  const countries = useCountries();
  // The server answers every change with the whole meeting: shown in place of the first load.
  const [shown, setShown] = useState<MeetingDetail | null>(null);
  const query = useApiQuery(`meeting-${id}`, (signal) => meetingsApi.get(id, signal));

  return (
    <DetailFrame
      query={query}
      latest={shown && shown.id === id ? shown : null}
      back={{ to: "/meetings", label: t("meetings.detail.back") }}
      loading={t("meetings.detail.loading")}
      loadFailed={t("meetings.detail.loadFailed")}
      header={(meeting) => ({
        title: meeting.title,
        description: t("meetings.detail.when", {
          place: meeting.place,
          date: daysLabel(meeting.startsOn, meeting.endsOn, locale),
        }),
      })}
    >
      {(meeting) => (
        <Stack gap="md">
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="meeting-participation-title">
            <Stack gap={4}>
              <Title order={2} size="h5" id="meeting-participation-title">
                {t("meetings.detail.participation")}
              </Title>
              <Text data-testid="participation" aria-live="polite">
                {participationLine(t, meeting.participation)}
              </Text>
              <Text size="sm" c="dimmed" data-testid="invitations">
                {t("meetings.participation.invitations", {
                  invited: meeting.participation.invited,
                  registered: meeting.participation.registered,
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {t("meetings.detail.participationHelp")}
              </Text>
              {meeting.notes ? (
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }} mt="xs">
                  {meeting.notes}
                </Text>
              ) : null}
            </Stack>
          </Paper>
          {/* Above the table: a meeting has a hundred invitations, the form would sit far below them. */}
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="meeting-add-title">
            <RegistrationForm
              meetingId={meeting.id}
              countries={countries}
              onAdded={setShown}
              titleId="meeting-add-title"
            />
          </Paper>
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="meeting-delegates-title">
            <Stack gap="sm">
              <Title order={2} size="h5" id="meeting-delegates-title">
                {t("meetings.registrations.title")}
              </Title>
              {countries.error ? <ErrorAlert error={countries.error} onRetry={countries.retry} /> : null}
              {meeting.registrations.length === 0 ? (
                <Text size="sm" c="dimmed" data-testid="registrations-empty">
                  {t("meetings.registrations.empty")}
                </Text>
              ) : (
                <Registrations meeting={meeting} countries={countries} onChanged={setShown} />
              )}
            </Stack>
          </Paper>
        </Stack>
      )}
    </DetailFrame>
  );
}

function Registrations({
  meeting,
  countries,
  onChanged,
}: {
  meeting: MeetingDetail;
  countries: Countries;
  onChanged: (m: MeetingDetail) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing="xs" data-testid="registrations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("meetings.registrations.columns.delegate")}</Table.Th>
            <Table.Th>{t("meetings.registrations.columns.represents")}</Table.Th>
            <Table.Th>{t("meetings.registrations.columns.kind")}</Table.Th>
            <Table.Th>{t("meetings.registrations.columns.status")}</Table.Th>
            <Table.Th>{t("meetings.registrations.columns.mode")}</Table.Th>
            <Table.Th>{t("meetings.registrations.columns.attended")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meeting.registrations.map((r) => (
            <RegistrationRow key={r.id} meetingId={meeting.id} r={r} countries={countries} onChanged={onChanged} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One delegate: the status, the way of attending and the attendance change at once on the server. */
function RegistrationRow({
  meetingId,
  r,
  countries,
  onChanged,
}: {
  meetingId: string;
  r: Registration;
  countries: Countries;
  onChanged: (m: MeetingDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  // The change asked for shows at once and until the server answers (then its answer, or back on failure).
  const [pending, setPending] = useState<AttendanceInput | null>(null);
  const busy = pending !== null;
  const change = async (body: AttendanceInput) => {
    setPending(body);
    try {
      onChanged(await meetingsApi.updateRegistration(meetingId, r.id, body));
    } catch (e) {
      notifyError(t, t("meetings.registrations.changeFailed", { name: r.name }), errorMessage(t, e, i18n.language));
    } finally {
      setPending(null);
    }
  };
  const status = pending?.status ?? r.status;
  const mode = pending?.mode ?? r.mode;
  const attended = pending?.attended ?? (status === "registered" && r.attended);
  const represents = r.kind === "organisation" ? (r.organisation ?? "") : r.country ? countries.name(r.country) : "";
  return (
    <Table.Tr data-testid="registration" data-name={r.name} data-attended={String(r.attended)}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {r.name}
        </Text>
        {r.email ? (
          <Text size="xs" c="dimmed">
            {r.email}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>{represents}</Table.Td>
      <Table.Td>
        <Badge
          variant="light"
          tt="none"
          maw="none"
          color={r.kind === "party" ? "blue" : r.kind === "observer" ? "grape" : "teal"}
        >
          {t(KIND_KEYS[r.kind])}
        </Badge>
      </Table.Td>
      <Table.Td>
        <NativeSelect
          size="xs"
          miw={130}
          aria-label={t("meetings.registrations.statusOf", { name: r.name })}
          value={status}
          disabled={busy}
          onChange={(e) => void change({ status: e.currentTarget.value as RegistrationStatus })}
          data={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          size="xs"
          miw={130}
          aria-label={t("meetings.registrations.modeOf", { name: r.name })}
          value={mode}
          disabled={busy}
          onChange={(e) => void change({ mode: e.currentTarget.value as AttendanceMode })}
          data={ATTENDANCE_MODES.map((m) => ({ value: m, label: t(MODE_KEYS[m]) }))}
        />
      </Table.Td>
      <Table.Td>
        <Checkbox
          aria-label={t("meetings.registrations.attendedOf", { name: r.name })}
          checked={attended}
          // Only a registered delegate can attend (the schema's and the server's rule).
          disabled={busy || status !== "registered"}
          title={status !== "registered" ? t("meetings.validation.attended") : undefined}
          onChange={(e) => void change({ attended: e.currentTarget.checked })}
        />
      </Table.Td>
    </Table.Tr>
  );
}

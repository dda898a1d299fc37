import { Alert, Button, Fieldset, Group, Modal, Paper, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconDeviceFloppy, IconPencil, IconSend, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import type { z } from "zod";
import { REQUEST_TYPE_INFO, RequestContent } from "../../../../shared/requests";
import type { ApiError } from "../../../app/api";
import { ErrorSummary } from "../../../app/ErrorSummary";
import { useActiveSession } from "../../../app/session";
import { ErrorAlert } from "../../../app/ui";
import { useSchemaForm } from "../../directory/formState";
import { requestSchemaErrors, requestServerErrors } from "../issues";
import { TYPE_KEYS } from "../labels";
import { requestsApi } from "../requestsApi";
import { useParties } from "../useParties";
import { AuthorityFieldset } from "./AuthorityFieldset";
import { ConfirmationFieldset } from "./ConfirmationFieldset";
import { DetailsFieldset } from "./DetailsFieldset";
import { draftToInput, type RequestDraft } from "./draft";
import { HandlingFieldset } from "./HandlingFieldset";
import { IdentifiersEditor } from "./IdentifiersEditor";
import { ParentPicker } from "./ParentPicker";
import { FIRST_STEP_FIELDS, hasField } from "./placement";
import { RoutePreviewPanel } from "./RoutePreviewPanel";
import { RouteStep } from "./RouteStep";
import { useRoutePreview } from "./useRoutePreview";

type Props = {
  initial: RequestDraft;
  /** The saved draft being edited; null for a request not saved yet. */
  draftId: string | null;
  /** Called once the first save has given the request an id (the page then shows its address). */
  onCreated: (id: string) => void;
};

/** After React has drawn the errors: the first invalid field, or the summary, is scrolled to and focused. */
function focusFirstError(form: HTMLFormElement | null, summary: HTMLElement | null) {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? summary;
      first?.scrollIntoView({ block: "center", behavior: "smooth" });
      first?.focus({ preventScroll: true });
    }),
  );
}

export function RequestForm({ initial, draftId: savedId, onCreated }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useActiveSession();
  const zone = session.user.timeZone;
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [draftId, setDraftId] = useState(savedId);
  const [step, setStep] = useState<1 | 2>(initial.requestedParty ? 2 : 1);
  const [partyError, setPartyError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [focusPending, setFocusPending] = useState(false);

  const toInput = useCallback((d: RequestDraft) => draftToInput(d, zone), [zone]);
  const wordErrors = useCallback((error: z.ZodError) => requestSchemaErrors(t, error), [t]);
  const wordServerErrors = useCallback((error: ApiError) => requestServerErrors(t, error.issues), [t]);
  const form = useSchemaForm({ initial, schema: RequestContent, toInput, wordErrors, wordServerErrors });
  const { draft } = form;
  const update = (change: (d: RequestDraft) => RequestDraft) => {
    setPartyError(null);
    form.setDraft(change);
  };
  const errors = partyError ? { ...form.errors, requestedParty: partyError } : form.errors;

  useEffect(() => {
    if (!focusPending) return;
    // An error on the Party, type or language: back to the first step, then to the field.
    if (step === 2 && Object.keys(errors).some((path) => FIRST_STEP_FIELDS.has(path))) {
      setStep(1);
      return;
    }
    setFocusPending(false);
    focusFirstError(formRef.current, summaryRef.current);
  }, [focusPending, errors, step]);
  const parties = useParties(session.user.party?.iso2);
  const route = useRoutePreview(draft.requestedParty, draft.type, draft.language);
  const info = REQUEST_TYPE_INFO[draft.type];
  const emergency = info.emergency || draft.emergency;
  const block = { draft, errors, update };

  /** Saves the form as a draft (created on first save); returns its id. */
  const persist = async (): Promise<string> => {
    const body = {
      type: draft.type,
      requestedParty: draft.requestedParty,
      content: toInput(draft).input as Record<string, unknown>,
    };
    if (draftId) {
      await requestsApi.saveDraft(draftId, body);
      return draftId;
    }
    const { id } = await requestsApi.createDraft(body);
    setDraftId(id);
    onCreated(id);
    return id;
  };

  const saveDraft = async () => {
    setFailure(null);
    setSaving(true);
    try {
      await persist();
      notifications.show({ color: "teal", message: t("requests.form.draftSaved") });
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      const ok = await form.submit(async (content) => {
        const id = draftId ?? (await persist());
        const sent = await requestsApi.send(id, content);
        notifications.show({ color: "teal", message: t("requests.form.sent", { number: sent.number }) });
        navigate(`/requests/${id}`);
      });
      // The errors are drawn on the next render: the effect below takes the user to them.
      if (!ok) setFocusPending(true);
    } catch (error) {
      setFailure(error);
    }
  };

  const remove = async () => {
    if (!draftId) return;
    setDeleting(true);
    try {
      await requestsApi.deleteDraft(draftId);
      notifications.show({ color: "teal", message: t("requests.form.deleted") });
      navigate("/requests?box=drafts");
    } catch (error) {
      setFailure(error);
      setConfirmDelete(false);
    } finally {
      setDeleting(false);
    }
  };

  const continueToDetails = () => {
    if (!draft.requestedParty) {
      setPartyError(t("requests.form.partyRequired"));
      focusFirstError(formRef.current, null);
      return;
    }
    setStep(2);
    window.scrollTo({ top: 0 });
  };

  const errorEntries = Object.entries(errors);
  const elsewhere = errorEntries.filter(
    ([path]) => !hasField(path, draft) || (step === 2 && FIRST_STEP_FIELDS.has(path)),
  );
  const partyLabel = parties.options.find((o) => o.value === draft.requestedParty)?.label ?? draft.requestedParty ?? "";

  return (
    <form ref={formRef} onSubmit={send} noValidate aria-busy={form.submitting}>
      <Stack gap="md">
        {form.attempted && errorEntries.length > 0 ? (
          <ErrorSummary
            ref={summaryRef}
            title={t("requests.form.errorSummary", { count: errorEntries.length })}
            hint={t("requests.form.errorHint")}
            elsewhere={elsewhere}
            testId="error-summary"
          />
        ) : null}

        {step === 1 ? (
          <RouteStep {...block} parties={parties} route={route} onContinue={continueToDetails} />
        ) : (
          <>
            <Paper withBorder radius="md" p="sm" data-testid="route-summary">
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={0} miw={0}>
                    <Text fw={700}>{t(TYPE_KEYS[draft.type])}</Text>
                    <Text size="sm">{t("requests.form.to", { party: partyLabel })}</Text>
                  </Stack>
                  <Button
                    variant="default"
                    size="compact-sm"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    onClick={() => setStep(1)}
                    style={{ flexShrink: 0 }}
                  >
                    {t("requests.form.change")}
                  </Button>
                </Group>
                <RoutePreviewPanel query={route} language={draft.language} compact />
              </Stack>
            </Paper>

            {emergency ? (
              <Alert
                color="red"
                variant="filled"
                icon={<IconAlertTriangle aria-hidden />}
                title={t("requests.form.emergencyTitle")}
                data-testid="emergency-banner"
              >
                <Text size="sm">{t("requests.form.emergencyText")}</Text>
              </Alert>
            ) : null}

            <Fieldset legend={t("requests.block.request")}>
              <Stack gap="sm">
                <TextInput
                  label={t("requests.form.reference")}
                  description={t("requests.form.referenceHelp")}
                  value={draft.reference}
                  onChange={(e) => {
                    const reference = e.currentTarget.value;
                    update((d) => ({ ...d, reference }));
                  }}
                  error={errors.reference}
                  required
                  maw={420}
                />
                {!info.emergency ? (
                  <Switch
                    label={t("requests.form.markEmergency")}
                    description={t("requests.form.markEmergencyHelp")}
                    checked={draft.emergency}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      update((d) => ({ ...d, emergency: on }));
                    }}
                    color="red"
                  />
                ) : null}
                {emergency ? (
                  <TextInput
                    type="datetime-local"
                    label={t("requests.form.answerNeededBy")}
                    description={t("requests.form.answerNeededByHelp", { zone })}
                    value={draft.answerNeededBy}
                    onChange={(e) => {
                      const answerNeededBy = e.currentTarget.value;
                      update((d) => ({ ...d, answerNeededBy }));
                    }}
                    error={errors.answerNeededBy}
                    maw={320}
                  />
                ) : null}
                <Switch
                  label={t("requests.form.markExercise")}
                  description={t("requests.form.markExerciseHelp")}
                  checked={draft.exercise}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    update((d) => ({ ...d, exercise: on }));
                  }}
                  color="grape"
                  data-testid="exercise-switch"
                />
                <ParentPicker {...block} zone={zone} />
              </Stack>
            </Fieldset>

            <AuthorityFieldset {...block} />
            <ConfirmationFieldset {...block} />
            <DetailsFieldset {...block} />
            <IdentifiersEditor {...block} />
            <HandlingFieldset {...block} />

            {failure ? <ErrorAlert error={failure} title={t("requests.form.failed")} /> : null}

            <Group justify="space-between" gap="xs">
              <Group gap="xs">
                <Button component={Link} to="/requests" variant="default">
                  {t("requests.form.cancel")}
                </Button>
                {draftId ? (
                  <Button
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={16} aria-hidden />}
                    onClick={() => setConfirmDelete(true)}
                  >
                    {t("requests.form.delete")}
                  </Button>
                ) : null}
              </Group>
              <Group gap="xs">
                <Button
                  variant="default"
                  leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                  onClick={saveDraft}
                  loading={saving}
                  disabled={form.submitting}
                >
                  {t("requests.form.saveDraft")}
                </Button>
                <Button
                  type="submit"
                  color={emergency ? "red" : undefined}
                  leftSection={<IconSend size={16} aria-hidden />}
                  loading={form.submitting}
                  disabled={saving}
                >
                  {t("requests.form.send")}
                </Button>
              </Group>
            </Group>
          </>
        )}
      </Stack>

      <Modal
        opened={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={t("requests.form.deleteTitle")}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t("requests.form.deleteText")}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirmDelete(false)}>
              {t("requests.form.keep")}
            </Button>
            <Button color="red" onClick={remove} loading={deleting}>
              {t("requests.form.delete")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}

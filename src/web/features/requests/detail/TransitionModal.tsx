import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type RequestDetail, TransitionBody } from "../../../../shared/requests";
import { ApiError } from "../../../app/api";
import { errorMessage } from "../../../app/errors";
import { useActiveSession } from "../../../app/session";
import type { FieldErrors } from "../../directory/issues";
import { requestSchemaErrors, requestServerErrors } from "../issues";
import { ACTION_KEYS, type TransitionAction } from "../labels";
import { requestsApi } from "../requestsApi";
import { isoToZoned } from "../time";

/** Outcomes of a preservation say from which day the data are kept (the period runs from it). */
export function asksPreservedOn(detail: RequestDetail, to: TransitionAction): boolean {
  return detail.type === "preservation" && (to === "executed" || to === "partially_executed");
}

type Props = {
  detail: RequestDetail;
  to: TransitionAction;
  onClose: () => void;
  onDone: (detail: RequestDetail) => void;
  /** Someone else acted first (409): the page loads the request again. */
  onConflict: () => void;
};

/** Confirms one step of the workflow, with the note (and date) it needs; checked with TransitionBody. */
export function TransitionModal({ detail, to, onClose, onDone, onConflict }: Props) {
  const { t, i18n } = useTranslation();
  const session = useActiveSession();
  const keys = ACTION_KEYS[to];
  const withDate = asksPreservedOn(detail, to);
  const [note, setNote] = useState("");
  const [preservedOn, setPreservedOn] = useState(() =>
    withDate ? isoToZoned(new Date().toISOString(), session.user.timeZone).slice(0, 10) : "",
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const required = to === "executed" || to === "partially_executed" || to === "refused";

  const confirm = async () => {
    setFailure(null);
    const parsed = TransitionBody.safeParse(withDate ? { to, note, preservedOn: preservedOn || null } : { to, note });
    if (!parsed.success) {
      setErrors(requestSchemaErrors(t, parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onDone(await requestsApi.transition(detail.id, parsed.data));
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.issues.length > 0) {
        setErrors(requestServerErrors(t, error.issues));
      } else if (error instanceof ApiError && error.status === 409) {
        setFailure(t("requests.action.conflict"));
        onConflict();
      } else {
        setFailure(errorMessage(t, error, i18n.language));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t(keys.title, { number: detail.number })} centered size="lg">
      <Stack gap="md">
        <Text size="sm">{t(keys.text)}</Text>
        {withDate ? (
          <TextInput
            type="date"
            label={t("requests.action.preservedOn")}
            description={t("requests.action.preservedOnHelp")}
            value={preservedOn}
            onChange={(e) => setPreservedOn(e.currentTarget.value)}
            error={errors.preservedOn}
            required
            maw={240}
          />
        ) : null}
        <Textarea
          label={t(keys.note)}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          required={required}
          autosize
          minRows={required ? 3 : 2}
          data-autofocus
        />
        {errors.to ? (
          <Text size="sm" c="red">
            {errors.to}
          </Text>
        ) : null}
        {failure ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {failure}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t("requests.action.cancel")}
          </Button>
          <Button
            onClick={confirm}
            loading={busy}
            color={to === "refused" ? "red" : undefined}
            data-testid="confirm-transition"
          >
            {t(keys.button)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

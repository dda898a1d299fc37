import { Alert, Button, Group, Paper, Radio, Stack, Textarea, Title } from "@mantine/core";
import { IconEyeCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ACCESS_REASONS, PURPOSE_NOTE_MAX, PurposeBody, type RequestDetail } from "../../../../shared/requests";
import { ErrorAlert } from "../../../app/ui";
import type { FieldErrors } from "../../directory/issues";
import { requestSchemaErrors } from "../issues";
import { ACCESS_REASON_KEYS } from "../labels";
import { requestsApi } from "../requestsApi";

/** The server names only the request's number when it asks for a purpose. */
const NUMBER = /\b\d{4}-\d{6}\b/;

/**
 * Shown instead of a request the viewer does not handle (403 `purpose_required`): why they open
 * it (SAP Art. 14(8)). Once recorded, the server answers with the request, read under that purpose.
 */
export function PurposeForm({
  requestId,
  serverMessage,
  onOpened,
}: {
  requestId: string;
  serverMessage: string;
  onOpened: (detail: RequestDetail) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const number = NUMBER.exec(serverMessage)?.[0];

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const parsed = PurposeBody.safeParse({ reason, note });
    if (!parsed.success) {
      setErrors(requestSchemaErrors(t, parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onOpened(await requestsApi.givePurpose(requestId, parsed.data));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper
      component="form"
      onSubmit={submit}
      withBorder
      radius="md"
      p="lg"
      maw={640}
      aria-labelledby="purpose-title"
      data-testid="purpose-form"
      noValidate
    >
      <Stack gap="md">
        <Title order={1} size="h3" id="purpose-title">
          {number ? `${number} · ` : ""}
          {t("requests.needToKnow.purpose.title")}
        </Title>
        <Alert color="blue" variant="light" icon={<IconEyeCheck size={18} aria-hidden />}>
          {t("requests.needToKnow.purpose.intro")}
        </Alert>
        <Radio.Group
          label={t("requests.needToKnow.purpose.reasonLabel")}
          value={reason}
          onChange={setReason}
          error={errors.reason ? t("requests.needToKnow.purpose.reasonLabel") : undefined}
          required
        >
          <Stack gap={6} mt={6}>
            {ACCESS_REASONS.map((r) => (
              <Radio key={r} value={r} label={t(ACCESS_REASON_KEYS[r])} data-testid={`purpose-${r}`} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={
            reason === "other"
              ? t("requests.needToKnow.purpose.noteRequired")
              : t("requests.needToKnow.purpose.noteLabel")
          }
          description={t("requests.needToKnow.purpose.noteHelp")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note ? t("requests.needToKnow.purpose.noteMissing") : undefined}
          required={reason === "other"}
          maxLength={PURPOSE_NOTE_MAX}
          autosize
          minRows={2}
          data-testid="purpose-note"
        />
        {failure ? <ErrorAlert error={failure} title={t("requests.needToKnow.purpose.failed")} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid="purpose-submit">
            {t("requests.needToKnow.purpose.submit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

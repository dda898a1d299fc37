import { Alert, Anchor, Button, Fieldset, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconEdit, IconInfoCircle } from "@tabler/icons-react";
import { type FormEvent, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useParams } from "react-router-dom";
import type { z } from "zod";
import { CorrectionBody, RequestContent, type RequestDetail } from "../../../../shared/requests";
import { ApiError } from "../../../app/api";
import { ErrorSummary } from "../../../app/ErrorSummary";
import { NotFoundPage } from "../../../app/StatusPages";
import { useActiveSession } from "../../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../../app/ui";
import { useApiQuery } from "../../../app/useApiQuery";
import { useSchemaForm } from "../../directory/formState";
import { AuthorityFieldset } from "../form/AuthorityFieldset";
import { ConfirmationFieldset } from "../form/ConfirmationFieldset";
import { DetailsFieldset } from "../form/DetailsFieldset";
import { draftFromContent, draftToInput, type RequestDraft } from "../form/draft";
import { HandlingFieldset } from "../form/HandlingFieldset";
import { IdentifiersEditor } from "../form/IdentifiersEditor";
import { requestSchemaErrors, requestServerErrors } from "../issues";
import { requestsApi } from "../requestsApi";

/**
 * /requests/:id/correct: the sender corrects the form of a request it sent (SAP Art. 14(3)). The
 * form opens as it stands; the Party, type, language and urgency are not offered (they made the
 * route and the deadlines). Vigil keeps the earlier values and shows them on the request's page.
 */
export function CorrectionPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const session = useActiveSession();
  const zone = session.user.timeZone;
  const query = useApiQuery<RequestDetail>(`request-correct-${id}`, (signal) => requestsApi.get(id, signal));

  const back = (
    <Group mb="xs">
      <Anchor component={Link} to={`/requests/${id}`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t("requests.correction.back")}
        </Group>
      </Anchor>
    </Group>
  );
  if (query.status === "loading") return <PageLoader label={t("requests.detail.loading")} />;
  if (query.status === "error") {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
    return (
      <>
        {back}
        <ErrorAlert error={query.error} title={t("requests.detail.loadFailed")} onRetry={query.retry} />
      </>
    );
  }
  const detail = query.data;
  // Nothing to correct here (a draft is edited; a closed request or the other side's is not corrected).
  if (!detail.actions.includes("correct")) return <Navigate to={`/requests/${detail.id}`} replace />;
  const initial = draftFromContent(
    detail.content,
    { type: detail.type, requestedParty: detail.to?.iso2 ?? null, timeZone: zone },
    zone,
  );
  return (
    <>
      {back}
      <PageHeader
        title={t("requests.correction.title", { number: detail.number })}
        description={t("requests.correction.description")}
      />
      <CorrectionForm detail={detail} initial={initial} zone={zone} />
    </>
  );
}

function CorrectionForm({ detail, initial, zone }: { detail: RequestDetail; initial: RequestDraft; zone: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const toInput = useCallback((d: RequestDraft) => draftToInput(d, zone), [zone]);
  const wordErrors = useCallback((error: z.ZodError) => requestSchemaErrors(t, error), [t]);
  const wordServerErrors = useCallback((error: ApiError) => requestServerErrors(t, error.issues), [t]);
  const form = useSchemaForm({ initial, schema: RequestContent, toInput, wordErrors, wordServerErrors });
  const { draft } = form;
  const block = { draft, errors: form.errors, update: form.setDraft };
  const errorEntries = Object.entries(form.errors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = CorrectionBody.shape.reason.safeParse(reason);
    setReasonError(checked.success ? null : t("requests.validation.correctionReason"));
    try {
      await form.submit(async (content) => {
        if (!checked.success) throw new Error("reason");
        const corrected = await requestsApi.correct(detail.id, { content, reason: checked.data });
        notifications.show({ color: "teal", message: t("requests.correction.done", { number: corrected.number }) });
        navigate(`/requests/${detail.id}`);
      });
    } catch (error) {
      // The reason's own message is already on screen; anything else (no change, closed…) is said here.
      if (!(error instanceof Error && error.message === "reason")) setFailure(error);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-busy={form.submitting}>
      <Stack gap="md">
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />}>
          {t("requests.correction.kept")}
        </Alert>
        {form.attempted && errorEntries.length > 0 ? (
          <ErrorSummary
            title={t("requests.form.errorSummary", { count: errorEntries.length })}
            hint={t("requests.form.errorHint")}
            elsewhere={[]}
            testId="error-summary"
          />
        ) : null}
        <Fieldset legend={t("requests.block.request")}>
          <TextInput
            label={t("requests.form.reference")}
            value={draft.reference}
            onChange={(e) => {
              const reference = e.currentTarget.value;
              form.setDraft((d) => ({ ...d, reference }));
            }}
            error={form.errors.reference}
            required
            maw={420}
          />
        </Fieldset>
        <AuthorityFieldset {...block} />
        <ConfirmationFieldset {...block} />
        <DetailsFieldset {...block} />
        <IdentifiersEditor {...block} />
        <HandlingFieldset {...block} />
        <Textarea
          label={t("requests.correction.reason")}
          description={t("requests.correction.reasonHelp")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reasonError}
          required
          autosize
          minRows={2}
        />
        {failure ? <ErrorAlert error={failure} title={t("requests.correction.failed")} /> : null}
        <Group justify="flex-end" gap="xs">
          <Button component={Link} to={`/requests/${detail.id}`} variant="default">
            {t("requests.form.cancel")}
          </Button>
          <Button type="submit" leftSection={<IconEdit size={16} aria-hidden />} loading={form.submitting}>
            {t("requests.correction.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

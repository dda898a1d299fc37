import { Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FEEDBACK_RATINGS, FeedbackBody, type RequestDetail } from "../../../../shared/requests";
import { ErrorAlert } from "../../../app/ui";
import { currentLocale } from "../../../i18n";
import type { FieldErrors } from "../../directory/issues";
import { requestSchemaErrors } from "../issues";
import { RATING_KEYS } from "../labels";
import { requestsApi } from "../requestsApi";
import { formatMoment } from "../time";

/** The sender says how useful the answer was (the users asked for feedback on requests). */
export function FeedbackPanel({
  detail,
  viewerZone,
  onChanged,
}: {
  detail: RequestDetail;
  viewerZone: string;
  onChanged: (detail: RequestDetail) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [rating, setRating] = useState("");
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const canGive = detail.actions.includes("feedback");
  if (!detail.feedback && !canGive) return null;

  const submit = async () => {
    setFailure(null);
    const parsed = FeedbackBody.safeParse({ rating, comment });
    if (!parsed.success) {
      setErrors(requestSchemaErrors(t, parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onChanged(await requestsApi.feedback(detail.id, parsed.data));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="feedback-title" data-testid="feedback">
      <Stack gap="sm">
        <Title order={2} size="h5" id="feedback-title">
          {t("requests.feedback.title")}
        </Title>
        {detail.feedback ? (
          <Stack gap={2} data-testid="feedback-given">
            <Text size="sm" fw={600}>
              {t(RATING_KEYS[detail.feedback.rating])}
            </Text>
            {detail.feedback.comment ? (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {detail.feedback.comment}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              {formatMoment(detail.feedback.at, locale, viewerZone)}
            </Text>
          </Stack>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t("requests.feedback.help")}
            </Text>
            <Radio.Group
              label={t("requests.feedback.rating.label")}
              value={rating}
              onChange={setRating}
              error={errors.rating ? t("requests.feedback.ratingRequired") : undefined}
              required
            >
              <Group gap="md" mt={6}>
                {FEEDBACK_RATINGS.map((r) => (
                  <Radio key={r} value={r} label={t(RATING_KEYS[r])} />
                ))}
              </Group>
            </Radio.Group>
            <Textarea
              label={t("requests.feedback.comment")}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              error={errors.comment}
              autosize
              minRows={2}
            />
            {failure ? <ErrorAlert error={failure} /> : null}
            <Group justify="flex-end">
              <Button onClick={submit} loading={busy}>
                {t("requests.feedback.submit")}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}

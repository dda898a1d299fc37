import { Alert, Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { WEBHOOK_EVENTS, type Webhook, WebhookInput } from "../../../shared/webhooks";
import { ApiError } from "../../app/api";
import { errorMessage } from "../../app/errors";
import { clientErrors, serverErrors, type WebhookFormErrors } from "./formErrors";
import { eventHelp, eventLabel } from "./labels";
import { webhooksApi } from "./webhooksApi";

/** The events a webhook can subscribe to ("test" is sent on demand to any webhook). */
const SUBSCRIBABLE = WEBHOOK_EVENTS.filter((event) => event !== "test");
type Subscribable = WebhookInput["events"][number];

/** Adding a webhook: checked with the shared schema first, then the server's own rules on the fields. */
export function WebhookForm({ onCreated }: { onCreated: (webhook: Webhook, secret: string) => void }) {
  const { t, i18n } = useTranslation();
  const [url, setUrl] = useState("");
  // All events by default: a national system usually wants to hear of each of them.
  const [events, setEvents] = useState<Subscribable[]>([...SUBSCRIBABLE]);
  const [errors, setErrors] = useState<WebhookFormErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const urlInput = useRef<HTMLInputElement>(null);

  const submit = async () => {
    setFailure(null);
    const parsed = WebhookInput.safeParse({ url: url.trim(), events });
    if (!parsed.success) {
      const found = clientErrors(t, parsed.error);
      setErrors(found);
      if (found.url) urlInput.current?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await webhooksApi.create(parsed.data);
      setUrl("");
      setEvents([...SUBSCRIBABLE]);
      onCreated(created.webhook, created.secret);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.issues.length > 0) {
        const { fields, unplaced } = serverErrors(t, e.issues);
        setErrors(fields);
        if (unplaced || Object.keys(fields).length === 0) setFailure(e);
        if (fields.url) urlInput.current?.focus();
      } else {
        setFailure(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }} component="section" aria-labelledby="webhook-form-title">
      {/* The browser's own bubbles are off: the shared schema's messages, in the UI language, say more. */}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Title order={3} size="h4" id="webhook-form-title">
            {t("webhooks.form.title")}
          </Title>
          <TextInput
            ref={urlInput}
            label={t("webhooks.form.url")}
            description={t("webhooks.form.urlHelp")}
            placeholder={t("webhooks.form.urlPlaceholder")}
            value={url}
            onChange={(e) => {
              setUrl(e.currentTarget.value);
              if (errors.url) setErrors(({ url: _, ...rest }) => rest);
            }}
            error={errors.url}
            required
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            maxLength={2000}
            data-testid="webhook-url"
          />
          <Checkbox.Group
            label={t("webhooks.form.events")}
            description={t("webhooks.form.eventsHelp")}
            value={events}
            onChange={(value) => {
              setEvents(SUBSCRIBABLE.filter((event) => value.includes(event)));
              if (errors.events) setErrors(({ events: _, ...rest }) => rest);
            }}
            error={errors.events}
            required
          >
            <Stack gap="xs" mt="xs">
              {SUBSCRIBABLE.map((event) => (
                <Checkbox
                  key={event}
                  value={event}
                  label={eventLabel(t, event)}
                  description={
                    <>
                      {eventHelp(t, event)}{" "}
                      <Text span size="xs" ff="monospace" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                        ({event})
                      </Text>
                    </>
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {failure ? (
            <Alert color="red" variant="light" role="alert" title={t("webhooks.form.failed")}>
              {errorMessage(t, failure, i18n.language)}
            </Alert>
          ) : null}
          <Group>
            <Button
              type="submit"
              loading={busy}
              leftSection={<IconPlus size={16} aria-hidden />}
              data-testid="webhook-submit"
            >
              {t("webhooks.form.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

import { Button, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MessageBody, type RequestDetail } from "../../../../shared/requests";
import { ErrorAlert } from "../../../app/ui";
import { currentLocale } from "../../../i18n";
import { requestSchemaErrors } from "../issues";
import { requestsApi } from "../requestsApi";
import { formatMoment } from "../time";

/** The exchange between the two contact points about this request, and a composer when the server allows one. */
export function MessageThread({
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
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const canWrite = detail.actions.includes("message");
  const ownParty = detail.direction === "sent" ? detail.from.iso2 : detail.to?.iso2;

  const send = async () => {
    setFailure(null);
    const parsed = MessageBody.safeParse({ body });
    if (!parsed.success) {
      setError(requestSchemaErrors(t, parsed.error).body ?? null);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      onChanged(await requestsApi.message(detail.id, parsed.data));
      setBody("");
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="messages-title" data-testid="messages">
      <Stack gap="sm">
        <Title order={2} size="h5" id="messages-title">
          {t("requests.messages.title")}
        </Title>
        {detail.messages.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("requests.messages.none")}
          </Text>
        ) : (
          <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: "none" }}>
            {detail.messages.map((m) => {
              const mine = m.party === ownParty;
              return (
                <Paper
                  key={m.id}
                  component="li"
                  radius="md"
                  p="xs"
                  withBorder
                  ml={mine ? "xl" : 0}
                  mr={mine ? 0 : "xl"}
                  bg={mine ? "var(--mantine-primary-color-light)" : undefined}
                  data-testid="message"
                >
                  <Text size="xs" c="dimmed">
                    {m.author} ({m.party}) · <time dateTime={m.at}>{formatMoment(m.at, locale, viewerZone)}</time>
                  </Text>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {m.body}
                  </Text>
                </Paper>
              );
            })}
          </Stack>
        )}
        {canWrite ? (
          <Stack gap="xs">
            <Textarea
              label={t("requests.messages.label")}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={error}
              autosize
              minRows={2}
            />
            {failure ? <ErrorAlert error={failure} /> : null}
            <Group justify="flex-end">
              <Button leftSection={<IconSend size={16} aria-hidden />} onClick={send} loading={busy}>
                {t("requests.messages.send")}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

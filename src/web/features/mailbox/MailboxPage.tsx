import {
  Alert,
  Anchor,
  Box,
  Button,
  Divider,
  Grid,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { IconArrowLeft, IconInfoCircle, IconMailOpened, IconRefresh } from "@tabler/icons-react";
import { type RefObject, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { errorMessage } from "../../app/errors";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { currentLocale } from "../../i18n";
import { splitLinks } from "./links";
import { type MailboxMessage, useMailbox } from "./useMailbox";

/** The query parameter naming the open message: a phone's back button returns to the list. */
const MESSAGE_PARAM = "message";

function sentAt(value: string, locale: string): string {
  // Seconds included: several e-mails usually go out within the same minute.
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" }).format(new Date(value));
}

/**
 * The e-mails Vigil would have sent, in demo mode without an SMTP server. The server decides what
 * each account sees (the Secretariat everything, others their own); the page only shows it.
 */
export function MailboxPage() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const { user } = useActiveSession();
  // Only a wording choice: the recipient is worth showing when the list holds other people's mail.
  const everyone = user.role === "secretariat";
  const mailbox = useMailbox();
  const [search, setSearch] = useSearchParams();
  const selectedId = search.get(MESSAGE_PARAM);
  const [manualRefresh, setManualRefresh] = useState(false);
  const readerHeading = useRef<HTMLHeadingElement>(null);
  const focusReader = useRef(false);

  useEffect(() => {
    if (!mailbox.refreshing) setManualRefresh(false);
  }, [mailbox.refreshing]);

  const messages = mailbox.messages;
  const selected = selectedId && messages ? (messages.find((m) => m.id === selectedId) ?? null) : null;

  // On a phone the list gives way to the message: move focus (and the view) to what was opened.
  useEffect(() => {
    if (selected && focusReader.current) {
      focusReader.current = false;
      readerHeading.current?.focus();
    }
  }, [selected]);

  const select = (id: string | null) => {
    focusReader.current = id !== null;
    setSearch(id ? { [MESSAGE_PARAM]: id } : {});
  };

  const header = (
    <PageHeader
      title={t("mailbox.title")}
      // The explanation holds only where the mailbox exists.
      description={mailbox.off ? undefined : t("mailbox.description")}
    >
      {mailbox.off ? null : (
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} aria-hidden />}
          loading={manualRefresh}
          onClick={() => {
            setManualRefresh(true);
            mailbox.refresh();
          }}
        >
          {t("mailbox.refresh")}
        </Button>
      )}
    </PageHeader>
  );

  if (mailbox.off) {
    return (
      <>
        {header}
        <Alert
          color="gray"
          variant="light"
          icon={<IconInfoCircle aria-hidden />}
          title={t("mailbox.off.title")}
          data-testid="mailbox-off"
        >
          {t("mailbox.off.body")}
        </Alert>
      </>
    );
  }

  if (messages === null) {
    return (
      <>
        {header}
        {mailbox.error ? (
          <ErrorAlert error={mailbox.error} title={t("mailbox.loadFailed")} onRetry={mailbox.refresh} />
        ) : (
          <PageLoader label={t("mailbox.loading")} />
        )}
      </>
    );
  }

  return (
    <>
      {header}
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t("mailbox.autoRefresh")}{" "}
          {mailbox.updatedAt
            ? t("mailbox.checkedAt", {
                time: new Intl.DateTimeFormat(locale, { timeStyle: "medium" }).format(mailbox.updatedAt),
              })
            : null}
        </Text>
        {mailbox.error ? (
          <Alert color="red" variant="light" role="alert" p="xs">
            <Text size="sm">
              {t("mailbox.refreshFailed")} {errorMessage(t, mailbox.error, i18n.language)}
            </Text>
          </Alert>
        ) : null}

        {messages.length === 0 ? (
          <Paper withBorder radius="md" p="lg" data-testid="mailbox-empty">
            <Group gap="sm" wrap="nowrap">
              <IconMailOpened size={28} stroke={1.4} aria-hidden color="var(--mantine-color-dimmed)" />
              <Text c="dimmed">{t("mailbox.empty")}</Text>
            </Group>
          </Paper>
        ) : (
          <Grid gap="md" align="flex-start">
            {/* On a phone, an open message takes the whole width: the list comes back with "Back". */}
            <Grid.Col span={{ base: 12, md: 5 }} visibleFrom={selectedId ? "md" : undefined}>
              <MessageList
                messages={messages}
                everyone={everyone}
                email={user.email}
                selectedId={selectedId}
                locale={locale}
                onSelect={select}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }} visibleFrom={selectedId ? undefined : "md"}>
              {selected ? (
                <Reader message={selected} locale={locale} headingRef={readerHeading} onBack={() => select(null)} />
              ) : (
                <Paper withBorder radius="md" p="lg">
                  {selectedId ? (
                    <Stack gap="sm" align="flex-start">
                      <Text>{t("mailbox.gone")}</Text>
                      <Button
                        variant="subtle"
                        leftSection={<IconArrowLeft size={16} aria-hidden />}
                        onClick={() => select(null)}
                      >
                        {t("mailbox.back")}
                      </Button>
                    </Stack>
                  ) : (
                    <Text c="dimmed">{t("mailbox.selectHint")}</Text>
                  )}
                </Paper>
              )}
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </>
  );
}

function MessageList({
  messages,
  everyone,
  email,
  selectedId,
  locale,
  onSelect,
}: {
  messages: MailboxMessage[];
  everyone: boolean;
  email: string;
  selectedId: string | null;
  locale: string;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" component="section" aria-labelledby="mailbox-list-title">
      <Text id="mailbox-list-title" fw={600} size="sm" px="sm" py="xs">
        {everyone
          ? t("mailbox.listAll", { count: messages.length })
          : t("mailbox.listOwn", { count: messages.length, email })}
      </Text>
      <Divider />
      {/* Newest first, as the server sends them. */}
      <Box component="ul" m={0} p={0} style={{ listStyle: "none" }}>
        {messages.map((m) => {
          const current = m.id === selectedId;
          return (
            <li key={m.id}>
              <UnstyledButton
                w="100%"
                px="sm"
                py={8}
                onClick={() => onSelect(m.id)}
                aria-current={current ? "true" : undefined}
                data-testid="mailbox-message"
                data-id={m.id}
                data-to={m.to}
                data-sent-at={m.sentAt}
                style={{
                  borderBottom: "1px solid var(--mantine-color-default-border)",
                  background: current ? "var(--mantine-primary-color-light)" : undefined,
                }}
              >
                <Group justify="space-between" wrap="nowrap" gap="xs" align="baseline">
                  {everyone ? (
                    <Text size="xs" fw={500} truncate miw={0}>
                      <VisuallyHidden component="span">{`${t("mailbox.to")} `}</VisuallyHidden>
                      {m.to}
                    </Text>
                  ) : null}
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                    {sentAt(m.sentAt, locale)}
                  </Text>
                </Group>
                <Text size="sm" fw={current ? 700 : 600} lineClamp={2} style={{ overflowWrap: "anywhere" }}>
                  {m.subject}
                </Text>
              </UnstyledButton>
            </li>
          );
        })}
      </Box>
    </Paper>
  );
}

function Reader({
  message,
  locale,
  headingRef,
  onBack,
}: {
  message: MailboxMessage;
  locale: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const parts = splitLinks(message.text, window.location.origin);
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="article"
      aria-labelledby="mailbox-subject"
      data-testid="mailbox-reading"
      data-id={message.id}
      // Beside a long list on wide screens, the open message stays in view.
      style={{ position: "sticky", top: "calc(var(--app-shell-header-height, 60px) + var(--mantine-spacing-md))" }}
    >
      <Stack gap="sm">
        <Button
          hiddenFrom="md"
          variant="subtle"
          size="compact-sm"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
          onClick={onBack}
          style={{ alignSelf: "flex-start" }}
        >
          {t("mailbox.back")}
        </Button>
        <Title
          order={2}
          size="h4"
          id="mailbox-subject"
          ref={headingRef}
          tabIndex={-1}
          style={{ overflowWrap: "anywhere" }}
        >
          {message.subject}
        </Title>
        <Box component="dl" m={0} style={{ display: "grid", gridTemplateColumns: "auto 1fr", gap: "2px 12px" }}>
          <Text component="dt" size="sm" c="dimmed">
            {t("mailbox.to")}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: "anywhere" }} data-testid="mailbox-reading-to">
            {message.to}
          </Text>
          <Text component="dt" size="sm" c="dimmed">
            {t("mailbox.sentAt")}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {sentAt(message.sentAt, locale)}
          </Text>
        </Box>
        <Divider />
        <Text
          component="pre"
          size="sm"
          m={0}
          ff="monospace"
          data-testid="mailbox-body"
          style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
        >
          {parts.map((part, i) =>
            part.kind === "text" ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one body never move.
              <span key={i}>{part.text}</span>
            ) : part.inAppPath ? (
              // A link to this Vigil opens in the app itself, keeping the session and the state.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <Anchor key={i} component={Link} to={part.inAppPath} inherit>
                {part.href}
              </Anchor>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <Anchor key={i} href={part.href} target="_blank" rel="noopener noreferrer" inherit>
                {part.href}
              </Anchor>
            ),
          )}
        </Text>
      </Stack>
    </Paper>
  );
}

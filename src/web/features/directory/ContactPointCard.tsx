import {
  Anchor,
  Badge,
  Button,
  Code,
  CopyButton,
  Divider,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import {
  IconCheck,
  IconCopy,
  IconKey,
  IconMail,
  IconPencil,
  IconPhone,
  IconShieldLock,
  IconTrash,
} from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { isOpenAt } from "../../../shared/availability";
import { type ContactPoint, type EncryptionKey, KEY_EXPIRY_WARNING_DAYS } from "../../../shared/directory";
import { currentLocale } from "../../i18n";
import { FUNCTION_KEYS, KEY_KIND_KEYS, languageName, NETWORK_KEYS } from "./labels";
import { OpenBadge, StaleBadge, TypeBadge } from "./parts";
import { daysUntil, formatClock, formatDateTime, formatDays, formatIsoDate, offsetName } from "./time";

export type CardActions = {
  onEdit?: () => void;
  onDelete?: () => void;
  onProposeChange?: () => void;
  onProposeRemoval?: () => void;
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" component="h4" m={0}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

function Note({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
      {children}
    </Text>
  );
}

/** Groups of four hex digits, as fingerprints are read out over the phone. */
function formatFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?=.)/g, "$1 ");
}

function KeyExpiry({ encryptionKey, now }: { encryptionKey: EncryptionKey; now: Date }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (!encryptionKey.expiresOn) return <Text size="sm">{t("directory.key.noExpiry")}</Text>;
  const days = daysUntil(encryptionKey.expiresOn, now);
  const date = formatIsoDate(encryptionKey.expiresOn, locale);
  if (days < 0)
    return (
      <Badge color="red" variant="light" radius="sm" tt="none" data-testid="key-expired">
        {t("directory.key.expired", { date })}
      </Badge>
    );
  if (days <= KEY_EXPIRY_WARNING_DAYS)
    return (
      <Badge color="orange" variant="light" radius="sm" tt="none" data-testid="key-expiring">
        {t("directory.key.expiresSoon", { date, count: days })}
      </Badge>
    );
  return <Text size="sm">{t("directory.key.expires", { date })}</Text>;
}

function PublicKey({ value }: { value: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              size="compact-sm"
              variant="light"
              color={copied ? "teal" : undefined}
              leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
              onClick={copy}
            >
              {copied ? t("common.copied") : t("directory.key.copyPublicKey")}
            </Button>
          )}
        </CopyButton>
        <Button size="compact-sm" variant="subtle" onClick={() => setShown((v) => !v)} aria-expanded={shown}>
          {shown ? t("directory.key.hidePublicKey") : t("directory.key.showPublicKey")}
        </Button>
      </Group>
      {shown ? (
        <Code block style={{ fontSize: 11, maxHeight: 240, overflow: "auto" }}>
          {value}
        </Code>
      ) : null}
    </Stack>
  );
}

/** The clock where the contact point is, next to the viewer's own: who is awake there now. */
function LocalTime({ cp, now }: { cp: ContactPoint; now: Date }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const open = isOpenAt(cp, now);
  return (
    <Stack gap={2} data-testid="local-time" data-time-zone={cp.timeZone}>
      <Group gap="xs" wrap="wrap">
        <Text fw={700} size="lg">
          {t("directory.cp.localTime", { time: formatClock(now, locale, cp.timeZone) })}
        </Text>
        <OpenBadge open={open} available247={cp.available247} />
      </Group>
      <Text size="xs" c="dimmed">
        {cp.timeZone} ({offsetName(now, locale, cp.timeZone)}) ·{" "}
        {t("directory.cp.yourTime", { time: formatClock(now, locale) })}
      </Text>
    </Stack>
  );
}

export function ContactPointCard({
  cp,
  now,
  actions,
  showSharing,
}: {
  cp: ContactPoint;
  now: Date;
  actions: CardActions;
  /** The Secretariat sees whether observers see this entry. */
  showSharing: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const phones = [...cp.phones].sort((a, b) => Number(b.available247) - Number(a.available247));
  const headingId = `cp-${cp.id}-title`;

  return (
    <Paper
      component="article"
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      id={`cp-${cp.id}`}
      aria-labelledby={headingId}
      data-testid="contact-point"
      style={{ scrollMarginTop: 72 }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={4} miw={0} style={{ flex: 1 }}>
            <Group gap={6}>
              <Badge variant={cp.isPrimary ? "filled" : "outline"} radius="sm" tt="none">
                {cp.isPrimary ? t("directory.cp.primary") : t("directory.cp.secondary")}
              </Badge>
              <TypeBadge type={cp.type} />
              {cp.stale ? <StaleBadge /> : null}
              {showSharing && cp.sharedWithObservers ? (
                <Badge variant="light" color="gray" radius="sm" tt="none">
                  {t("directory.cp.sharedWithObservers")}
                </Badge>
              ) : null}
            </Group>
            <Title order={3} size="h4" id={headingId}>
              {cp.institution}
            </Title>
            {cp.unit ? <Text>{cp.unit}</Text> : null}
          </Stack>
        </Group>

        <LocalTime cp={cp} now={now} />

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
          <Stack gap="md">
            <Section title={t("directory.cp.availability")}>
              {cp.available247 ? (
                <Text size="sm">{t("directory.cp.available247")}</Text>
              ) : (
                <>
                  {(cp.openingHours ?? []).map((range) => (
                    <Text size="sm" key={`${range.days.join()}-${range.from}-${range.to}`}>
                      {t("directory.cp.hoursRange", {
                        days: formatDays(range.days, locale),
                        from: range.from,
                        to: range.to,
                      })}
                    </Text>
                  ))}
                  {cp.outOfHours ? (
                    <Text size="sm">
                      <Text span fw={600} size="sm">
                        {t("directory.cp.outOfHours")}
                      </Text>{" "}
                      {cp.outOfHours}
                    </Text>
                  ) : null}
                </>
              )}
            </Section>

            {phones.length > 0 ? (
              <Section title={t("directory.cp.phones")}>
                {phones.map((phone) => (
                  <Group key={phone.number} gap="xs" wrap="nowrap" align="flex-start">
                    <IconPhone size={16} aria-hidden style={{ marginTop: 3, flexShrink: 0 }} />
                    <Stack gap={0}>
                      <Group gap={6}>
                        <Anchor href={`tel:${phone.number}`} fw={600}>
                          {phone.number}
                        </Anchor>
                        {phone.available247 ? (
                          <Badge size="xs" color="teal" variant="light" radius="sm" tt="none">
                            {t("directory.cp.always")}
                          </Badge>
                        ) : null}
                      </Group>
                      {phone.note ? <Note>{phone.note}</Note> : null}
                    </Stack>
                  </Group>
                ))}
              </Section>
            ) : null}

            {cp.emails.length > 0 ? (
              <Section title={t("directory.cp.emails")}>
                {cp.emails.map((email) => (
                  <Group key={email.address} gap="xs" wrap="nowrap" align="flex-start">
                    <IconMail size={16} aria-hidden style={{ marginTop: 3, flexShrink: 0 }} />
                    <Stack gap={0} miw={0}>
                      <Anchor href={`mailto:${email.address}`} style={{ overflowWrap: "anywhere" }}>
                        {email.address}
                      </Anchor>
                      {email.note ? <Note>{email.note}</Note> : null}
                    </Stack>
                  </Group>
                ))}
              </Section>
            ) : null}

            {cp.secureChannels.length > 0 ? (
              <Section title={t("directory.cp.secureChannels")}>
                {cp.secureChannels.map((channel) => (
                  <Group key={channel.name} gap="xs" wrap="nowrap" align="flex-start">
                    <IconShieldLock size={16} aria-hidden style={{ marginTop: 3, flexShrink: 0 }} />
                    <Stack gap={0}>
                      <Text size="sm" fw={600}>
                        {channel.name}
                      </Text>
                      {channel.note ? <Note>{channel.note}</Note> : null}
                    </Stack>
                  </Group>
                ))}
              </Section>
            ) : null}

            {cp.address ? (
              <Section title={t("directory.cp.address")}>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {cp.address}
                </Text>
              </Section>
            ) : null}
          </Stack>

          <Stack gap="md">
            <Section title={t("directory.cp.languages")}>
              <Text size="sm">{cp.languages.map((code) => languageName(code, locale)).join(", ")}</Text>
            </Section>

            {cp.instructions ? (
              <Section title={t("directory.cp.instructions")}>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {cp.instructions}
                </Text>
              </Section>
            ) : null}

            <Section title={t("directory.cp.functions")}>
              {cp.functions.length > 0 ? (
                <Group gap={6}>
                  {cp.functions.map((fn) => (
                    <Badge key={fn} variant="light" color="gray" radius="sm" tt="none">
                      {t(FUNCTION_KEYS[fn])}
                    </Badge>
                  ))}
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  {t("directory.cp.noFunctions")}
                </Text>
              )}
              <Text size="sm">{cp.handlesSap ? t("directory.cp.handlesSap") : t("directory.cp.noSap")}</Text>
            </Section>

            {cp.mlaCoordination ? (
              <Section title={t("directory.cp.mlaCoordination")}>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {cp.mlaCoordination}
                </Text>
              </Section>
            ) : null}

            {cp.networks.length > 0 ? (
              <Section title={t("directory.cp.networks")}>
                <Text size="sm">{cp.networks.map((n) => t(NETWORK_KEYS[n])).join(" · ")}</Text>
              </Section>
            ) : null}

            {cp.encryptionKeys.length > 0 ? (
              <Section title={t("directory.cp.keys")}>
                {cp.encryptionKeys.map((key) => (
                  <Stack key={key.fingerprint} gap={4}>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <IconKey size={16} aria-hidden style={{ marginTop: 3, flexShrink: 0 }} />
                      <Stack gap={2} miw={0}>
                        <Text size="sm" fw={600}>
                          {t(KEY_KIND_KEYS[key.kind])}
                        </Text>
                        <Code style={{ overflowWrap: "anywhere", whiteSpace: "normal" }}>
                          {formatFingerprint(key.fingerprint)}
                        </Code>
                        <KeyExpiry encryptionKey={key} now={now} />
                        {key.note ? <Note>{key.note}</Note> : null}
                      </Stack>
                    </Group>
                    {key.publicKey ? <PublicKey value={key.publicKey} /> : null}
                  </Stack>
                ))}
              </Section>
            ) : null}
          </Stack>
        </SimpleGrid>

        <Divider />
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed" data-testid="last-confirmed">
            {cp.lastConfirmedAt
              ? t("directory.cp.lastConfirmed", { date: formatDateTime(cp.lastConfirmedAt, locale) })
              : t("directory.cp.neverConfirmed")}
          </Text>
          <Group gap="xs">
            {actions.onEdit ? (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={actions.onEdit}
                aria-describedby={headingId}
              >
                {t("directory.action.edit")}
              </Button>
            ) : null}
            {actions.onDelete ? (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                onClick={actions.onDelete}
                aria-describedby={headingId}
              >
                {t("directory.action.delete")}
              </Button>
            ) : null}
            {actions.onProposeChange ? (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={actions.onProposeChange}
                aria-describedby={headingId}
              >
                {t("directory.action.proposeChange")}
              </Button>
            ) : null}
            {actions.onProposeRemoval ? (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                onClick={actions.onProposeRemoval}
                aria-describedby={headingId}
              >
                {t("directory.action.proposeRemoval")}
              </Button>
            ) : null}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}

import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { IDENTIFIER_KINDS, REQUEST_TYPE_INFO } from "../../../../shared/requests";
import type { TranslationKey } from "../../../i18n/keys";
import { IDENTIFIER_KIND_KEYS } from "../labels";
import { type IdentifierKind, type IdentifierRow, newIdentifier } from "./draft";
import { TimeZoneSelect } from "./TimeZoneSelect";
import type { BlockProps } from "./types";

/** What the value field is called, and how the phone keyboard should look, per kind. */
const VALUE_INPUT: Record<
  IdentifierKind,
  { label: TranslationKey; type: string; inputMode: "text" | "email" | "url" | "tel" }
> = {
  ip: { label: "requests.identifier.ipValue", type: "text", inputMode: "text" },
  email: { label: "requests.identifier.emailValue", type: "email", inputMode: "email" },
  account: { label: "requests.identifier.accountValue", type: "text", inputMode: "text" },
  domain: { label: "requests.identifier.domainValue", type: "text", inputMode: "url" },
  url: { label: "requests.identifier.urlValue", type: "url", inputMode: "url" },
  phone: { label: "requests.identifier.phoneValue", type: "tel", inputMode: "tel" },
};

/** The identifiers a provider can act on: rows of IP address (with time and zone), e-mail, account, domain, URL, phone. */
export function IdentifiersEditor({ draft, errors, update }: BlockProps) {
  const { t } = useTranslation();
  const setRow = (index: number, change: Partial<IdentifierRow>) =>
    update((d) => ({ ...d, identifiers: d.identifiers.map((row, i) => (i === index ? { ...row, ...change } : row)) }));
  const remove = (index: number) => update((d) => ({ ...d, identifiers: d.identifiers.filter((_, i) => i !== index) }));
  const add = () =>
    update((d) => ({ ...d, identifiers: [...d.identifiers, newIdentifier(d.identifiers.at(-1)?.kind ?? "ip")] }));
  const needed = REQUEST_TYPE_INFO[draft.type].needsIdentifier;

  return (
    <Fieldset legend={t("requests.block.identifiers")} data-testid="block-identifiers">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {needed ? t("requests.identifier.introRequired") : t("requests.identifier.intro")}
        </Text>
        {errors.identifiers ? (
          <Text size="sm" c="red" role="alert" data-testid="identifiers-error">
            {errors.identifiers}
          </Text>
        ) : null}
        {draft.identifiers.map((row, i) => {
          const err = (field: string) => errors[`identifiers.${i}.${field}`];
          const input = VALUE_INPUT[row.kind];
          return (
            <Paper key={row.key} withBorder radius="sm" p="sm" data-testid="identifier-row" data-kind={row.kind}>
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={600} id={`identifier-${row.key}`}>
                    {t("requests.identifier.row", { n: i + 1 })}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t("requests.identifier.remove", { n: i + 1 })}
                    title={t("requests.identifier.remove", { n: i + 1 })}
                    onClick={() => remove(i)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                  <NativeSelect
                    label={t("requests.identifier.kindLabel")}
                    data={IDENTIFIER_KINDS.map((k) => ({ value: k, label: t(IDENTIFIER_KIND_KEYS[k]) }))}
                    value={row.kind}
                    onChange={(e) => setRow(i, { kind: e.currentTarget.value as IdentifierKind })}
                    error={err("kind")}
                  />
                  <TextInput
                    label={t(input.label)}
                    type={input.type}
                    inputMode={input.inputMode}
                    autoCapitalize="none"
                    autoCorrect="off"
                    spellCheck={false}
                    styles={
                      row.kind === "ip" ? { input: { fontFamily: "var(--mantine-font-family-monospace)" } } : undefined
                    }
                    value={row.value}
                    onChange={(e) => setRow(i, { value: e.currentTarget.value })}
                    error={err("value")}
                    required
                  />
                </SimpleGrid>
                {row.kind === "ip" ? (
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                    <TextInput
                      type="datetime-local"
                      label={t("requests.identifier.observedAt")}
                      description={t("requests.identifier.observedAtHelp")}
                      value={row.observedAt}
                      onChange={(e) => setRow(i, { observedAt: e.currentTarget.value })}
                      error={err("observedAt")}
                      required
                    />
                    <TimeZoneSelect
                      label={t("requests.identifier.timeZone")}
                      description={t("requests.identifier.timeZoneHelp")}
                      value={row.timeZone}
                      onChange={(zone) => setRow(i, { timeZone: zone })}
                      error={err("timeZone")}
                      required
                      clearable
                    />
                    <TextInput
                      label={t("requests.identifier.port")}
                      description={t("requests.identifier.portHelp")}
                      inputMode="numeric"
                      value={row.port}
                      onChange={(e) => setRow(i, { port: e.currentTarget.value })}
                      error={err("port")}
                    />
                  </SimpleGrid>
                ) : null}
                {row.kind === "account" ? (
                  <TextInput
                    label={t("requests.identifier.service")}
                    description={t("requests.identifier.serviceHelp")}
                    value={row.service}
                    onChange={(e) => setRow(i, { service: e.currentTarget.value })}
                    error={err("service")}
                    required
                  />
                ) : null}
                <TextInput
                  label={t("requests.identifier.note")}
                  value={row.note}
                  onChange={(e) => setRow(i, { note: e.currentTarget.value })}
                  error={err("note")}
                />
              </Stack>
            </Paper>
          );
        })}
        <Group>
          <Button variant="light" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={add}>
            {t("requests.identifier.add")}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

import {
  ActionIcon,
  Box,
  Button,
  Checkbox,
  Chip,
  Fieldset,
  Group,
  Input,
  MultiSelect,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useCallback, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  ART35_FUNCTIONS,
  type Art35Function,
  CONTACT_POINT_TYPES,
  ContactPointFields,
  type ContactPointType,
  KEY_KINDS,
  NETWORKS,
  type Network,
} from "../../../shared/directory";
import { ISO_639_1 } from "../../../shared/languages";
import type { ApiError } from "../../app/api";
import { ErrorSummary } from "../../app/ErrorSummary";
import { currentLocale } from "../../i18n";
import {
  type ContactPointDraft,
  draftToInput,
  type KeyKind,
  newChannel,
  newEmail,
  newHours,
  newKey,
  newPhone,
} from "./contactPointDraft";
import { useSchemaForm } from "./formState";
import { type FieldErrors, schemaErrors, serverErrors } from "./issues";
import { FUNCTION_KEYS, KEY_KIND_KEYS, languageOption, NETWORK_KEYS, TYPE_KEYS } from "./labels";
import { weekdayNames } from "./time";

let timeZoneList: string[] | null = null;
function timeZones(): string[] {
  if (!timeZoneList) {
    const zones = Intl.supportedValuesOf("timeZone");
    timeZoneList = zones.includes("UTC") ? zones : ["UTC", ...zones];
  }
  return timeZoneList;
}

/** Where the form's fields are; errors on paths not listed here are shown in the summary at the top. */
const ROW_FIELDS: Record<string, readonly string[]> = {
  phones: ["number", "note", "available247"],
  emails: ["address", "note"],
  secureChannels: ["name", "note"],
  openingHours: ["days", "from", "to"],
  encryptionKeys: ["kind", "fingerprint", "expiresOn", "publicKey", "note"],
};
const LIST_FIELDS = new Set(["languages", "functions", "networks"]);

function shownNextToField(path: string, fields: ReadonlySet<string>): boolean {
  const [field, index, sub] = path.split(".");
  if (!field || !fields.has(field)) return false;
  if (index === undefined) return true;
  if (LIST_FIELDS.has(field)) return true;
  const rowFields = ROW_FIELDS[field];
  if (!rowFields) return false;
  return sub === undefined || rowFields.includes(sub) || path.split(".").length > 3;
}

/** The first error of a field or of any of its items ("languages.2"). */
function listError(errors: FieldErrors, field: string): string | undefined {
  return errors[field] ?? Object.entries(errors).find(([path]) => path.startsWith(`${field}.`))?.[1];
}

function RowCard({
  children,
  onRemove,
  removeLabel,
}: {
  children: ReactNode;
  onRemove: () => void;
  removeLabel: string;
}) {
  return (
    <Paper withBorder radius="sm" p="xs">
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap="xs" style={{ flex: 1 }} miw={0}>
          {children}
        </Stack>
        <ActionIcon variant="subtle" color="red" aria-label={removeLabel} title={removeLabel} onClick={onRemove} mt={4}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Group>
    </Paper>
  );
}

function AddButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Group>
      <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={onClick}>
        {children}
      </Button>
    </Group>
  );
}

export type ContactPointFormProps = {
  initial: ContactPointDraft;
  /** Only the Secretariat decides what observers see. */
  showSharing: boolean;
  /** Proposals carry a comment for the reviewer. */
  withComment: boolean;
  submitLabel: string;
  onSubmit: (fields: ContactPointFields, comment: string | null) => Promise<void>;
  onCancel: () => void;
  /** Failures other than invalid fields (network, permission…), shown above the buttons. */
  onError: (error: unknown) => void;
};

export function ContactPointForm({
  initial,
  showSharing,
  withComment,
  submitLabel,
  onSubmit,
  onCancel,
  onError,
}: ContactPointFormProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const commentRef = useRef("");

  const wordErrors = useCallback((error: Parameters<typeof schemaErrors>[1]) => schemaErrors(t, error), [t]);
  const wordServerErrors = useCallback((error: ApiError) => serverErrors(t, error.issues, ["contactPoint"]), [t]);
  const form = useSchemaForm({
    initial,
    schema: ContactPointFields,
    toInput: draftToInput,
    wordErrors,
    wordServerErrors,
  });
  const { draft, errors } = form;
  const set = <K extends keyof ContactPointDraft>(key: K, value: ContactPointDraft[K]) =>
    form.setDraft((d) => ({ ...d, [key]: value }));
  const setRow = <K extends "phones" | "emails" | "secureChannels" | "openingHours" | "encryptionKeys">(
    list: K,
    index: number,
    change: Partial<ContactPointDraft[K][number]>,
  ) =>
    form.setDraft((d) => ({
      ...d,
      [list]: (d[list] as ContactPointDraft[K][number][]).map((row, i) => (i === index ? { ...row, ...change } : row)),
    }));
  const removeRow = (list: "phones" | "emails" | "secureChannels" | "openingHours" | "encryptionKeys", index: number) =>
    form.setDraft((d) => ({ ...d, [list]: (d[list] as unknown[]).filter((_, i) => i !== index) }));

  const languageOptions = useMemo(
    () =>
      [...ISO_639_1].map((code) => languageOption(code, locale)).sort((a, b) => a.label.localeCompare(b.label, locale)),
    [locale],
  );
  const zones = useMemo(() => timeZones(), []);
  const days = useMemo(() => weekdayNames(locale), [locale]);

  const visibleFields = new Set<string>([
    "isPrimary",
    "type",
    "institution",
    "unit",
    "address",
    "phones",
    "emails",
    "secureChannels",
    "available247",
    "timeZone",
    "languages",
    "instructions",
    "functions",
    "handlesSap",
    "mlaCoordination",
    "networks",
    "encryptionKeys",
    ...(draft.available247 ? [] : ["openingHours", "outOfHours"]),
    ...(showSharing ? ["sharedWithObservers"] : []),
  ]);
  const errorCount = Object.keys(errors).length;
  const elsewhere = Object.entries(errors).filter(([path]) => !shownNextToField(path, visibleFields));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const ok = await form.submit((fields) => onSubmit(fields, commentRef.current.trim() || null));
      if (!ok) {
        // After React has drawn the errors: take the user to the first one.
        requestAnimationFrame(() => {
          const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
          (first ?? summaryRef.current)?.focus();
        });
      }
    } catch (error) {
      onError(error);
    }
  };

  const err = (path: string) => errors[path];

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        {errorCount > 0 ? (
          <ErrorSummary
            ref={summaryRef}
            title={t("directory.form.errorSummary", { count: errorCount })}
            hint={t("directory.form.errorHint")}
            elsewhere={elsewhere}
          />
        ) : null}

        <Fieldset legend={t("directory.form.identity")}>
          <Stack gap="sm">
            <Switch
              label={t("directory.form.isPrimary")}
              description={t("directory.form.isPrimaryHelp")}
              checked={draft.isPrimary}
              onChange={(e) => set("isPrimary", e.currentTarget.checked)}
              error={err("isPrimary")}
            />
            <NativeSelect
              label={t("directory.form.type")}
              data={CONTACT_POINT_TYPES.map((type) => ({ value: type, label: t(TYPE_KEYS[type]) }))}
              value={draft.type}
              onChange={(e) => set("type", e.currentTarget.value as ContactPointType)}
              error={err("type")}
              required
            />
            <TextInput
              label={t("directory.form.institution")}
              value={draft.institution}
              onChange={(e) => set("institution", e.currentTarget.value)}
              error={err("institution")}
              required
            />
            <TextInput
              label={t("directory.form.unit")}
              value={draft.unit}
              onChange={(e) => set("unit", e.currentTarget.value)}
              error={err("unit")}
            />
            <Textarea
              label={t("directory.form.address")}
              value={draft.address}
              onChange={(e) => set("address", e.currentTarget.value)}
              error={err("address")}
              autosize
              minRows={2}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t("directory.form.reach")}>
          <Stack gap="sm">
            <Input.Wrapper label={t("directory.cp.phones")} error={err("phones")}>
              <Stack gap="xs" mt={4}>
                {draft.phones.map((row, i) => (
                  <RowCard
                    key={row.key}
                    onRemove={() => removeRow("phones", i)}
                    removeLabel={t("directory.form.removePhone")}
                  >
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
                      <TextInput
                        label={t("directory.form.phoneNumber")}
                        description={t("directory.form.phoneHelp")}
                        type="tel"
                        inputMode="tel"
                        value={row.number}
                        onChange={(e) => setRow("phones", i, { number: e.currentTarget.value })}
                        error={err(`phones.${i}.number`)}
                      />
                      <TextInput
                        label={t("directory.form.note")}
                        value={row.note}
                        onChange={(e) => setRow("phones", i, { note: e.currentTarget.value })}
                        error={err(`phones.${i}.note`)}
                      />
                    </SimpleGrid>
                    <Switch
                      label={t("directory.form.phone247")}
                      checked={row.available247}
                      onChange={(e) => setRow("phones", i, { available247: e.currentTarget.checked })}
                    />
                  </RowCard>
                ))}
                <AddButton onClick={() => set("phones", [...draft.phones, newPhone()])}>
                  {t("directory.form.addPhone")}
                </AddButton>
              </Stack>
            </Input.Wrapper>

            <Input.Wrapper label={t("directory.cp.emails")} error={err("emails")}>
              <Stack gap="xs" mt={4}>
                {draft.emails.map((row, i) => (
                  <RowCard
                    key={row.key}
                    onRemove={() => removeRow("emails", i)}
                    removeLabel={t("directory.form.removeEmail")}
                  >
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
                      <TextInput
                        label={t("directory.form.emailAddress")}
                        type="email"
                        inputMode="email"
                        autoCapitalize="none"
                        spellCheck={false}
                        value={row.address}
                        onChange={(e) => setRow("emails", i, { address: e.currentTarget.value })}
                        error={err(`emails.${i}.address`)}
                      />
                      <TextInput
                        label={t("directory.form.note")}
                        value={row.note}
                        onChange={(e) => setRow("emails", i, { note: e.currentTarget.value })}
                        error={err(`emails.${i}.note`)}
                      />
                    </SimpleGrid>
                  </RowCard>
                ))}
                <AddButton onClick={() => set("emails", [...draft.emails, newEmail()])}>
                  {t("directory.form.addEmail")}
                </AddButton>
              </Stack>
            </Input.Wrapper>

            <Input.Wrapper label={t("directory.cp.secureChannels")} error={err("secureChannels")}>
              <Stack gap="xs" mt={4}>
                {draft.secureChannels.map((row, i) => (
                  <RowCard
                    key={row.key}
                    onRemove={() => removeRow("secureChannels", i)}
                    removeLabel={t("directory.form.removeChannel")}
                  >
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
                      <TextInput
                        label={t("directory.form.channelName")}
                        placeholder={t("directory.form.channelPlaceholder")}
                        value={row.name}
                        onChange={(e) => setRow("secureChannels", i, { name: e.currentTarget.value })}
                        error={err(`secureChannels.${i}.name`)}
                      />
                      <TextInput
                        label={t("directory.form.note")}
                        value={row.note}
                        onChange={(e) => setRow("secureChannels", i, { note: e.currentTarget.value })}
                        error={err(`secureChannels.${i}.note`)}
                      />
                    </SimpleGrid>
                  </RowCard>
                ))}
                <AddButton onClick={() => set("secureChannels", [...draft.secureChannels, newChannel()])}>
                  {t("directory.form.addChannel")}
                </AddButton>
              </Stack>
            </Input.Wrapper>
          </Stack>
        </Fieldset>

        <Fieldset legend={t("directory.cp.availability")}>
          <Stack gap="sm">
            <Switch
              label={t("directory.form.available247")}
              checked={draft.available247}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                form.setDraft((d) => ({
                  ...d,
                  available247: on,
                  // Offer a first range to edit rather than an empty editor.
                  openingHours: !on && d.openingHours.length === 0 ? [newHours()] : d.openingHours,
                }));
              }}
              error={err("available247")}
            />
            <Select
              label={t("directory.form.timeZone")}
              description={t("directory.form.timeZoneHelp")}
              data={zones}
              value={draft.timeZone}
              onChange={(value) => value && set("timeZone", value)}
              searchable
              allowDeselect={false}
              nothingFoundMessage={t("directory.form.noTimeZone")}
              error={err("timeZone")}
              required
            />
            {draft.available247 ? null : (
              <>
                <Input.Wrapper label={t("directory.form.openingHours")} error={err("openingHours")}>
                  <Stack gap="xs" mt={4}>
                    {draft.openingHours.map((row, i) => (
                      <RowCard
                        key={row.key}
                        onRemove={() => removeRow("openingHours", i)}
                        removeLabel={t("directory.form.removeHours")}
                      >
                        {/* A fieldset so that screen readers announce "Days" with each day's chip. */}
                        <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
                          <Text component="legend" size="sm" fw={500} p={0}>
                            {t("directory.form.days")}
                          </Text>
                          <Chip.Group
                            multiple
                            value={row.days}
                            onChange={(value) => setRow("openingHours", i, { days: value })}
                          >
                            <Group gap={4} mt={4}>
                              {days.map((name, d) => (
                                <Chip key={name} value={String(d + 1)} size="xs">
                                  {name}
                                </Chip>
                              ))}
                            </Group>
                          </Chip.Group>
                          {listError(errors, `openingHours.${i}.days`) ? (
                            <Text size="xs" c="red" mt={4}>
                              {listError(errors, `openingHours.${i}.days`)}
                            </Text>
                          ) : null}
                        </Box>
                        <Group gap="xs" grow>
                          <TextInput
                            type="time"
                            label={t("directory.form.from")}
                            value={row.from}
                            onChange={(e) => setRow("openingHours", i, { from: e.currentTarget.value })}
                            error={err(`openingHours.${i}.from`)}
                          />
                          <TextInput
                            type="time"
                            label={t("directory.form.to")}
                            value={row.to}
                            onChange={(e) => setRow("openingHours", i, { to: e.currentTarget.value })}
                            error={err(`openingHours.${i}.to`)}
                          />
                        </Group>
                      </RowCard>
                    ))}
                    <AddButton onClick={() => set("openingHours", [...draft.openingHours, newHours()])}>
                      {t("directory.form.addHours")}
                    </AddButton>
                  </Stack>
                </Input.Wrapper>
                <Textarea
                  label={t("directory.form.outOfHours")}
                  description={t("directory.form.outOfHoursHelp")}
                  value={draft.outOfHours}
                  onChange={(e) => set("outOfHours", e.currentTarget.value)}
                  error={err("outOfHours")}
                  autosize
                  minRows={2}
                  required
                />
              </>
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend={t("directory.form.working")}>
          <Stack gap="sm">
            <MultiSelect
              label={t("directory.cp.languages")}
              data={languageOptions}
              value={draft.languages}
              onChange={(value) => set("languages", value)}
              searchable
              nothingFoundMessage={t("directory.search.noLanguage")}
              error={listError(errors, "languages")}
              required
            />
            <Textarea
              label={t("directory.cp.instructions")}
              description={t("directory.form.instructionsHelp")}
              value={draft.instructions}
              onChange={(e) => set("instructions", e.currentTarget.value)}
              error={err("instructions")}
              autosize
              minRows={3}
            />
            <Checkbox.Group
              label={t("directory.cp.functions")}
              value={draft.functions}
              onChange={(value) => set("functions", value as Art35Function[])}
              error={listError(errors, "functions")}
            >
              <Stack gap={6} mt={6}>
                {ART35_FUNCTIONS.map((fn) => (
                  <Checkbox key={fn} value={fn} label={t(FUNCTION_KEYS[fn])} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Switch
              label={t("directory.form.handlesSap")}
              checked={draft.handlesSap}
              onChange={(e) => set("handlesSap", e.currentTarget.checked)}
            />
            <Textarea
              label={t("directory.cp.mlaCoordination")}
              description={t("directory.form.mlaHelp")}
              value={draft.mlaCoordination}
              onChange={(e) => set("mlaCoordination", e.currentTarget.value)}
              error={err("mlaCoordination")}
              autosize
              minRows={2}
            />
            <Checkbox.Group
              label={t("directory.cp.networks")}
              value={draft.networks}
              onChange={(value) => set("networks", value as Network[])}
              error={listError(errors, "networks")}
            >
              <Stack gap={6} mt={6}>
                {NETWORKS.map((n) => (
                  <Checkbox key={n} value={n} label={t(NETWORK_KEYS[n])} />
                ))}
              </Stack>
            </Checkbox.Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t("directory.cp.keys")}>
          <Stack gap="xs">
            {err("encryptionKeys") ? (
              <Text size="sm" c="red">
                {err("encryptionKeys")}
              </Text>
            ) : null}
            {draft.encryptionKeys.map((row, i) => (
              <RowCard
                key={row.key}
                onRemove={() => removeRow("encryptionKeys", i)}
                removeLabel={t("directory.form.removeKey")}
              >
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" verticalSpacing="xs">
                  <NativeSelect
                    label={t("directory.form.keyKind")}
                    data={KEY_KINDS.map((kind) => ({ value: kind, label: t(KEY_KIND_KEYS[kind]) }))}
                    value={row.kind}
                    onChange={(e) => setRow("encryptionKeys", i, { kind: e.currentTarget.value as KeyKind })}
                    error={err(`encryptionKeys.${i}.kind`)}
                  />
                  <TextInput
                    label={t("directory.form.fingerprint")}
                    value={row.fingerprint}
                    onChange={(e) => setRow("encryptionKeys", i, { fingerprint: e.currentTarget.value })}
                    error={err(`encryptionKeys.${i}.fingerprint`)}
                    autoCapitalize="characters"
                    spellCheck={false}
                    ff="monospace"
                  />
                  <TextInput
                    type="date"
                    label={t("directory.form.expiresOn")}
                    value={row.expiresOn}
                    onChange={(e) => setRow("encryptionKeys", i, { expiresOn: e.currentTarget.value })}
                    error={err(`encryptionKeys.${i}.expiresOn`)}
                  />
                </SimpleGrid>
                <Textarea
                  label={t("directory.form.publicKey")}
                  description={t("directory.form.publicKeyHelp")}
                  value={row.publicKey}
                  onChange={(e) => setRow("encryptionKeys", i, { publicKey: e.currentTarget.value })}
                  error={err(`encryptionKeys.${i}.publicKey`)}
                  autosize
                  minRows={2}
                  maxRows={8}
                  styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 12 } }}
                />
                <TextInput
                  label={t("directory.form.note")}
                  value={row.note}
                  onChange={(e) => setRow("encryptionKeys", i, { note: e.currentTarget.value })}
                  error={err(`encryptionKeys.${i}.note`)}
                />
              </RowCard>
            ))}
            <AddButton onClick={() => set("encryptionKeys", [...draft.encryptionKeys, newKey()])}>
              {t("directory.form.addKey")}
            </AddButton>
          </Stack>
        </Fieldset>

        {showSharing ? (
          <Switch
            label={t("directory.form.sharedWithObservers")}
            description={t("directory.form.sharedWithObserversHelp")}
            checked={draft.sharedWithObservers}
            onChange={(e) => set("sharedWithObservers", e.currentTarget.checked)}
            error={err("sharedWithObservers")}
          />
        ) : null}

        {withComment ? (
          <Textarea
            label={t("directory.form.comment")}
            description={t("directory.form.commentHelp")}
            defaultValue=""
            onChange={(e) => {
              commentRef.current = e.currentTarget.value;
            }}
            autosize
            minRows={2}
            maxLength={2000}
          />
        ) : null}

        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} disabled={form.submitting}>
            {t("directory.form.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

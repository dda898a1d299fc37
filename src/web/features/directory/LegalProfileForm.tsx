import {
  Button,
  Checkbox,
  Group,
  Input,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Textarea,
} from "@mantine/core";
import { type FormEvent, useCallback, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  ACK_TARGET_MAX_MINUTES,
  ACK_TARGET_MINUTES,
  type LegalProfile,
  LegalProfileFields,
  TEMPLATES,
} from "../../../shared/directory";
import { ISO_639_1 } from "../../../shared/languages";
import type { ApiError } from "../../app/api";
import { ErrorSummary } from "../../app/ErrorSummary";
import { currentLocale } from "../../i18n";
import type { RowMaps } from "./formState";
import { useSchemaForm } from "./formState";
import { schemaErrors, serverErrors } from "./issues";
import { languageOption, TEMPLATE_KEYS } from "./labels";

type Template = (typeof TEMPLATES)[number];
type Extendable = "yes" | "no" | "unknown";

export type LegalProfileDraft = {
  providerRetention: string;
  preservationDays: number | "";
  preservationExtendable: Extendable;
  extensionNote: string;
  acceptedLanguages: string[];
  acceptedTemplates: Template[];
  ackTargetMinutes: number | "";
  emergencyAckTargetMinutes: number | "";
  notes: string;
};

export function legalDraftFrom(profile: LegalProfile): LegalProfileDraft {
  return {
    providerRetention: profile.providerRetention ?? "",
    preservationDays: profile.preservationDays ?? "",
    preservationExtendable:
      profile.preservationExtendable === null ? "unknown" : profile.preservationExtendable ? "yes" : "no",
    extensionNote: profile.extensionNote ?? "",
    acceptedLanguages: [...profile.acceptedLanguages],
    acceptedTemplates: [...profile.acceptedTemplates],
    ackTargetMinutes: profile.ackTargetMinutes ?? "",
    emergencyAckTargetMinutes: profile.emergencyAckTargetMinutes ?? "",
    notes: profile.notes ?? "",
  };
}

function legalDraftToInput(d: LegalProfileDraft): { input: unknown; maps: RowMaps } {
  return {
    input: {
      providerRetention: d.providerRetention,
      preservationDays: d.preservationDays === "" ? null : d.preservationDays,
      preservationExtendable: d.preservationExtendable === "unknown" ? null : d.preservationExtendable === "yes",
      extensionNote: d.extensionNote,
      acceptedLanguages: d.acceptedLanguages,
      acceptedTemplates: d.acceptedTemplates,
      ackTargetMinutes: d.ackTargetMinutes === "" ? null : d.ackTargetMinutes,
      emergencyAckTargetMinutes: d.emergencyAckTargetMinutes === "" ? null : d.emergencyAckTargetMinutes,
      notes: d.notes,
    },
    maps: {},
  };
}

const FIELDS = new Set([
  "providerRetention",
  "preservationDays",
  "preservationExtendable",
  "extensionNote",
  "acceptedLanguages",
  "acceptedTemplates",
  "ackTargetMinutes",
  "emergencyAckTargetMinutes",
  "notes",
]);

export function LegalProfileForm({
  initial,
  withComment,
  submitLabel,
  onSubmit,
  onCancel,
  onError,
}: {
  initial: LegalProfileDraft;
  withComment: boolean;
  submitLabel: string;
  onSubmit: (fields: LegalProfileFields, comment: string | null) => Promise<void>;
  onCancel: () => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const commentRef = useRef("");
  const wordErrors = useCallback((error: Parameters<typeof schemaErrors>[1]) => schemaErrors(t, error), [t]);
  const wordServerErrors = useCallback((error: ApiError) => serverErrors(t, error.issues, ["legalProfile"]), [t]);
  const form = useSchemaForm({
    initial,
    schema: LegalProfileFields,
    toInput: legalDraftToInput,
    wordErrors,
    wordServerErrors,
  });
  const { draft, errors } = form;
  const set = <K extends keyof LegalProfileDraft>(key: K, value: LegalProfileDraft[K]) =>
    form.setDraft((d) => ({ ...d, [key]: value }));
  const err = (field: string) =>
    errors[field] ?? Object.entries(errors).find(([path]) => path.startsWith(`${field}.`))?.[1];

  const languageOptions = useMemo(
    () =>
      [...ISO_639_1].map((code) => languageOption(code, locale)).sort((a, b) => a.label.localeCompare(b.label, locale)),
    [locale],
  );
  const errorCount = Object.keys(errors).length;
  const elsewhere = Object.entries(errors).filter(([path]) => !FIELDS.has(path.split(".")[0] ?? ""));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const ok = await form.submit((fields) => onSubmit(fields, commentRef.current.trim() || null));
      if (!ok) {
        requestAnimationFrame(() => {
          const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
          (first ?? summaryRef.current)?.focus();
        });
      }
    } catch (error) {
      onError(error);
    }
  };

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
        <Textarea
          label={t("directory.legal.providerRetention")}
          description={t("directory.legal.providerRetentionHelp")}
          value={draft.providerRetention}
          onChange={(e) => set("providerRetention", e.currentTarget.value)}
          error={err("providerRetention")}
          autosize
          minRows={2}
        />
        <NumberInput
          label={t("directory.legal.preservationDays")}
          description={t("directory.legal.preservationDaysHelp")}
          value={draft.preservationDays}
          onChange={(value) => set("preservationDays", typeof value === "number" ? value : "")}
          error={err("preservationDays")}
          min={1}
          max={3650}
          allowDecimal={false}
          allowNegative={false}
          maw={220}
        />
        <Input.Wrapper label={t("directory.legal.extendable")} error={err("preservationExtendable")}>
          <div>
            <SegmentedControl
              aria-label={t("directory.legal.extendable")}
              mt={4}
              value={draft.preservationExtendable}
              onChange={(value) => set("preservationExtendable", value as Extendable)}
              data={[
                { value: "yes", label: t("directory.legal.yes") },
                { value: "no", label: t("directory.legal.no") },
                { value: "unknown", label: t("directory.legal.notStated") },
              ]}
            />
          </div>
        </Input.Wrapper>
        <Textarea
          label={t("directory.legal.extensionNote")}
          value={draft.extensionNote}
          onChange={(e) => set("extensionNote", e.currentTarget.value)}
          error={err("extensionNote")}
          autosize
          minRows={2}
        />
        <MultiSelect
          label={t("directory.legal.acceptedLanguages")}
          data={languageOptions}
          value={draft.acceptedLanguages}
          onChange={(value) => set("acceptedLanguages", value)}
          searchable
          nothingFoundMessage={t("directory.search.noLanguage")}
          error={err("acceptedLanguages")}
        />
        <Checkbox.Group
          label={t("directory.legal.acceptedTemplates")}
          value={draft.acceptedTemplates}
          onChange={(value) => set("acceptedTemplates", value as Template[])}
          error={err("acceptedTemplates")}
        >
          <Stack gap={6} mt={6}>
            {TEMPLATES.map((template) => (
              <Checkbox key={template} value={template} label={t(TEMPLATE_KEYS[template])} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group align="flex-start" gap="md" wrap="wrap">
          <NumberInput
            label={t("directory.legal.ackTargetMinutes")}
            description={t("directory.legal.ackTargetMinutesHelp", { minutes: ACK_TARGET_MINUTES.normal })}
            placeholder={String(ACK_TARGET_MINUTES.normal)}
            value={draft.ackTargetMinutes}
            onChange={(value) => set("ackTargetMinutes", typeof value === "number" ? value : "")}
            error={err("ackTargetMinutes")}
            min={1}
            max={ACK_TARGET_MAX_MINUTES.normal}
            allowDecimal={false}
            allowNegative={false}
            w={{ base: "100%", sm: 280 }}
          />
          <NumberInput
            label={t("directory.legal.emergencyAckTargetMinutes")}
            description={t("directory.legal.emergencyAckTargetMinutesHelp", { minutes: ACK_TARGET_MINUTES.emergency })}
            placeholder={String(ACK_TARGET_MINUTES.emergency)}
            value={draft.emergencyAckTargetMinutes}
            onChange={(value) => set("emergencyAckTargetMinutes", typeof value === "number" ? value : "")}
            error={err("emergencyAckTargetMinutes")}
            min={1}
            max={ACK_TARGET_MAX_MINUTES.emergency}
            allowDecimal={false}
            allowNegative={false}
            w={{ base: "100%", sm: 280 }}
          />
        </Group>
        <Textarea
          label={t("directory.legal.notes")}
          value={draft.notes}
          onChange={(e) => set("notes", e.currentTarget.value)}
          error={err("notes")}
          autosize
          minRows={3}
        />
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

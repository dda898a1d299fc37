import { Alert, Button, Group, MultiSelect, Radio, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { CONTACT_POINT_TYPES } from "../../../shared/directory";
import {
  DEFAULT_BUCKETS_MINUTES,
  DEFAULT_REMINDER_MINUTES,
  PingCampaignInput,
  type PingPreview,
  type PingSelection,
} from "../../../shared/pings";
import { REGIONS } from "../../../shared/regions";
import { FormFrame } from "../../app/FormFrame";
import { ErrorAlert } from "../../app/ui";
import { useSchemaForm } from "../../app/useSchemaForm";
import { TYPE_KEYS } from "../directory/labels";
import { useParties } from "../requests/useParties";
import { PING_MESSAGES, REGION_KEYS } from "./labels";
import { pingsApi } from "./pingsApi";

const FIELDS = ["title", "selection", "schedule", "reminderMinutes", "buckets"];

/** A datetime-local value (this device's time) as an ISO instant; as typed if unreadable. */
function instantOf(local: string): string {
  const date = new Date(local);
  return local && !Number.isNaN(date.getTime()) ? date.toISOString() : local;
}

/** "60, 1440" → [60, 1440]; null when something is not a whole number. */
function minutesOf(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const values = parts.map(Number);
  return values.every((v) => Number.isInteger(v)) ? values : null;
}

const fieldOf = (path: string) => path.split(".")[0] ?? "";

/** /pings/new: whom to ping (with the count it reaches), when, the reminders and the report's rows. */
export function NewCampaignPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const parties = useParties();
  const [title, setTitle] = useState("");
  const [selection, setSelection] = useState<PingSelection>({ parties: [], types: [], regions: [] });
  const [mode, setMode] = useState<"now" | "at" | "window">("now");
  const [at, setAt] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [reminders, setReminders] = useState(DEFAULT_REMINDER_MINUTES.join(", "));
  const [buckets, setBuckets] = useState(DEFAULT_BUCKETS_MINUTES.join(", "));
  const [preview, setPreview] = useState<PingPreview | null>(null);
  const form = useSchemaForm({ schema: PingCampaignInput, messages: PING_MESSAGES, fields: FIELDS, fieldOf });
  const { errors, fieldErrors } = form;

  // The count a selection reaches, asked again whenever it changes.
  useEffect(() => {
    let current = true;
    pingsApi.preview(selection).then(
      (p) => current && setPreview(p),
      () => current && setPreview(null),
    );
    return () => {
      current = false;
    };
  }, [selection]);

  const scheduleError = Object.entries(errors).find(([p]) => p.startsWith("schedule"))?.[1];

  const submit = form.handleSubmit(
    () => {
      const reminderList = minutesOf(reminders);
      const bucketList = minutesOf(buckets);
      if (!reminderList || !bucketList) {
        form.showErrors({
          ...(reminderList ? {} : { reminderMinutes: t("pingTests.validation.minutes") }),
          ...(bucketList ? {} : { buckets: t("pingTests.validation.minutes") }),
        });
        return null;
      }
      const schedule =
        mode === "now"
          ? { mode }
          : mode === "at"
            ? { mode, at: instantOf(at) }
            : { mode, from: instantOf(from), to: instantOf(to) };
      return { title, selection, schedule, reminderMinutes: reminderList, buckets: bucketList };
    },
    async (data) => {
      const created = await pingsApi.create(data);
      navigate(`/pings/${created.id}`);
    },
  );

  return (
    <FormFrame
      form={form}
      onSubmit={submit}
      testId="ping-form"
      errorTitle={t("pingTests.form.errorTitle")}
      errorHint={t("pingTests.form.errorHint")}
      page={{ title: t("pingTests.form.title"), description: t("pingTests.form.intro") }}
    >
      <TextInput
        label={t("pingTests.form.pingTitle")}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={fieldErrors.title}
        required
        name="title"
      />
      <MultiSelect
        label={t("pingTests.form.parties")}
        description={t("pingTests.form.partiesHelp")}
        data={parties.options}
        filter={parties.filter}
        value={selection.parties}
        onChange={(v) => setSelection((s) => ({ ...s, parties: v }))}
        searchable
        name="parties"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label={t("pingTests.form.types")}
          description={t("pingTests.form.typesHelp")}
          data={CONTACT_POINT_TYPES.map((c) => ({ value: c, label: t(TYPE_KEYS[c]) }))}
          value={selection.types}
          onChange={(v) => setSelection((s) => ({ ...s, types: v as PingSelection["types"] }))}
          name="types"
        />
        <MultiSelect
          label={t("pingTests.form.regions")}
          description={t("pingTests.form.regionsHelp")}
          data={REGIONS.map((r) => ({ value: r, label: t(REGION_KEYS[r]) }))}
          value={selection.regions}
          onChange={(v) => setSelection((s) => ({ ...s, regions: v as PingSelection["regions"] }))}
          name="regions"
        />
      </SimpleGrid>
      {preview ? (
        <Alert
          color={preview.contactPoints === 0 || fieldErrors.selection ? "red" : "blue"}
          variant="light"
          data-testid="ping-preview"
          role="status"
        >
          <Text size="sm">
            {preview.contactPoints === 0 ? t("pingTests.form.previewNone") : t("pingTests.form.preview", preview)}
          </Text>
          {preview.withoutEmail > 0 ? (
            <Text size="sm">{t("pingTests.form.previewWithoutEmail", { count: preview.withoutEmail })}</Text>
          ) : null}
        </Alert>
      ) : null}
      <Radio.Group
        label={t("pingTests.form.when")}
        value={mode}
        onChange={(v) => setMode(v as typeof mode)}
        error={scheduleError}
      >
        <Stack gap={6} mt={6}>
          <Radio value="now" label={t("pingTests.form.now")} />
          <Radio value="at" label={t("pingTests.form.at")} />
          <Radio value="window" label={t("pingTests.form.window")} description={t("pingTests.form.windowHelp")} />
        </Stack>
      </Radio.Group>
      {mode === "at" ? (
        <TextInput
          type="datetime-local"
          label={t("pingTests.form.atTime")}
          value={at}
          onChange={(e) => setAt(e.currentTarget.value)}
          required
          name="at"
        />
      ) : null}
      {mode === "window" ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t("pingTests.form.from")}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            required
            name="from"
          />
          <TextInput
            type="datetime-local"
            label={t("pingTests.form.to")}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            required
            name="to"
          />
        </SimpleGrid>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("pingTests.form.reminders")}
          description={t("pingTests.form.remindersHelp")}
          value={reminders}
          onChange={(e) => setReminders(e.currentTarget.value)}
          error={fieldErrors.reminderMinutes}
          name="reminderMinutes"
        />
        <TextInput
          label={t("pingTests.form.buckets")}
          description={t("pingTests.form.bucketsHelp")}
          value={buckets}
          onChange={(e) => setBuckets(e.currentTarget.value)}
          error={fieldErrors.buckets}
          name="buckets"
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button component={Link} to="/pings" variant="default">
          {t("pingTests.form.cancel")}
        </Button>
        <Button type="submit" loading={form.busy}>
          {t("pingTests.form.submit")}
        </Button>
      </Group>
      {parties.error ? <ErrorAlert error={parties.error} onRetry={parties.retry} /> : null}
    </FormFrame>
  );
}

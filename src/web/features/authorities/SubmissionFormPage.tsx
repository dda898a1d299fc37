import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCopy } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import {
  AUTHORITY_CHANNELS,
  AUTHORITY_ROLES,
  type AuthorityFields,
  type AuthorityRole,
  AuthoritySubmission,
  type PartyAuthorities,
  type RoleView,
} from "../../../shared/authorities";
import { FormFrame } from "../../app/FormFrame";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { useSchemaForm } from "../../app/useSchemaForm";
import { currentLocale } from "../../i18n";
import type { TranslationKey } from "../../i18n/keys";
import type { KnownMessages } from "../directory/issues";
import { authoritiesApi } from "./authoritiesApi";
import { CHANNEL_KEYS, ROLE_KEYS } from "./labels";

/** The schema's own messages (src/shared/authorities.ts) worded in the UI language. */
const AUTHORITY_MESSAGES: KnownMessages = {
  "Give the authority's name": "authorities.validation.name",
  "Give at least the central authority (Art. 27) or the extradition authority (Art. 24)":
    "authorities.validation.atLeastOne",
  "The same phone number is listed twice": "authorities.validation.twice",
  "The same e-mail address is listed twice": "authorities.validation.twice",
  "The same language is listed twice": "authorities.validation.twice",
  "The same channel is listed twice": "authorities.validation.twice",
} satisfies Record<string, TranslationKey>;

type Draft = {
  name: string;
  address: string;
  phones: string;
  emails: string;
  languages: string;
  channels: string[];
  notes: string;
};
const TEXT_FIELDS = ["name", "address", "phones", "emails", "languages", "notes"] as const;
/** The form's fields, "mla.emails" and the like. */
const FIELDS = AUTHORITY_ROLES.flatMap((r) => [...TEXT_FIELDS, "channels"].map((f) => `${r}.${f}`));
/** "mla.emails.1" belongs to the field "mla.emails". */
const fieldOf = (path: string) => path.split(".").slice(0, 2).join(".");

function draftOf(f: AuthorityFields | null | undefined): Draft {
  return {
    name: f?.name ?? "",
    address: f?.address ?? "",
    phones: (f?.phones ?? []).join("\n"),
    emails: (f?.emails ?? []).join("\n"),
    languages: (f?.languages ?? []).join(", "),
    channels: [...(f?.channels ?? [])],
    notes: f?.notes ?? "",
  };
}

/** The declaration's data of a role, to start from them. */
function declaredDraft(role: RoleView): Draft {
  const v = (f: keyof RoleView["fields"]) => role.fields[f].declared;
  const list = (f: keyof RoleView["fields"]) => {
    const x = v(f);
    return Array.isArray(x) ? x : x ? [x] : [];
  };
  return {
    name: (v("name") as string | null) ?? "",
    address: (v("address") as string | null) ?? "",
    phones: list("phones").join("\n"),
    emails: list("emails").join("\n"),
    languages: list("languages").join(", "),
    channels: list("channels"),
    notes: (v("notes") as string | null) ?? "",
  };
}

const lines = (s: string) =>
  s
    .split(/[\n,;]/)
    .map((x) => x.trim())
    .filter(Boolean);

function inputOf(d: Draft) {
  return {
    name: d.name,
    address: d.address,
    phones: lines(d.phones),
    emails: lines(d.emails),
    languages: lines(d.languages),
    channels: d.channels,
    notes: d.notes,
  };
}

/** /authorities/parties/:iso2/edit — the collection form: the Party's three authorities. */
export function SubmissionFormPage() {
  const { t } = useTranslation();
  const iso2 = (useParams().iso2 ?? "").toUpperCase();
  const query = useApiQuery(`authorities-form-${iso2}`, (signal) => authoritiesApi.party(iso2, signal));
  if (query.status === "loading") return <PageLoader label={t("authorities.party.loading")} />;
  if (query.status === "error") {
    return <ErrorAlert error={query.error} title={t("authorities.party.loadFailed")} onRetry={query.retry} />;
  }
  return <SubmissionForm view={query.data} />;
}

function SubmissionForm({ view }: { view: PartyAuthorities }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const [drafts, setDrafts] = useState<Record<AuthorityRole, Draft>>(() => ({
    mla: draftOf(view.submission?.mla),
    extradition: draftOf(view.submission?.extradition),
    provisionalArrest: draftOf(view.submission?.provisionalArrest),
  }));
  const form = useSchemaForm({ schema: AuthoritySubmission, messages: AUTHORITY_MESSAGES, fields: FIELDS, fieldOf });
  const { fieldErrors } = form;
  const name = locale === "fr" ? view.party.nameFr : view.party.nameEn;

  const set = (role: AuthorityRole, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [role]: { ...d[role], ...patch } }));

  const submit = form.handleSubmit(
    () => ({
      mla: inputOf(drafts.mla),
      extradition: inputOf(drafts.extradition),
      provisionalArrest: inputOf(drafts.provisionalArrest),
    }),
    async (data) => {
      await authoritiesApi.submit(view.party.iso2, data);
      notifications.show({ color: "teal", message: t("authorities.form.saved") });
      navigate(`/authorities/parties/${view.party.iso2}`);
    },
  );

  return (
    <>
      <PageHeader title={t("authorities.form.title", { party: name })} description={t("authorities.form.intro")} />
      <FormFrame
        form={form}
        onSubmit={submit}
        testId="authorities-form"
        errorTitle={t("authorities.form.errors", { count: Object.keys(form.errors).length })}
        errorHint={t("authorities.form.errorsHint")}
        failureTitle={t("authorities.form.failed")}
        maw={900}
      >
        {view.roles.map((role) => {
          const r = role.role;
          const d = drafts[r];
          const err = (f: string) => fieldErrors[`${r}.${f}`];
          return (
            <Paper key={r} withBorder radius="md" p={{ base: "md", sm: "lg" }} data-testid={`form-${r}`}>
              <Stack gap="sm">
                <Group justify="space-between" wrap="wrap">
                  <Title order={2} size="h4">
                    {t(ROLE_KEYS[r])}
                  </Title>
                  {role.declaration ? (
                    <Button
                      variant="light"
                      size="compact-sm"
                      leftSection={<IconCopy size={14} aria-hidden />}
                      onClick={() => set(r, declaredDraft(role))}
                    >
                      {t("authorities.form.copyDeclaration", { reference: role.declaration.reference })}
                    </Button>
                  ) : null}
                </Group>
                {r === "provisionalArrest" ? (
                  <Text size="sm" c="dimmed">
                    {t("authorities.form.provisionalArrestHelp")}
                  </Text>
                ) : null}
                <TextInput
                  label={t("authorities.field.name")}
                  value={d.name}
                  onChange={(e) => set(r, { name: e.currentTarget.value })}
                  error={err("name")}
                  name={`${r}.name`}
                />
                <Textarea
                  label={t("authorities.field.address")}
                  value={d.address}
                  onChange={(e) => set(r, { address: e.currentTarget.value })}
                  error={err("address")}
                  autosize
                  minRows={2}
                  name={`${r}.address`}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Textarea
                    label={t("authorities.field.phones")}
                    description={t("authorities.form.onePerLine")}
                    value={d.phones}
                    onChange={(e) => set(r, { phones: e.currentTarget.value })}
                    error={err("phones")}
                    autosize
                    minRows={2}
                    name={`${r}.phones`}
                  />
                  <Textarea
                    label={t("authorities.field.emails")}
                    description={t("authorities.form.onePerLine")}
                    value={d.emails}
                    onChange={(e) => set(r, { emails: e.currentTarget.value })}
                    error={err("emails")}
                    autosize
                    minRows={2}
                    name={`${r}.emails`}
                  />
                </SimpleGrid>
                <TextInput
                  label={t("authorities.field.languages")}
                  description={t("authorities.form.languagesHelp")}
                  value={d.languages}
                  onChange={(e) => set(r, { languages: e.currentTarget.value })}
                  error={err("languages")}
                  name={`${r}.languages`}
                />
                <Checkbox.Group
                  label={t("authorities.field.channels")}
                  value={d.channels}
                  onChange={(channels) => set(r, { channels })}
                  error={err("channels")}
                >
                  <Group gap="md" mt={4}>
                    {AUTHORITY_CHANNELS.map((c) => (
                      <Checkbox key={c} value={c} label={t(CHANNEL_KEYS[c])} name={`${r}.channels`} />
                    ))}
                  </Group>
                </Checkbox.Group>
                <Textarea
                  label={t("authorities.field.notes")}
                  value={d.notes}
                  onChange={(e) => set(r, { notes: e.currentTarget.value })}
                  error={err("notes")}
                  autosize
                  minRows={2}
                  name={`${r}.notes`}
                />
              </Stack>
            </Paper>
          );
        })}
        <Group>
          <Button type="submit" loading={form.busy}>
            {t("authorities.form.submit")}
          </Button>
          <Button variant="subtle" onClick={() => navigate(`/authorities/parties/${view.party.iso2}`)}>
            {t("authorities.form.cancel")}
          </Button>
        </Group>
      </FormFrame>
    </>
  );
}

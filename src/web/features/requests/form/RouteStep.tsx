import { Button, Group, NativeSelect, Select, SimpleGrid, Stack } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ISO_639_1 } from "../../../../shared/languages";
import { REQUEST_TYPES, type RequestType } from "../../../../shared/requests";
import { ErrorAlert } from "../../../app/ui";
import { currentLocale } from "../../../i18n";
import { languageOption } from "../../directory/labels";
import { TYPE_KEYS } from "../labels";
import type { PartyOptions } from "../useParties";
import { withType } from "./draft";
import { RoutePreviewPanel } from "./RoutePreviewPanel";
import type { BlockProps } from "./types";
import type { RoutePreviewQuery } from "./useRoutePreview";

type Props = BlockProps & {
  parties: PartyOptions;
  route: RoutePreviewQuery;
  onContinue: () => void;
};

/** Step 1: what kind of request, to which Party, in which language; and where it will go. */
export function RouteStep({ draft, errors, update, parties, route, onContinue }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();

  // The languages the contact point works in come first: a request they can read is answered sooner.
  const accepted = route.status === "success" ? (route.data?.contactPoint?.languages ?? []) : [];
  const languageData = useMemo(() => {
    const all = [...ISO_639_1]
      .map((code) => languageOption(code, locale))
      .sort((a, b) => a.label.localeCompare(b.label, locale));
    if (accepted.length === 0) return all;
    return [
      { group: t("requests.form.languagesAccepted"), items: all.filter((o) => accepted.includes(o.value)) },
      { group: t("requests.form.languagesOther"), items: all.filter((o) => !accepted.includes(o.value)) },
    ];
  }, [locale, accepted, t]);

  return (
    <Stack gap="md">
      <NativeSelect
        label={t("requests.form.type")}
        data={REQUEST_TYPES.map((type) => ({ value: type, label: t(TYPE_KEYS[type]) }))}
        value={draft.type}
        onChange={(e) => {
          const type = e.currentTarget.value as RequestType;
          update((d) => withType(d, type));
        }}
        error={errors.type}
        required
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t("requests.form.party")}
          placeholder={t("requests.form.partyPlaceholder")}
          data={parties.options}
          value={draft.requestedParty}
          onChange={(value) => update((d) => ({ ...d, requestedParty: value }))}
          searchable
          allowDeselect={false}
          filter={parties.filter}
          nothingFoundMessage={t("requests.list.noParty")}
          error={errors.requestedParty}
          required
          // Focused to show its error, it must not cover the message with its list.
          openOnFocus={false}
        />
        <Select
          label={t("requests.form.language")}
          description={t("requests.form.languageHelp")}
          data={languageData}
          value={draft.language || null}
          onChange={(value) => update((d) => ({ ...d, language: value ?? "" }))}
          searchable
          // Required: choosing the language already chosen (the UI's own, filled in) must not clear it.
          allowDeselect={false}
          nothingFoundMessage={t("requests.form.noLanguage")}
          error={errors.language}
          required
        />
      </SimpleGrid>
      {parties.error ? (
        <ErrorAlert error={parties.error} title={t("requests.form.partiesFailed")} onRetry={parties.retry} />
      ) : null}
      <RoutePreviewPanel query={route} language={draft.language} />
      <Group justify="flex-end">
        <Button onClick={onContinue} rightSection={<IconArrowRight size={16} aria-hidden />}>
          {t("common.continue")}
        </Button>
      </Group>
    </Stack>
  );
}

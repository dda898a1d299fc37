import { Group, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ParentRelation } from "../../../../shared/requests";
import { ErrorAlert } from "../../../app/ui";
import { useApiQuery } from "../../../app/useApiQuery";
import { currentLocale } from "../../../i18n";
import { RELATION_KEYS, TYPE_SHORT_KEYS } from "../labels";
import { requestsApi } from "../requestsApi";
import { formatMoment } from "../time";
import { allowedRelations, parentTypesFor } from "./draft";
import type { BlockProps } from "./types";

/**
 * The templates' "request status": a new request, or one that extends or follows an earlier one
 * this contact point sent (to the same Party, of a type the relation allows).
 */
export function ParentPicker({ draft, errors, update, zone }: BlockProps & { zone: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const relations = allowedRelations(draft.type);
  const sent = useApiQuery("requests-parent-candidates", (signal) =>
    requestsApi.list({ box: "outbox", type: null, state: null, party: null, overdue: false, offset: 0 }, signal, 200),
  );

  const relation = draft.parent.relation;
  const candidates = useMemo(() => {
    if (sent.status !== "success" || relation === "") return [];
    const types = parentTypesFor(draft.type, relation);
    return sent.data.items
      .filter((r) => types.includes(r.type) && (!draft.requestedParty || r.to?.iso2 === draft.requestedParty))
      .map((r) => ({
        value: r.id,
        label: `${r.number} · ${t(TYPE_SHORT_KEYS[r.type])} · ${r.sentAt ? formatMoment(r.sentAt, locale, zone) : ""}${r.reference ? ` · ${r.reference}` : ""}`,
      }));
  }, [sent, relation, draft.type, draft.requestedParty, t, locale, zone]);

  if (relations.length === 0) return null;

  return (
    <Stack gap="xs" data-testid="parent-picker">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t("requests.parent.status")}
          data={[
            { value: "", label: t("requests.parent.new") },
            ...relations.map((r) => ({ value: r, label: t(RELATION_KEYS[r]) })),
          ]}
          value={relation}
          onChange={(value) =>
            update((d) => ({
              ...d,
              parent: { relation: (value ?? "") as ParentRelation | "", requestId: value ? d.parent.requestId : "" },
            }))
          }
          allowDeselect={false}
          error={errors["parent.relation"]}
        />
        {relation !== "" ? (
          <Select
            label={t("requests.parent.request")}
            placeholder={t("requests.parent.choose")}
            data={candidates}
            value={draft.parent.requestId || null}
            onChange={(value) => update((d) => ({ ...d, parent: { ...d.parent, requestId: value ?? "" } }))}
            searchable
            nothingFoundMessage={t("requests.parent.none")}
            error={errors["parent.requestId"] ?? errors.parent}
            required
          />
        ) : null}
      </SimpleGrid>
      {relation !== "" && sent.status === "success" && candidates.length === 0 ? (
        <Group>
          <Text size="sm" c="dimmed">
            {t("requests.parent.none")}
          </Text>
        </Group>
      ) : null}
      {sent.status === "error" ? (
        <ErrorAlert error={sent.error} title={t("requests.parent.failed")} onRetry={sent.retry} />
      ) : null}
    </Stack>
  );
}

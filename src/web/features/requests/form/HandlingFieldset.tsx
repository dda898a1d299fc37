import { Checkbox, Fieldset, Radio, Stack, Text, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ONWARD_SHARING } from "../../../../shared/requests";
import { ONWARD_SHARING_KEYS } from "../labels";
import type { RequestDraft } from "./draft";
import type { BlockProps } from "./types";

type Conditions = RequestDraft["handlingConditions"];

/**
 * The conditions the requested side must respect (Second Additional Protocol Art. 14(2) and
 * 14(10)): they travel with the request and are shown on every view of it.
 */
export function HandlingFieldset({ draft, errors, update }: BlockProps) {
  const { t } = useTranslation();
  const hc = draft.handlingConditions;
  const set = <K extends keyof Conditions>(key: K, value: Conditions[K]) =>
    update((d) => ({ ...d, handlingConditions: { ...d.handlingConditions, [key]: value } }));
  const err = (field: keyof Conditions) => errors[`handlingConditions.${field}`];

  return (
    <Fieldset legend={t("requests.block.handlingConditions")} data-testid="block-handling-conditions">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("requests.handling.intro")}
        </Text>
        <Textarea
          label={t("requests.handling.purpose")}
          description={t("requests.handling.purposeHelp")}
          value={hc.purpose}
          onChange={(e) => set("purpose", e.currentTarget.value)}
          error={err("purpose")}
          autosize
          minRows={2}
          required
        />
        <Textarea
          label={t("requests.handling.useLimits")}
          description={t("requests.handling.useLimitsHelp")}
          value={hc.useLimits}
          onChange={(e) => set("useLimits", e.currentTarget.value)}
          error={err("useLimits")}
          autosize
          minRows={2}
        />
        <Radio.Group
          label={t("requests.handling.onwardSharing")}
          value={hc.onwardSharing}
          onChange={(value) => set("onwardSharing", value as Conditions["onwardSharing"])}
          error={err("onwardSharing")}
        >
          <Stack gap={6} mt={6}>
            {ONWARD_SHARING.map((o) => (
              <Radio key={o} value={o} label={t(ONWARD_SHARING_KEYS[o])} />
            ))}
          </Stack>
        </Radio.Group>
        <Checkbox
          label={t("requests.handling.confidential")}
          description={t("requests.handling.confidentialHelp")}
          checked={hc.confidential}
          onChange={(e) => set("confidential", e.currentTarget.checked)}
        />
        <Checkbox
          label={t("requests.handling.sensitive")}
          description={t("requests.handling.sensitiveHelp")}
          checked={hc.sensitive}
          onChange={(e) => set("sensitive", e.currentTarget.checked)}
        />
      </Stack>
    </Fieldset>
  );
}

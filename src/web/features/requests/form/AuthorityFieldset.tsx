import { Fieldset, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { REPLY_CHANNELS } from "../../../../shared/requests";
import { REPLY_CHANNEL_KEYS } from "../labels";
import type { RequestDraft } from "./draft";
import { TimeZoneSelect } from "./TimeZoneSelect";
import type { BlockProps } from "./types";

type Authority = RequestDraft["requestingAuthority"];

/** Block 4 of the T-CY templates: who asks, and when and how they can be reached. */
export function AuthorityFieldset({ draft, errors, update }: BlockProps) {
  const { t } = useTranslation();
  const ra = draft.requestingAuthority;
  const set = <K extends keyof Authority>(key: K, value: Authority[K]) =>
    update((d) => ({ ...d, requestingAuthority: { ...d.requestingAuthority, [key]: value } }));
  const err = (field: keyof Authority) => errors[`requestingAuthority.${field}`];

  return (
    <Fieldset legend={t("requests.block.requestingAuthority")} data-testid="block-requesting-authority">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t("requests.authority.organisation")}
            value={ra.organisation}
            onChange={(e) => set("organisation", e.currentTarget.value)}
            error={err("organisation")}
            required
          />
          <TextInput
            label={t("requests.authority.personInCharge")}
            value={ra.personInCharge}
            onChange={(e) => set("personInCharge", e.currentTarget.value)}
            error={err("personInCharge")}
            required
          />
        </SimpleGrid>
        <Textarea
          label={t("requests.authority.address")}
          value={ra.address}
          onChange={(e) => set("address", e.currentTarget.value)}
          error={err("address")}
          autosize
          minRows={2}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t("requests.authority.phone")}
            description={t("requests.form.phoneHelp")}
            type="tel"
            inputMode="tel"
            value={ra.phone}
            onChange={(e) => set("phone", e.currentTarget.value)}
            error={err("phone")}
            required
          />
          <TextInput
            label={t("requests.authority.mobile")}
            type="tel"
            inputMode="tel"
            value={ra.mobile}
            onChange={(e) => set("mobile", e.currentTarget.value)}
            error={err("mobile")}
          />
          <TextInput
            label={t("requests.authority.fax")}
            type="tel"
            inputMode="tel"
            value={ra.fax}
            onChange={(e) => set("fax", e.currentTarget.value)}
            error={err("fax")}
          />
        </SimpleGrid>
        <TextInput
          label={t("requests.authority.email")}
          type="email"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          value={ra.email}
          onChange={(e) => set("email", e.currentTarget.value)}
          error={err("email")}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t("requests.authority.officeHours")}
            description={t("requests.authority.officeHoursHelp")}
            value={ra.officeHours}
            onChange={(e) => set("officeHours", e.currentTarget.value)}
            error={err("officeHours")}
            required
          />
          <TimeZoneSelect
            label={t("requests.authority.timeZone")}
            value={ra.timeZone}
            onChange={(zone) => set("timeZone", zone)}
            error={err("timeZone")}
            required
          />
        </SimpleGrid>
        <NativeSelect
          label={t("requests.authority.preferredReply")}
          data={REPLY_CHANNELS.map((c) => ({ value: c, label: t(REPLY_CHANNEL_KEYS[c]) }))}
          value={ra.preferredReply}
          onChange={(e) => set("preferredReply", e.currentTarget.value as Authority["preferredReply"])}
          error={err("preferredReply")}
        />
      </Stack>
    </Fieldset>
  );
}

import { Button, Fieldset, Group, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { IconCopy } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { RequestDraft } from "./draft";
import type { BlockProps } from "./types";

type Contact = RequestDraft["confirmationContact"];

/** Block 5: who confirms the request if the other side calls back. */
export function ConfirmationFieldset({ draft, errors, update }: BlockProps) {
  const { t } = useTranslation();
  const cc = draft.confirmationContact;
  const set = <K extends keyof Contact>(key: K, value: Contact[K]) =>
    update((d) => ({ ...d, confirmationContact: { ...d.confirmationContact, [key]: value } }));
  const err = (field: keyof Contact) => errors[`confirmationContact.${field}`];
  // Often the person in charge confirms: one tap instead of typing it all again at night.
  const copyFromAuthority = () =>
    update((d) => ({
      ...d,
      confirmationContact: {
        ...d.confirmationContact,
        name: d.requestingAuthority.personInCharge,
        phone: d.requestingAuthority.phone,
        mobile: d.requestingAuthority.mobile,
        email: d.requestingAuthority.email,
      },
    }));

  return (
    <Fieldset legend={t("requests.block.confirmationContact")} data-testid="block-confirmation-contact">
      <Stack gap="sm">
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconCopy size={14} aria-hidden />}
            onClick={copyFromAuthority}
          >
            {t("requests.contact.copyFromAuthority")}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t("requests.contact.name")}
            value={cc.name}
            onChange={(e) => set("name", e.currentTarget.value)}
            error={err("name")}
            required
          />
          <TextInput
            label={t("requests.contact.jobTitle")}
            value={cc.jobTitle}
            onChange={(e) => set("jobTitle", e.currentTarget.value)}
            error={err("jobTitle")}
          />
          <TextInput
            label={t("requests.contact.function")}
            value={cc.function}
            onChange={(e) => set("function", e.currentTarget.value)}
            error={err("function")}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t("requests.contact.phone")}
            description={t("requests.form.phoneHelp")}
            type="tel"
            inputMode="tel"
            value={cc.phone}
            onChange={(e) => set("phone", e.currentTarget.value)}
            error={err("phone")}
            required
          />
          <TextInput
            label={t("requests.contact.mobile")}
            type="tel"
            inputMode="tel"
            value={cc.mobile}
            onChange={(e) => set("mobile", e.currentTarget.value)}
            error={err("mobile")}
          />
          <TextInput
            label={t("requests.contact.email")}
            type="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            value={cc.email}
            onChange={(e) => set("email", e.currentTarget.value)}
            error={err("email")}
            required
          />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}

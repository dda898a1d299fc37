import { Alert, Anchor, Group, Paper, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { declarationUpdateEmail, type PartyAuthorities } from "../../../shared/authorities";
import { CopyText } from "../../app/CopyText";
import { currentLocale } from "../../i18n";
import { FIELD_KEYS, ROLE_KEYS } from "./labels";
import { formatValue } from "./parts";

/**
 * Where the Party's data differ from its official declarations: both side by side (the Party's are
 * used), and for the Party the short e-mail it can send to the Treaty Office to update them.
 */
export function DiscrepancyPanel({ view }: { view: PartyAuthorities }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (view.discrepancies.length === 0) return null;
  const partyName = locale === "fr" ? view.party.nameFr : view.party.nameEn;
  const email = declarationUpdateEmail(partyName, view.discrepancies, locale);
  return (
    <Paper withBorder radius="md" p="md" data-testid="discrepancies">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("authorities.discrepancy.title")}
        </Title>
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t("authorities.discrepancy.help")}
        </Alert>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("authorities.discrepancy.field")}</Table.Th>
                <Table.Th>{t("authorities.discrepancy.party")}</Table.Th>
                <Table.Th>{t("authorities.discrepancy.declared")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.discrepancies.map((d) => (
                <Table.Tr key={`${d.role}.${d.field}`} data-testid="discrepancy-row">
                  <Table.Td>
                    {t(ROLE_KEYS[d.role])}: {t(FIELD_KEYS[d.field])}
                  </Table.Td>
                  <Table.Td data-testid="discrepancy-party">{formatValue(t, d.field, d.party, locale)}</Table.Td>
                  <Table.Td data-testid="discrepancy-declared">
                    {formatValue(t, d.field, d.declared, locale)}
                    <Text size="xs" c="dimmed">
                      {t("authorities.party.declaration", {
                        reference: d.declaration.reference,
                        date: d.declaration.declaredOn,
                      })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {email && view.canSubmit ? (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t("authorities.email.title")}
            </Title>
            <Text size="sm">{t("authorities.email.help", { to: email.to })}</Text>
            <Text size="sm">
              <strong>{t("authorities.email.subject")}</strong> {email.subject}
            </Text>
            <Textarea
              readOnly
              autosize
              minRows={6}
              value={email.body}
              label={t("authorities.email.body")}
              data-testid="declaration-email"
            />
            <Group gap="sm">
              <CopyText
                value={email.body}
                label={t("authorities.email.copy")}
                copiedLabel={t("authorities.email.copied")}
              />
              <Anchor
                href={`mailto:${email.to}?subject=${encodeURIComponent(email.subject)}&body=${encodeURIComponent(email.body)}`}
                size="sm"
              >
                {t("authorities.email.open")}
              </Anchor>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

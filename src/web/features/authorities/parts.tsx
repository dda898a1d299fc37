import { Badge, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../shared/auth";
import {
  AUTHORITY_FIELDS,
  type AuthorityField,
  type FieldValue,
  type FieldView,
  type RoleView,
} from "../../../shared/authorities";
import { currentLocale } from "../../i18n";
import type { TranslationKey } from "../../i18n/keys";
import { CHANNEL_KEYS, FIELD_KEYS, ROLE_KEYS } from "./labels";

function languageName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A field's value in the reader's language: language names, channel labels, lists joined. */
export function formatValue(
  t: (key: TranslationKey) => string,
  field: AuthorityField,
  value: FieldValue,
  locale: Locale,
): string {
  if (value === null) return "—";
  const list = Array.isArray(value) ? value : [value];
  if (field === "languages") return list.map((c) => languageName(c, locale)).join(", ");
  if (field === "channels") return list.map((c) => t(CHANNEL_KEYS[c as keyof typeof CHANNEL_KEYS] ?? c)).join(", ");
  return list.join(", ");
}

/** Where a field comes from: the Party's answer, or a named declaration. */
export function SourceBadge({ view, role }: { view: FieldView; role: RoleView }) {
  const { t } = useTranslation();
  if (view.source === "party") {
    return (
      <Badge variant="light" color="blue" data-testid="source-party">
        {t("authorities.source.party")}
      </Badge>
    );
  }
  if (view.source === "declaration" && role.declaration) {
    return (
      <Badge variant="light" color="gray" data-testid="source-declaration" style={{ textTransform: "none" }}>
        {t("authorities.source.declaration", {
          reference: role.declaration.reference,
          date: role.declaration.declaredOn,
        })}
      </Badge>
    );
  }
  return (
    <Badge variant="outline" color="orange">
      {t("authorities.source.none")}
    </Badge>
  );
}

/** One authority: each field, its source, and a mark where the Party's data differ from the declaration. */
export function RoleCard({ role }: { role: RoleView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const given = AUTHORITY_FIELDS.some((f) => role.fields[f].value !== null);
  return (
    <Paper withBorder radius="md" p="md" data-testid={`role-${role.role}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {t(ROLE_KEYS[role.role])}
          </Title>
          <Text size="sm" c="dimmed">
            {role.declaration
              ? t("authorities.party.declaration", {
                  reference: role.declaration.reference,
                  date: role.declaration.declaredOn,
                })
              : t("authorities.party.noDeclaration")}
          </Text>
        </Group>
        {given ? (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={6}>
              <Table.Tbody>
                {AUTHORITY_FIELDS.map((f) => {
                  const v = role.fields[f];
                  return (
                    <Table.Tr key={f} data-field={f}>
                      <Table.Th w={170} scope="row">
                        {t(FIELD_KEYS[f])}
                      </Table.Th>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                          {formatValue(t, f, v.value, locale)}
                        </Text>
                      </Table.Td>
                      <Table.Td w={240}>
                        <Group gap={4}>
                          <SourceBadge view={v} role={role} />
                          {v.discrepancy ? (
                            <Badge color="red" variant="light">
                              {t("authorities.source.differs")}
                            </Badge>
                          ) : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text size="sm" c="dimmed">
            {role.role === "provisionalArrest"
              ? t("authorities.party.sameAsExtradition")
              : t("authorities.party.nothing")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

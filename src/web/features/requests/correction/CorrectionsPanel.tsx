import { Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconEdit } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { RequestDetail } from "../../../../shared/requests";
import { currentLocale } from "../../../i18n";
import { formatMoment } from "../time";
import { changeLabel, changeValue } from "./changes";

/**
 * The sender's corrections of the form (SAP Art. 14(3)), each with who, when, why and every
 * field's value before and after; for the sender, the way to correct it.
 */
export function CorrectionsPanel({ detail, viewerZone }: { detail: RequestDetail; viewerZone: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canCorrect = detail.actions.includes("correct");
  if (detail.corrections.length === 0 && !canCorrect) return null;

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p="md"
      aria-labelledby="corrections-title"
      data-testid="corrections"
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h5" id="corrections-title">
            {t("requests.correction.history")}
          </Title>
          {canCorrect ? (
            <Button
              component={Link}
              to={`/requests/${detail.id}/correct`}
              variant="light"
              size="compact-sm"
              leftSection={<IconEdit size={14} aria-hidden />}
            >
              {t("requests.correction.open")}
            </Button>
          ) : null}
        </Group>
        {detail.corrections.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("requests.correction.none")}
          </Text>
        ) : (
          detail.corrections.map((c) => (
            <Stack key={c.id} gap={4} data-testid="correction">
              <Text size="sm" fw={600}>
                {t("requests.correction.by", {
                  when: formatMoment(c.at, locale, viewerZone),
                  who: c.actor ?? c.party ?? "—",
                })}
              </Text>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {c.reason}
              </Text>
              <Table.ScrollContainer minWidth={360}>
                <Table withTableBorder verticalSpacing={4} fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("requests.correction.field")}</Table.Th>
                      <Table.Th>{t("requests.correction.before")}</Table.Th>
                      <Table.Th>{t("requests.correction.after")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {c.changes.map((change) => (
                      <Table.Tr key={change.path}>
                        <Table.Td>{changeLabel(t, change.path)}</Table.Td>
                        <Table.Td style={{ whiteSpace: "pre-wrap" }} data-testid="before">
                          <del>{changeValue(t, change.before)}</del>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: "pre-wrap" }} data-testid="after">
                          {changeValue(t, change.after)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          ))
        )}
      </Stack>
    </Paper>
  );
}

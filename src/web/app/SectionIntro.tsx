import { Group, Paper, Stack, Text, ThemeIcon } from "@mantine/core";
import type { TablerIcon } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "./ui";

type Props = { title: string; description: string; icon: TablerIcon };

/** A section whose screens are not delivered yet: says what it is for, and honestly that it is not there yet. */
export function SectionIntro({ title, description, icon: Icon }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} maw={720}>
        <Group align="flex-start" wrap="nowrap" gap="md">
          <ThemeIcon variant="light" size="xl" radius="md" aria-hidden>
            <Icon size={24} />
          </ThemeIcon>
          <Stack gap="xs">
            <Text data-testid="section-description">{description}</Text>
            <Text size="sm" c="dimmed">
              {t("common.notYetAvailable")}
            </Text>
          </Stack>
        </Group>
      </Paper>
    </>
  );
}

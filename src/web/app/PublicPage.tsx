import { Box, Container, Group, Text } from "@mantine/core";
import { IconShieldLock, type TablerIcon } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ColorSchemeToggle } from "./ColorSchemeToggle";
import { LanguageSwitcher } from "./LanguageSwitcher";

/**
 * The frame of the pages reached without signing in (sign-in, an invitation, a ping test's link):
 * the name, the language and colour switches, then the page's own card.
 */
export function PublicPage({
  children,
  width = 460,
  icon: Icon = IconShieldLock,
}: {
  children: ReactNode;
  width?: number;
  icon?: TablerIcon;
}) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" py={{ base: "md", sm: 48 }} bg="var(--mantine-color-default-hover)">
      <Container size={width} px={{ base: "xs", sm: "md" }}>
        <Group justify="space-between" align="center" mb="md" wrap="nowrap">
          <Group gap={8} wrap="nowrap">
            <Icon size={28} aria-hidden color="var(--mantine-primary-color-filled)" />
            <Text fw={700} size="xl">
              {t("app.name")}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitcher />
            <ColorSchemeToggle />
          </Group>
        </Group>
        {children}
      </Container>
    </Box>
  );
}

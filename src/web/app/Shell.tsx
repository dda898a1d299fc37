import { ActionIcon, AppShell, Box, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconLogout, IconShieldLock } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router-dom";
import { type Locale, PreferencesBody, SessionInfo } from "../../shared/auth";
import { MailboxNavLink } from "../features/mailbox";
import { NotificationBell } from "../features/notifications/NotificationBell";
import { OpenPingBanner } from "../features/pings/OpenPingBanner";
import { ReauthModal } from "../features/security-keys/ReauthModal";
import { SettingsNavLink } from "../features/settings";
import { api } from "./api";
import { ColorSchemeToggle } from "./ColorSchemeToggle";
import { errorMessage } from "./errors";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { notifyError } from "./notify";
import { visibleSections } from "./sections";
import { useActiveSession, useSession } from "./session";

/** Who is signed in: shown in the header on wide screens and at the top of the menu on phones. */
function UserBlock({ align }: { align: "left" | "right" }) {
  const { t, i18n } = useTranslation();
  const { user } = useActiveSession();
  const affiliation = user.party
    ? i18n.language === "fr"
      ? user.party.nameFr
      : user.party.nameEn
    : t("shell.secretariat");
  return (
    <Box ta={align} miw={0} data-testid="current-user">
      <Text size="sm" fw={600} truncate>
        {user.displayName}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {affiliation}
      </Text>
    </Box>
  );
}

export function Shell() {
  const { t, i18n } = useTranslation();
  const { signOut, sessionChanged } = useSession();
  const session = useActiveSession();
  const location = useLocation();
  const [menuOpened, { toggle: toggleMenu, close: closeMenu }] = useDisclosure(false);
  const [signingOut, setSigningOut] = useState(false);
  // Only the answer to the latest language change may update the session (quick EN→FR→EN taps).
  const latestPreference = useRef(0);

  const sections = visibleSections(session.permissions);

  const savePreference = (locale: Locale) => {
    const request = ++latestPreference.current;
    api
      .patch("/api/me/preferences", PreferencesBody.parse({ locale }), SessionInfo)
      .then((updated) => {
        if (request === latestPreference.current) sessionChanged(updated);
      })
      .catch((error: unknown) => {
        // The UI has already switched; only the remembered preference failed.
        if (request === latestPreference.current) {
          notifyError(t, t("language.saveFailed"), errorMessage(t, error, i18n.language));
        }
      });
  };

  const handleSignOut = async () => {
    setSigningOut(true);
    try {
      await signOut();
    } catch (error) {
      setSigningOut(false);
      notifyError(t, t("shell.signOutFailed"), errorMessage(t, error, i18n.language));
    }
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: "sm", collapsed: { mobile: !menuOpened } }}
      padding={{ base: "sm", sm: "lg" }}
    >
      <AppShell.Header>
        <Group h="100%" px={{ base: "sm", sm: "md" }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={menuOpened}
              onClick={toggleMenu}
              hiddenFrom="sm"
              size="sm"
              aria-label={menuOpened ? t("nav.closeMenu") : t("nav.openMenu")}
              aria-expanded={menuOpened}
              aria-controls="vigil-navigation"
            />
            <Group gap={6} wrap="nowrap">
              <IconShieldLock size={22} aria-hidden color="var(--mantine-primary-color-filled)" />
              <Text fw={700} size="lg">
                {t("app.name")}
              </Text>
            </Group>
          </Group>
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Box visibleFrom="sm" maw={260} miw={0}>
              <UserBlock align="right" />
            </Box>
            <NotificationBell />
            <LanguageSwitcher onChanged={savePreference} />
            <ColorSchemeToggle />
            <Button
              visibleFrom="sm"
              variant="default"
              leftSection={<IconLogout size={16} aria-hidden />}
              onClick={handleSignOut}
              loading={signingOut}
            >
              {t("shell.signOut")}
            </Button>
            <ActionIcon
              hiddenFrom="sm"
              variant="default"
              size="lg"
              aria-label={t("shell.signOut")}
              title={t("shell.signOut")}
              onClick={handleSignOut}
              loading={signingOut}
            >
              <IconLogout size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="vigil-navigation" component="nav" aria-label={t("nav.label")} p="sm">
        <Box hiddenFrom="sm" pb="sm" mb="sm" style={{ borderBottom: "1px solid var(--app-shell-border-color)" }}>
          <UserBlock align="left" />
        </Box>
        <ScrollArea.Autosize type="scroll">
          <Stack gap={2}>
            {sections.map((section) => {
              const active = location.pathname === section.path || location.pathname.startsWith(`${section.path}/`);
              return (
                <NavLink
                  key={section.id}
                  component={Link}
                  to={section.path}
                  label={t(section.labelKey)}
                  leftSection={<section.icon size={20} stroke={1.6} aria-hidden />}
                  active={active}
                  aria-current={active ? "page" : undefined}
                  onClick={closeMenu}
                  variant="light"
                  styles={{ root: { borderRadius: "var(--mantine-radius-sm)" } }}
                />
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
        <Stack gap={2} mt="auto" pt="sm" style={{ borderTop: "1px solid var(--app-shell-border-color)" }}>
          <SettingsNavLink onNavigate={closeMenu} />
          <MailboxNavLink onNavigate={closeMenu} />
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main id="main">
        <Box maw={1200} mx="auto">
          {session.permissions.includes("pings.answer") ? <OpenPingBanner /> : null}
          <Outlet />
        </Box>
        <ReauthModal />
      </AppShell.Main>
    </AppShell>
  );
}

import { NavLink } from "@mantine/core";
import { IconUserCog } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";

export const SETTINGS_PATH = "/settings";

/** At the foot of the navigation, for every signed-in user: not a section, one's own settings. */
export function SettingsNavLink({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const active = location.pathname === SETTINGS_PATH;
  return (
    <NavLink
      component={Link}
      to={SETTINGS_PATH}
      label={t("settings.link")}
      leftSection={<IconUserCog size={18} stroke={1.6} aria-hidden />}
      active={active}
      aria-current={active ? "page" : undefined}
      onClick={onNavigate}
      variant="light"
      data-testid="settings-link"
      styles={{
        root: { borderRadius: "var(--mantine-radius-sm)" },
        label: { fontSize: "var(--mantine-font-size-sm)" },
      }}
    />
  );
}

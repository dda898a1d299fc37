import { NavLink } from "@mantine/core";
import { IconMail } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";
import { useMailboxAvailable } from "./useMailbox";

export const MAILBOX_PATH = "/dev/mailbox";

/**
 * A discreet link at the foot of the navigation (under the user's settings), only where the
 * development mailbox exists (demo mode without SMTP): a real deployment shows nothing.
 */
export function MailboxNavLink({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const available = useMailboxAvailable();
  const location = useLocation();
  if (!available) return null;
  const active = location.pathname === MAILBOX_PATH;
  return (
    <NavLink
      component={Link}
      to={MAILBOX_PATH}
      label={t("mailbox.link")}
      leftSection={<IconMail size={18} stroke={1.6} aria-hidden />}
      active={active}
      aria-current={active ? "page" : undefined}
      onClick={onNavigate}
      variant="light"
      c={active ? undefined : "dimmed"}
      styles={{
        root: { borderRadius: "var(--mantine-radius-sm)" },
        label: { fontSize: "var(--mantine-font-size-sm)" },
      }}
    />
  );
}

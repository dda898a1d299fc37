import { Button, type ButtonProps } from "@mantine/core";
import { type MouseEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadFile } from "./api";
import { errorMessage } from "./errors";
import { notifyError } from "./notify";

/**
 * A download link that fetches through the API: a sensitive export can then ask for
 * re-authentication and go on. Stays a real link (role, address, middle-click) for everything else.
 */
export function DownloadLink({
  href,
  children,
  ...props
}: ButtonProps & { href: string; children: ReactNode; "data-format"?: string }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const onClick = async (event: MouseEvent<HTMLAnchorElement>) => {
    // A modified click (new tab, save as) is the browser's business.
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    setBusy(true);
    try {
      await downloadFile(href);
    } catch (error) {
      notifyError(t, t("security.downloadFailed"), errorMessage(t, error, i18n.language));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button component="a" href={href} download onClick={onClick} loading={busy} {...props}>
      {children}
    </Button>
  );
}

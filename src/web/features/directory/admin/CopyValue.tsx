import { Button, CopyButton } from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** A small "Copy" button; `what` names the value for screen readers ("Copy the PEM key"). */
export function CopyValue({ value, what }: { value: string; what: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value} timeout={2000}>
      {({ copied, copy }) => (
        <Button
          size="compact-sm"
          variant="light"
          color={copied ? "teal" : undefined}
          leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
          onClick={copy}
          aria-label={t("directoryAdmin.common.copyWhat", { what })}
        >
          {copied ? t("directoryAdmin.common.copied") : t("directoryAdmin.common.copy")}
        </Button>
      )}
    </CopyButton>
  );
}

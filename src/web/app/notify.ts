import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";

/** A transient error message for actions that have no form to show it in. */
export function notifyError(t: TFunction, title: string, message: string): void {
  notifications.show({
    color: "red",
    title,
    message,
    autoClose: 8000,
    closeButtonProps: { "aria-label": t("common.close") },
  });
}

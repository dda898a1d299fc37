import { useTranslation } from "react-i18next";
import { ShownOnce } from "../../app/ShownOnce";

/** The signing secret of a webhook just added, shown once. */
export function SecretReveal({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <ShownOnce
      value={secret}
      words={{
        title: t("webhooks.secret.title"),
        warning: t("webhooks.secret.warning"),
        context: t("webhooks.secret.for", { url }),
        label: t("webhooks.secret.label"),
        copy: t("webhooks.secret.copy"),
        done: t("webhooks.secret.done"),
      }}
      testIds={{ root: "webhook-secret", value: "webhook-secret-value", done: "webhook-secret-done" }}
      onDone={onDone}
    />
  );
}

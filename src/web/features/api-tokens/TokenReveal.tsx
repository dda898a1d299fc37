import { useTranslation } from "react-i18next";
import { ShownOnce } from "../../app/ShownOnce";

/** A token just created, shown once. */
export function TokenReveal({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <ShownOnce
      value={token}
      words={{
        title: t("apiTokens.reveal.title"),
        warning: t("apiTokens.reveal.warning"),
        context: t("apiTokens.reveal.for", { name }),
        label: t("apiTokens.reveal.label"),
        copy: t("apiTokens.reveal.copy"),
        done: t("apiTokens.reveal.done"),
      }}
      testIds={{ root: "api-token-reveal", value: "api-token-value", done: "api-token-reveal-done" }}
      onDone={onDone}
    />
  );
}

import { Anchor } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";

/** Lets someone who typed the wrong account go back to the password step. */
export function StartOverLink() {
  const { t } = useTranslation();
  const { abandonSignIn } = useSession();
  const [busy, setBusy] = useState(false);
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      c="dimmed"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void abandonSignIn();
      }}
    >
      {t("auth.startOver")}
    </Anchor>
  );
}

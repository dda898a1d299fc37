import { Alert, Button, Code, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { IconCircleCheck, IconCircleX, IconShieldSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../app/ui";
import { requestsApi, type Verification } from "../requestsApi";

/** Checks a receipt (compact JWS) against the platform's signing key: pasted from a file or an e-mail. */
export function ReceiptCheck() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [receipt, setReceipt] = useState("");
  const [result, setResult] = useState<Verification | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setFailure(null);
    setResult(null);
    setBusy(true);
    try {
      setResult(await requestsApi.verifyReceipt(receipt.trim()));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconShieldSearch size={14} aria-hidden />}
        onClick={() => setOpen(true)}
      >
        {t("requests.receipt.check")}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("requests.receipt.title")} size="lg" centered>
        <Stack gap="sm">
          <Text size="sm">{t("requests.receipt.help")}</Text>
          <Textarea
            label={t("requests.receipt.label")}
            value={receipt}
            onChange={(e) => {
              setReceipt(e.currentTarget.value);
              setResult(null);
            }}
            autosize
            minRows={3}
            maxRows={8}
            spellCheck={false}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 12 } }}
          />
          <Group justify="flex-end">
            <Button onClick={verify} loading={busy} disabled={!receipt.trim()}>
              {t("requests.receipt.verify")}
            </Button>
          </Group>
          {failure ? <ErrorAlert error={failure} /> : null}
          {result ? (
            <Alert
              color={result.valid ? "teal" : "red"}
              variant="light"
              icon={result.valid ? <IconCircleCheck aria-hidden /> : <IconCircleX aria-hidden />}
              title={result.valid ? t("requests.receipt.valid") : t("requests.receipt.invalid")}
              role="status"
            >
              {result.valid && result.payload !== undefined ? (
                <Code block>{JSON.stringify(result.payload, null, 2)}</Code>
              ) : null}
              {!result.valid && result.reason ? <Text size="sm">{result.reason}</Text> : null}
            </Alert>
          ) : null}
        </Stack>
      </Modal>
    </>
  );
}

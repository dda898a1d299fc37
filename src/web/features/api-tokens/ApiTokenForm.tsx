import { Alert, Button, Checkbox, Group, Paper, Radio, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { API_TOKEN_SCOPES, type ApiToken, ApiTokenInput, type ApiTokenScope } from "../../../shared/api-tokens";
import { ApiError } from "../../app/api";
import { errorMessage } from "../../app/errors";
import { apiTokensApi } from "./apiTokensApi";
import { type ApiTokenFormErrors, clientErrors, serverErrors } from "./formErrors";
import { EXPIRY_CHOICES, EXPIRY_LABELS, type ExpiryChoice, expiresAtFor, scopeHelp, scopeLabel } from "./labels";

const NAME_MAX = 100;

/** Creating a token: checked with the shared schema first, then the server's own rules on the fields. */
export function ApiTokenForm({ onCreated }: { onCreated: (token: ApiToken, secret: string) => void }) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState("");
  // Reading the directory is what national systems ask for first; the rest only when needed.
  const [scopes, setScopes] = useState<ApiTokenScope[]>(["directory:read"]);
  const [expiry, setExpiry] = useState<ExpiryChoice>("365");
  const [errors, setErrors] = useState<ApiTokenFormErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);

  const submit = async () => {
    setFailure(null);
    const parsed = ApiTokenInput.safeParse({ name, scopes, expiresAt: expiresAtFor(expiry, new Date()) });
    if (!parsed.success) {
      const found = clientErrors(t, parsed.error);
      setErrors(found);
      if (found.name) nameInput.current?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await apiTokensApi.create(parsed.data);
      setName("");
      setScopes(["directory:read"]);
      onCreated(created.apiToken, created.token);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.issues.length > 0) {
        const { fields, unplaced } = serverErrors(t, e.issues);
        setErrors(fields);
        if (unplaced || Object.keys(fields).length === 0) setFailure(e);
        if (fields.name) nameInput.current?.focus();
      } else {
        setFailure(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="api-token-form-title"
    >
      {/* The browser's own bubbles are off: the shared schema's messages, in the UI language, say more. */}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Title order={3} size="h4" id="api-token-form-title">
            {t("apiTokens.form.title")}
          </Title>
          <TextInput
            ref={nameInput}
            label={t("apiTokens.form.name")}
            description={t("apiTokens.form.nameHelp")}
            placeholder={t("apiTokens.form.namePlaceholder")}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              if (errors.name) setErrors(({ name: _, ...rest }) => rest);
            }}
            error={errors.name}
            required
            autoComplete="off"
            maxLength={NAME_MAX}
            data-testid="api-token-name"
          />
          <Checkbox.Group
            label={t("apiTokens.form.scopes")}
            description={t("apiTokens.form.scopesHelp")}
            value={scopes}
            onChange={(value) => {
              setScopes(API_TOKEN_SCOPES.filter((scope) => value.includes(scope)));
              if (errors.scopes) setErrors(({ scopes: _, ...rest }) => rest);
            }}
            error={errors.scopes}
            required
          >
            <Stack gap="xs" mt="xs">
              {API_TOKEN_SCOPES.map((scope) => (
                <Checkbox
                  key={scope}
                  value={scope}
                  label={scopeLabel(t, scope)}
                  description={
                    <>
                      {scopeHelp(t, scope)}{" "}
                      <Text span size="xs" ff="monospace" c="dimmed">
                        ({scope})
                      </Text>
                    </>
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Radio.Group
            label={t("apiTokens.form.expiry")}
            description={t("apiTokens.form.expiryHelp")}
            value={expiry}
            onChange={(value) => {
              setExpiry(EXPIRY_CHOICES.find((c) => c === value) ?? "365");
              if (errors.expiresAt) setErrors(({ expiresAt: _, ...rest }) => rest);
            }}
            error={errors.expiresAt}
          >
            <Group gap="md" mt="xs">
              {EXPIRY_CHOICES.map((choice) => (
                <Radio key={choice} value={choice} label={t(EXPIRY_LABELS[choice])} />
              ))}
            </Group>
          </Radio.Group>
          {failure ? (
            <Alert color="red" variant="light" role="alert" title={t("apiTokens.form.failed")}>
              {errorMessage(t, failure, i18n.language)}
            </Alert>
          ) : null}
          <Group>
            <Button
              type="submit"
              loading={busy}
              leftSection={<IconPlus size={16} aria-hidden />}
              data-testid="api-token-submit"
            >
              {t("apiTokens.form.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

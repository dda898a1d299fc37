import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Account, AccountInput, type AccountList } from "../../../shared/accounts";
import type { Locale, Role } from "../../../shared/auth";
import { ApiError } from "../../app/api";
import { errorMessage } from "../../app/errors";
import { notifyError } from "../../app/notify";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { type FieldErrors, schemaErrors, serverErrors } from "../directory/issues";
import { TimeZoneSelect } from "../requests/form/TimeZoneSelect";
import { formatMoment } from "../requests/time";
import { useParties } from "../requests/useParties";
import { accountsApi } from "./accountsApi";
import { ACCOUNT_MESSAGES } from "./messages";

const STATUS_COLOR: Record<Account["status"], string> = {
  invited: "blue",
  active: "green",
  locked: "orange",
  disabled: "gray",
};

/** Administration → Accounts: who may sign in, their roles, invitations, disabling and resets. */
export function AccountsPanel() {
  const { t } = useTranslation();
  const query = useApiQuery("accounts", (signal) => accountsApi.list(signal));
  const [shown, setShown] = useState<AccountList | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const data = shown ?? (query.status === "success" ? query.data : null);

  const replace = (account: Account) => {
    if (!data) return;
    const items = data.items.some((a) => a.id === account.id)
      ? data.items.map((a) => (a.id === account.id ? account : a))
      : [...data.items, account];
    setShown({ ...data, items });
  };

  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="accounts-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="accounts-title">
          {t("accounts.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {data?.choosesParty ? t("accounts.helpSecretariat") : t("accounts.help")}
        </Text>
        {query.status === "loading" ? <PageLoader label={t("accounts.loading")} /> : null}
        {query.status === "error" ? (
          <ErrorAlert error={query.error} title={t("accounts.loadFailed")} onRetry={query.retry} />
        ) : null}
        {data ? (
          <>
            {message ? (
              <Alert color="green" data-testid="account-message" withCloseButton onClose={() => setMessage(null)}>
                {message}
              </Alert>
            ) : null}
            <AccountsTable list={data} onChanged={replace} onMessage={setMessage} />
            <InviteForm list={data} onInvited={replace} />
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

function AccountsTable({
  list,
  onChanged,
  onMessage,
}: {
  list: AccountList;
  onChanged: (a: Account) => void;
  onMessage: (text: string | null) => void;
}) {
  const { t } = useTranslation();
  const session = useActiveSession();
  const locale = currentLocale();
  const [busy, setBusy] = useState<string | null>(null);

  if (list.items.length === 0) return <Text c="dimmed">{t("accounts.empty")}</Text>;

  const act = async (id: string, run: () => Promise<Account>, done?: (a: Account) => string) => {
    setBusy(id);
    onMessage(null);
    try {
      const account = await run();
      onChanged(account);
      if (done) onMessage(done(account));
    } catch (e) {
      notifyError(t, t("accounts.title"), errorMessage(t, e, locale));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" data-testid="accounts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("accounts.columns.name")}</Table.Th>
            <Table.Th>{t("accounts.columns.email")}</Table.Th>
            {list.choosesParty ? <Table.Th>{t("accounts.columns.party")}</Table.Th> : null}
            <Table.Th>{t("accounts.columns.role")}</Table.Th>
            <Table.Th>{t("accounts.columns.status")}</Table.Th>
            <Table.Th>{t("accounts.columns.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.items.map((a) => {
            const self = a.id === session.user.id;
            // A role can be changed to another of the caller's assignable ones; the Secretariat's
            // accounts stay the Secretariat's (the server says the same).
            const roles = list.assignableRoles.filter((r) => (r === "secretariat") === (a.role === "secretariat"));
            const editable = !self && list.assignableRoles.includes(a.role);
            return (
              <Table.Tr key={a.id} data-testid="account-row" data-email={a.email}>
                <Table.Td>
                  {a.displayName}
                  {self ? (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      ({t("accounts.you")})
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{a.email}</Table.Td>
                {list.choosesParty ? <Table.Td>{a.party ?? "—"}</Table.Td> : null}
                <Table.Td>
                  {editable && roles.length > 1 ? (
                    <Select
                      size="xs"
                      aria-label={t("accounts.actions.role", { name: a.displayName })}
                      data={roles.map((r) => ({ value: r, label: t(`accounts.roles.${r}`) }))}
                      value={a.role}
                      allowDeselect={false}
                      disabled={busy === a.id}
                      onChange={(value) => {
                        if (value && value !== a.role) {
                          void act(
                            a.id,
                            () => accountsApi.change(a.id, { role: value as Role }),
                            () => t("accounts.actions.done"),
                          );
                        }
                      }}
                    />
                  ) : (
                    t(`accounts.roles.${a.role}`)
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[a.status]} variant="light" data-testid="account-status">
                    {t(`accounts.status.${a.status}`)}
                  </Badge>
                  {a.invitationExpiresAt ? (
                    <Text size="xs" c="dimmed">
                      {t("accounts.invitedUntil", {
                        date: formatMoment(a.invitationExpiresAt, locale, session.user.timeZone),
                      })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {editable ? (
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="default"
                        loading={busy === a.id}
                        onClick={() =>
                          void act(a.id, () => accountsApi.change(a.id, { disabled: a.status !== "disabled" }))
                        }
                      >
                        {a.status === "disabled" ? t("accounts.actions.enable") : t("accounts.actions.disable")}
                      </Button>
                      {a.status !== "disabled" ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          disabled={busy === a.id}
                          onClick={() => {
                            if (
                              window.confirm(
                                t("accounts.actions.resetConfirm", { name: a.displayName, email: a.email }),
                              )
                            ) {
                              void act(
                                a.id,
                                () => accountsApi.reset(a.id),
                                (r) => t("accounts.actions.resetDone", { email: r.email }),
                              );
                            }
                          }}
                        >
                          {t("accounts.actions.reset")}
                        </Button>
                      ) : null}
                    </Group>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function InviteForm({ list, onInvited }: { list: AccountList; onInvited: (a: Account) => void }) {
  const { t } = useTranslation();
  const parties = useParties();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>(
    list.assignableRoles.includes("officer") ? "officer" : (list.assignableRoles[0] as Role),
  );
  const [party, setParty] = useState<string | null>(null);
  const [locale, setLocale] = useState<Locale>(currentLocale());
  const [timeZone, setTimeZone] = useState("UTC");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setFailure(null);
    setSent(null);
    const parsed = AccountInput.safeParse({
      email,
      displayName,
      role,
      party: list.choosesParty && role !== "secretariat" ? party : null,
      locale,
      timeZone,
    });
    if (!parsed.success) {
      setErrors(schemaErrors(t, parsed.error, ACCOUNT_MESSAGES));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const account = await accountsApi.invite(parsed.data);
      onInvited(account);
      setSent(t("accounts.form.sent", { email: account.email }));
      setEmail("");
      setDisplayName("");
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.issues.length > 0) {
        setErrors(serverErrors(t, e.issues, [], ACCOUNT_MESSAGES));
      } else {
        setFailure(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-labelledby="account-form-title"
    >
      <Stack gap="sm" maw={560}>
        <Title order={3} size="h4" id="account-form-title">
          {t("accounts.form.title")}
        </Title>
        <TextInput
          label={t("accounts.form.name")}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={errors.displayName}
          required
          maxLength={120}
          autoComplete="off"
        />
        <TextInput
          label={t("accounts.form.email")}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
          required
          autoComplete="off"
        />
        <Select
          label={t("accounts.form.role")}
          data={list.assignableRoles.map((r) => ({ value: r, label: t(`accounts.roles.${r}`) }))}
          value={role}
          allowDeselect={false}
          onChange={(v) => v && setRole(v as Role)}
          error={errors.role}
          required
        />
        {list.choosesParty && role !== "secretariat" ? (
          <Select
            label={t("accounts.form.party")}
            data={parties.options}
            filter={parties.filter}
            searchable
            value={party}
            onChange={setParty}
            error={errors.party}
            required
          />
        ) : null}
        <Group grow align="flex-start">
          <Select
            label={t("accounts.form.locale")}
            data={[
              { value: "en", label: "English" },
              { value: "fr", label: "Français" },
            ]}
            value={locale}
            allowDeselect={false}
            onChange={(v) => v && setLocale(v as Locale)}
          />
          <TimeZoneSelect
            label={t("accounts.form.timeZone")}
            value={timeZone}
            onChange={setTimeZone}
            error={errors.timeZone}
          />
        </Group>
        {failure ? <ErrorAlert error={failure} /> : null}
        {sent ? (
          <Alert color="green" data-testid="account-sent">
            {sent}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={busy} data-testid="account-submit">
            {t("accounts.form.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

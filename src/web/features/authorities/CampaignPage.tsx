import { Alert, Anchor, Badge, Button, Group, Paper, Progress, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBell, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { IsoDate } from "../../../shared/directory";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { authoritiesApi } from "./authoritiesApi";
import { fieldPathLabel } from "./labels";

/**
 * /authorities/campaign (Secretariat): "N/M Parties provided input", what each Party still misses,
 * asking them all to fill in the form, and reminding those who have not.
 */
export function CampaignPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useApiQuery("authorities-progress", (signal) => authoritiesApi.progress(signal));
  const [dueOn, setDueOn] = useState("");
  const [dueError, setDueError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"start" | "remind" | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  if (query.status === "loading") return <PageLoader label={t("authorities.campaign.loading")} />;
  if (query.status === "error") {
    return <ErrorAlert error={query.error} title={t("authorities.campaign.loadFailed")} onRetry={query.retry} />;
  }
  const p = query.data;
  const campaign = p.campaign;

  const start = async () => {
    setFailure(null);
    if (dueOn && !IsoDate.safeParse(dueOn).success) {
      setDueError(t("directory.validation.date"));
      return;
    }
    setDueError(null);
    setBusy("start");
    try {
      await authoritiesApi.startCampaign(dueOn || null);
      notifications.show({ color: "teal", message: t("authorities.campaign.started") });
      query.retry();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };
  const remind = async (id: string) => {
    setFailure(null);
    setBusy("remind");
    try {
      const r = await authoritiesApi.remind(id);
      notifications.show({ color: "teal", message: t("authorities.campaign.reminded", { count: r.parties }) });
      query.retry();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader title={t("authorities.campaign.title")} description={t("authorities.campaign.help")} />
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <Text fw={700} size="lg" data-testid="campaign-provided">
            {t("authorities.progress.provided", { provided: p.provided, total: p.total })}
          </Text>
          <Progress value={(100 * p.provided) / Math.max(1, p.total)} mt="xs" aria-hidden />
          {campaign ? (
            <Text size="sm" c="dimmed" mt="xs" data-testid="campaign-summary">
              {t("authorities.campaign.summary", {
                date: campaign.startedAt.slice(0, 10),
                asked: campaign.asked,
                answered: campaign.answered,
              })}{" "}
              {campaign.dueOn ? t("authorities.campaign.due", { date: campaign.dueOn }) : null}{" "}
              {campaign.lastReminderAt
                ? t("authorities.campaign.lastReminder", {
                    date: campaign.lastReminderAt.slice(0, 10),
                    count: campaign.reminders,
                  })
                : null}
            </Text>
          ) : null}
        </Paper>
        {failure ? <ErrorAlert error={failure} title={t("authorities.campaign.failed")} /> : null}
        <Paper withBorder radius="md" p="md">
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t("authorities.campaign.dueOn")}
              description={t("authorities.campaign.dueOnHelp")}
              placeholder="2027-01-31"
              value={dueOn}
              onChange={(e) => setDueOn(e.currentTarget.value)}
              error={dueError}
            />
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              onClick={start}
              loading={busy === "start"}
              disabled={p.missing.length === 0}
            >
              {t("authorities.campaign.start", { count: p.missing.length })}
            </Button>
            {campaign ? (
              <Button
                variant="light"
                leftSection={<IconBell size={16} aria-hidden />}
                onClick={() => remind(campaign.id)}
                loading={busy === "remind"}
              >
                {t("authorities.campaign.remind")}
              </Button>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed" mt="xs">
            {t("authorities.campaign.emailNote")}
          </Text>
        </Paper>
        {p.missing.length === 0 ? (
          <Alert color="teal">{t("authorities.campaign.complete")}</Alert>
        ) : (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" data-testid="campaign-missing">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("authorities.overview.party")}</Table.Th>
                    <Table.Th>{t("authorities.overview.status")}</Table.Th>
                    <Table.Th>{t("authorities.campaign.missingFields")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.missing.map((m) => (
                    <Table.Tr key={m.iso2} data-party={m.iso2}>
                      <Table.Td>
                        <Anchor component={Link} to={`/authorities/parties/${m.iso2}`}>
                          {locale === "fr" ? m.nameFr : m.nameEn}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={m.provided ? "yellow" : "orange"}>
                          {m.provided ? t("authorities.status.incomplete") : t("authorities.status.noInput")}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {m.provided
                            ? m.fields.map((f) => fieldPathLabel(t, f)).join("; ")
                            : t("authorities.campaign.allFields")}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </Stack>
    </>
  );
}

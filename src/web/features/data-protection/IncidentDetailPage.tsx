import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  MultiSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { type Incident, IncidentUpdateInput } from "../../../shared/incidents";
import { DetailFrame } from "../../app/DetailFrame";
import { useActiveSession } from "../../app/session";
import { ErrorAlert } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { useSchemaForm } from "../../app/useSchemaForm";
import { currentLocale } from "../../i18n";
import { formatMoment } from "../requests/time";
import { useParties } from "../requests/useParties";
import { dataProtectionApi } from "./dataProtectionApi";
import { DATA_PROTECTION_MESSAGES } from "./issues";
import { CATEGORY_KEYS, STATUS_KEYS } from "./labels";

function Block({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** /data-protection/incidents/:id: the incident as the reader may see it; the Secretariat adds updates. */
export function IncidentDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const session = useActiveSession();
  const [shown, setShown] = useState<Incident | null>(null);
  const query = useApiQuery(`incident-${id}`, (signal) => dataProtectionApi.incident(id, signal));
  const locale = currentLocale();
  const zone = session.user.timeZone;
  const at = (iso: string) => formatMoment(iso, locale, zone);
  const manages = session.permissions.includes("incidents.manage");

  return (
    <DetailFrame
      query={query}
      latest={shown && shown.id === id ? shown : null}
      back={{ to: "/data-protection", label: t("dataProtection.detail.back") }}
      loading={t("dataProtection.detail.loading")}
      loadFailed={t("dataProtection.detail.loadFailed")}
      header={(incident) => ({
        title: incident.purgedAt
          ? t("dataProtection.detail.purgedTitle", { date: at(incident.detectedAt) })
          : incident.title,
        description: t("dataProtection.detail.recorded", { name: incident.recordedBy, date: at(incident.recordedAt) }),
        aside: (
          <Badge
            size="lg"
            color={incident.status === "open" ? "red" : "gray"}
            variant="light"
            data-testid="incident-status"
          >
            {t(STATUS_KEYS[incident.status])}
          </Badge>
        ),
      })}
    >
      {(incident) => (
        <Stack gap="md" maw={900}>
          {incident.purgedAt ? (
            <Alert color="gray" data-testid="incident-purged">
              {t("dataProtection.detail.purged", { date: at(incident.purgedAt) })}
            </Alert>
          ) : null}
          <Paper withBorder radius="md" p="md">
            <Stack gap="md">
              <Group gap="xl" align="flex-start">
                <Block title={t("dataProtection.detail.detected")}>
                  <Text size="sm">{at(incident.detectedAt)}</Text>
                </Block>
                {incident.closedAt ? (
                  <Block title={t("dataProtection.incidents.columns.status")}>
                    <Text size="sm">{t("dataProtection.detail.closedOn", { date: at(incident.closedAt) })}</Text>
                  </Block>
                ) : null}
              </Group>
              <Block title={t("dataProtection.detail.affected")} testId="incident-parties">
                <List size="sm">
                  {incident.affectedParties.map((p) => (
                    <List.Item key={p.iso2}>
                      {locale === "fr" ? p.nameFr : p.nameEn} (
                      {t("dataProtection.detail.notified", { date: at(p.notifiedAt) })})
                    </List.Item>
                  ))}
                </List>
              </Block>
              <Block title={t("dataProtection.detail.categories")}>
                <Group gap={6}>
                  {incident.dataCategories.map((c) => (
                    <Badge key={c} variant="outline">
                      {t(CATEGORY_KEYS[c])}
                    </Badge>
                  ))}
                </Group>
              </Block>
              <Block title={t("dataProtection.detail.description")}>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="incident-description">
                  {incident.purgedAt ? t("dataProtection.detail.removed") : incident.description}
                </Text>
              </Block>
              <Block title={t("dataProtection.detail.measures")}>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {incident.purgedAt ? t("dataProtection.detail.removed") : incident.measures}
                </Text>
              </Block>
              <Block title={t("dataProtection.detail.requests")} testId="incident-requests">
                {incident.requestNumbers.length > 0 ? (
                  <Text size="sm">{incident.requestNumbers.join(", ")}</Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("dataProtection.detail.noRequests")}
                  </Text>
                )}
              </Block>
            </Stack>
          </Paper>
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="incident-updates">
            <Stack gap="sm">
              <Title order={2} size="h5" id="incident-updates">
                {t("dataProtection.detail.updates")}
              </Title>
              {incident.updates.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("dataProtection.detail.noUpdates")}
                </Text>
              ) : (
                incident.updates.map((u) => (
                  <Stack key={u.id} gap={2} data-testid="incident-update">
                    <Text size="xs" c="dimmed">
                      {u.author}, {at(u.at)}
                      {u.status
                        ? ` · ${t("dataProtection.detail.statusSet", { status: t(STATUS_KEYS[u.status]) })}`
                        : ""}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                      {incident.purgedAt ? t("dataProtection.detail.removed") : u.note}
                    </Text>
                  </Stack>
                ))
              )}
              {manages && !incident.purgedAt ? <UpdateForm incident={incident} onDone={setShown} /> : null}
            </Stack>
          </Paper>
        </Stack>
      )}
    </DetailFrame>
  );
}

function UpdateForm({ incident, onDone }: { incident: Incident; onDone: (i: Incident) => void }) {
  const { t } = useTranslation();
  const named = incident.affectedParties.map((p) => p.iso2);
  const parties = useParties();
  const [note, setNote] = useState("");
  const [status, setStatus] = useState<"keep" | "open" | "closed">("keep");
  const [added, setAdded] = useState<string[]>([]);
  // No summary: every error of the update sits beside its field.
  const form = useSchemaForm({
    schema: IncidentUpdateInput,
    messages: DATA_PROTECTION_MESSAGES,
    fields: ["note", "addParties"],
  });
  const { errors, failure, busy } = form;

  const submit = form.handleSubmit(
    () => ({ note, ...(status === "keep" ? {} : { status }), addParties: added }),
    async (data) => {
      onDone(await dataProtectionApi.updateIncident(incident.id, data));
      setNote("");
      setStatus("keep");
      setAdded([]);
    },
  );

  return (
    <form onSubmit={submit} noValidate data-testid="incident-update-form">
      <Stack gap="sm" mt="sm">
        <Title order={3} size="h6">
          {t("dataProtection.update.title")}
        </Title>
        <Textarea
          label={t("dataProtection.update.note")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          autosize
          minRows={2}
          required
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("dataProtection.update.status")}
          </Text>
          <SegmentedControl
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            data={[
              { value: "keep", label: t("dataProtection.update.keep") },
              { value: "open", label: t(STATUS_KEYS.open) },
              { value: "closed", label: t(STATUS_KEYS.closed) },
            ]}
          />
        </Stack>
        <MultiSelect
          label={t("dataProtection.update.addParties")}
          description={t("dataProtection.update.addPartiesHelp")}
          data={parties.options.filter((o) => !named.includes(o.value))}
          filter={parties.filter}
          value={added}
          onChange={setAdded}
          searchable
          error={errors.addParties ?? Object.entries(errors).find(([p]) => p.startsWith("addParties."))?.[1]}
        />
        {failure ? <ErrorAlert error={failure} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {t("dataProtection.update.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

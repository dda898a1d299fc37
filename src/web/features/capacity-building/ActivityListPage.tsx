import { Alert, Button, Group, Modal, NativeSelect, Paper, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { ACTIVITY_KINDS, type Activity } from "../../../shared/plenary";
import { errorMessage } from "../../app/errors";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { useCountries } from "../meetings/countries";
import { ACTIVITY_KIND_KEYS, daysLabel } from "../meetings/labels";
import { capacityApi } from "./capacityApi";

/** The activities, newest first, filtered by year and kind (kept in the address, so a filter can be shared). */
export function ActivityListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const countries = useCountries();
  const [params, setParams] = useSearchParams();
  const [removed, setRemoved] = useState<string[]>([]);
  const [deleting, setDeleting] = useState<Activity | null>(null);
  const query = useApiQuery("capacity-building", (signal) => capacityApi.list(signal));

  const year = params.get("year") ?? "";
  const kind = params.get("kind") ?? "";
  const setFilter = (name: "year" | "kind", value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const items = query.status === "success" ? query.data.items.filter((a) => !removed.includes(a.id)) : [];
  const years = [...new Set(items.map((a) => a.startsOn.slice(0, 4)))].sort().reverse();
  const shown = items.filter((a) => (!year || a.startsOn.startsWith(`${year}-`)) && (!kind || a.kind === kind));

  return (
    <>
      <PageHeader title={t("capacity.list.title")} description={t("capacity.list.help")}>
        <Button component={Link} to="/capacity-building/new" leftSection={<IconPlus size={16} aria-hidden />}>
          {t("capacity.list.record")}
        </Button>
      </PageHeader>
      {query.status === "loading" ? <PageLoader label={t("capacity.list.loading")} /> : null}
      {query.status === "error" ? (
        <ErrorAlert error={query.error} title={t("capacity.list.loadFailed")} onRetry={query.retry} />
      ) : null}
      {query.status === "success" ? (
        <Stack gap="sm">
          <Group gap="sm" role="search" aria-label={t("capacity.filters.label")}>
            <NativeSelect
              label={t("capacity.filters.year")}
              value={year}
              onChange={(e) => setFilter("year", e.currentTarget.value)}
              data={[
                { value: "", label: t("capacity.filters.allYears") },
                ...years.map((y) => ({ value: y, label: y })),
              ]}
            />
            <NativeSelect
              label={t("capacity.filters.kind")}
              value={kind}
              onChange={(e) => setFilter("kind", e.currentTarget.value)}
              data={[
                { value: "", label: t("capacity.filters.allKinds") },
                ...ACTIVITY_KINDS.map((k) => ({ value: k, label: t(ACTIVITY_KIND_KEYS[k]) })),
              ]}
            />
          </Group>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="activities-count">
            {t("capacity.list.count", { count: shown.length })}
          </Text>
          {shown.length === 0 ? (
            <Text c="dimmed" data-testid="activities-empty">
              {t(items.length === 0 ? "capacity.list.empty" : "capacity.list.noneMatch")}
            </Text>
          ) : (
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={820}>
                <Table verticalSpacing="sm" data-testid="activities">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("capacity.list.columns.date")}</Table.Th>
                      <Table.Th>{t("capacity.list.columns.kind")}</Table.Th>
                      <Table.Th>{t("capacity.list.columns.title")}</Table.Th>
                      <Table.Th>{t("capacity.list.columns.countries")}</Table.Th>
                      <Table.Th>{t("capacity.list.columns.project")}</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>{t("capacity.list.columns.actions")}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map((a) => (
                      <Table.Tr key={a.id} data-testid="activity" data-title={a.title}>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>{daysLabel(a.startsOn, a.endsOn, locale)}</Table.Td>
                        <Table.Td>{t(ACTIVITY_KIND_KEYS[a.kind])}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{a.title}</Text>
                          {a.notes ? (
                            <Text size="xs" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
                              {a.notes}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>{a.countries.map(countries.name).join(", ")}</Table.Td>
                        <Table.Td>{a.project ?? ""}</Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            leftSection={<IconTrash size={14} aria-hidden />}
                            aria-label={t("capacity.delete.what", { title: a.title })}
                            onClick={() => setDeleting(a)}
                          >
                            {t("capacity.delete.button")}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
        </Stack>
      ) : null}
      <DeleteModal
        activity={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(id) => {
          setRemoved((r) => [...r, id]);
          setDeleting(null);
        }}
      />
    </>
  );
}

function DeleteModal({
  activity,
  onClose,
  onDeleted,
}: {
  activity: Activity | null;
  onClose: () => void;
  onDeleted: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const remove = async (a: Activity) => {
    setBusy(true);
    setFailure(null);
    try {
      await capacityApi.remove(a.id);
      onDeleted(a.id);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={activity !== null}
      onClose={() => {
        if (!busy) {
          setFailure(null);
          onClose();
        }
      }}
      title={t("capacity.delete.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
      centered
    >
      {activity ? (
        <Stack gap="md">
          <Text size="sm">{t("capacity.delete.body", { title: activity.title })}</Text>
          {failure ? (
            <Alert color="red" variant="light" role="alert" title={t("capacity.delete.failed")}>
              {errorMessage(t, failure, i18n.language)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t("capacity.delete.cancel")}
            </Button>
            <Button color="red" loading={busy} onClick={() => void remove(activity)}>
              {t("capacity.delete.confirm")}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

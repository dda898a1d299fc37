import { Alert, Badge, Button, Group, List, Stack, Text } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ErrorAlert, PageHeader, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { authoritiesApi } from "./authoritiesApi";
import { DiscrepancyPanel } from "./DiscrepancyPanel";
import { fieldPathLabel } from "./labels";
import { RoleCard } from "./parts";

/** /authorities/parties/:iso2 — one Party's authorities, where each field comes from, the differences. */
export function PartyAuthoritiesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const iso2 = (useParams().iso2 ?? "").toUpperCase();
  const query = useApiQuery(`authorities-${iso2}`, (signal) => authoritiesApi.party(iso2, signal));
  if (query.status === "loading") return <PageLoader label={t("authorities.party.loading")} />;
  if (query.status === "error") {
    return <ErrorAlert error={query.error} title={t("authorities.party.loadFailed")} onRetry={query.retry} />;
  }
  const view = query.data;
  const name = locale === "fr" ? view.party.nameFr : view.party.nameEn;
  return (
    <>
      <PageHeader title={t("authorities.party.title", { party: name })}>
        {view.canSubmit ? (
          <Button
            component={Link}
            to={`/authorities/parties/${view.party.iso2}/edit`}
            leftSection={<IconPencil size={16} aria-hidden />}
          >
            {view.provided ? t("authorities.party.update") : t("authorities.party.fill")}
          </Button>
        ) : null}
      </PageHeader>
      <Stack gap="md">
        <Group gap="xs">
          {view.provided ? (
            <Badge color="teal" variant="light" data-testid="party-status">
              {t("authorities.party.providedOn", { date: view.submittedAt?.slice(0, 10) ?? "" })}
            </Badge>
          ) : (
            <Badge color="orange" variant="light" data-testid="party-status">
              {t("authorities.status.noInput")}
            </Badge>
          )}
        </Group>
        {view.missing.length > 0 ? (
          <Alert color="orange" variant="light" title={t("authorities.party.missingTitle")} data-testid="party-missing">
            <Text size="sm" mb={4}>
              {view.provided ? t("authorities.party.missingHelp") : t("authorities.party.noInputHelp")}
            </Text>
            {view.provided ? (
              <List size="sm">
                {view.missing.map((path) => (
                  <List.Item key={path}>{fieldPathLabel(t, path)}</List.Item>
                ))}
              </List>
            ) : null}
          </Alert>
        ) : null}
        <DiscrepancyPanel view={view} />
        {view.roles.map((role) => (
          <RoleCard key={role.role} role={role} />
        ))}
      </Stack>
    </>
  );
}

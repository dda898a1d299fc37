import { Anchor, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { AUTHORITY_FIELDS } from "../../../shared/authorities";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { authoritiesApi } from "./authoritiesApi";
import { FIELD_KEYS } from "./labels";
import { formatValue, SourceBadge } from "./parts";

/**
 * On a request: the requested Party's Art. 27 central authority, where the mutual assistance
 * request that follows a preservation goes. Hidden when the directory has none for that Party.
 */
export function RequestedAuthority({ iso2 }: { iso2: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useApiQuery(`authorities-${iso2}`, (signal) => authoritiesApi.party(iso2, signal));
  if (query.status !== "success") return null;
  const mla = query.data.roles.find((r) => r.role === "mla");
  if (!mla || mla.fields.name.value === null) return null;
  const name = locale === "fr" ? query.data.party.nameFr : query.data.party.nameEn;
  return (
    <Paper withBorder radius="md" p="md" data-testid="requested-authority">
      <Stack gap={6}>
        <Title order={2} size="h5">
          {t("authorities.request.title", { party: name })}
        </Title>
        <Text size="xs" c="dimmed">
          {t("authorities.request.help")}
        </Text>
        {AUTHORITY_FIELDS.filter((f) => mla.fields[f].value !== null).map((f) => (
          <div key={f}>
            <Text size="xs" fw={600}>
              {t(FIELD_KEYS[f])} <SourceBadge view={mla.fields[f]} role={mla} />
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {formatValue(t, f, mla.fields[f].value, locale)}
            </Text>
          </div>
        ))}
        <Anchor component={Link} to={`/authorities/parties/${query.data.party.iso2}`} size="sm">
          {t("authorities.request.open")}
        </Anchor>
      </Stack>
    </Paper>
  );
}

import { Accordion, Badge, Button, Group, List, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PartyDiff, ReleaseComparison } from "../../../../shared/directory";
import { currentLocale } from "../../../i18n";
import type { TranslationKey } from "../../../i18n/keys";
import { FieldChanges } from "./FieldChanges";
import { partyName } from "./values";

type Change = PartyDiff["change"];

const CHANGE_KEYS: Record<Change, TranslationKey> = {
  added: "directoryAdmin.diff.change.added",
  removed: "directoryAdmin.diff.change.removed",
  changed: "directoryAdmin.diff.change.changed",
};
const CHANGE_COLORS: Record<Change, string> = { added: "green", removed: "red", changed: "blue" };

export function ChangeBadge({ change }: { change: Change }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={CHANGE_COLORS[change]} radius="sm" tt="none" data-change={change}>
      {t(CHANGE_KEYS[change])}
    </Badge>
  );
}

/** Above this many Parties, the panels start closed so that the list stays scannable. */
const OPEN_BY_DEFAULT_MAX = 10;

/**
 * Per Party: what was added, removed or changed (Party fields, legal profile, each contact point
 * with its field-by-field difference). Used for comparisons of releases, unreleased changes and
 * import previews, so a reviewer reads them all the same way.
 */
export function PartyDiffList({ parties }: { parties: PartyDiff[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (parties.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid="no-differences">
        {t("directoryAdmin.diff.noDifferences")}
      </Text>
    );
  }
  const sorted = [...parties].sort((a, b) => partyName(a, locale).localeCompare(partyName(b, locale), locale));
  return (
    <Accordion
      multiple
      variant="separated"
      defaultValue={sorted.length <= OPEN_BY_DEFAULT_MAX ? sorted.map((p) => p.iso2) : []}
    >
      {sorted.map((party) => (
        <Accordion.Item key={party.iso2} value={party.iso2} data-testid="party-diff" data-iso={party.iso2}>
          <Accordion.Control>
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{partyName(party, locale)}</Text>
              <Text size="sm" c="dimmed" ff="monospace">
                {party.iso2}
              </Text>
              <ChangeBadge change={party.change} />
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="md">
              {party.partyChanges.length > 0 ? (
                <Stack gap={6}>
                  <Title order={4} size="h6">
                    {t("directoryAdmin.diff.partyFields")}
                  </Title>
                  <FieldChanges changes={party.partyChanges} />
                </Stack>
              ) : null}
              {party.legalProfileChanges.length > 0 ? (
                <Stack gap={6}>
                  <Title order={4} size="h6">
                    {t("directoryAdmin.field.legalProfile")}
                  </Title>
                  <FieldChanges changes={party.legalProfileChanges} />
                </Stack>
              ) : null}
              {party.contactPoints.map((cp) => (
                <Stack key={cp.id} gap={6} data-testid="contact-point-diff" data-change={cp.change}>
                  <Group gap="xs" wrap="wrap">
                    <Title order={4} size="h6">
                      {cp.unit ? `${cp.institution} — ${cp.unit}` : cp.institution}
                    </Title>
                    <ChangeBadge change={cp.change} />
                  </Group>
                  {/* A whole entry added or removed is already said by its badge; its fields follow if sent. */}
                  {cp.changes.length > 0 || cp.change === "changed" ? <FieldChanges changes={cp.changes} /> : null}
                </Stack>
              ))}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

/** Beyond this many lines (the first release lists every Party), the rest waits behind "Show all". */
const DEVELOPMENTS_SHOWN = 10;

/** "Latest developments" lines of a comparison, in the UI language. */
export function DevelopmentsList({ developments }: { developments: ReleaseComparison["developments"] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [all, setAll] = useState(false);
  if (developments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("directoryAdmin.diff.noDevelopments")}
      </Text>
    );
  }
  const folded = !all && developments.length > DEVELOPMENTS_SHOWN + 2;
  const shown = folded ? developments.slice(0, DEVELOPMENTS_SHOWN) : developments;
  return (
    <Stack gap={4} align="flex-start">
      <List size="sm" spacing={4} data-testid="developments">
        {shown.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a Party may have several lines; their order is their identity.
          <List.Item key={`${d.iso2}-${i}`}>{locale === "fr" ? d.fr : d.en}</List.Item>
        ))}
      </List>
      {folded ? (
        <Button variant="subtle" size="compact-sm" onClick={() => setAll(true)}>
          {t("directoryAdmin.diff.showAll", { count: developments.length })}
        </Button>
      ) : null}
    </Stack>
  );
}

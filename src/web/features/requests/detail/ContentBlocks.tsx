import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { IDENTIFIER_KINDS, REPLY_CHANNELS, type RequestDetail } from "../../../../shared/requests";
import { currentLocale } from "../../../i18n";
import { languageName } from "../../directory/labels";
import { formatIsoDate } from "../../directory/time";
import { DETAIL_LABELS } from "../detailLabels";
import { detailFields } from "../form/detailFields";
import { IDENTIFIER_KIND_KEYS, RELATION_KEYS, REPLY_CHANNEL_KEYS, TYPE_SHORT_KEYS } from "../labels";
import { formatMoment } from "../time";
import { Fact } from "./Fact";

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const isOneOf = <T extends string>(values: readonly T[], v: unknown): v is T =>
  typeof v === "string" && (values as readonly string[]).includes(v);

function Block({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Paper component="section" withBorder radius="md" p="md" data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** Shows only what was given: an empty optional field says nothing. */
function Facts({ items }: { items: [string, ReactNode][] }) {
  const shown = items.filter(([, value]) => value !== "" && value !== null && value !== undefined);
  if (shown.length === 0) return null;
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs" m={0}>
      {shown.map(([label, value]) => (
        <Fact key={label} label={label}>
          {value}
        </Fact>
      ))}
    </SimpleGrid>
  );
}

function Identifiers({ list }: { list: unknown[] }) {
  const { t } = useTranslation();
  if (list.length === 0) return <Text size="sm">{t("requests.identifier.noneGiven")}</Text>;
  return (
    <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: "none" }}>
      {list.map((item, i) => {
        const o = obj(item);
        const kind = isOneOf(IDENTIFIER_KINDS, o.kind) ? o.kind : null;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a sent request's identifiers never change order; a value may repeat.
          <Paper key={`${i}-${str(o.value)}`} component="li" withBorder radius="sm" p="xs" data-testid="identifier">
            <Stack gap={2}>
              <Group gap={6}>
                <Badge size="sm" variant="outline" color="gray" radius="sm" tt="none">
                  {kind ? t(IDENTIFIER_KIND_KEYS[kind]) : str(o.kind)}
                </Badge>
                <Text size="sm" ff="monospace" fw={600} style={{ overflowWrap: "anywhere" }}>
                  {str(o.value)}
                </Text>
              </Group>
              {kind === "ip" ? (
                <Text size="sm">
                  {t("requests.identifier.usedAt", {
                    time: str(o.observedAt).replace("T", " "),
                    zone: str(o.timeZone) || "—",
                  })}
                  {o.port !== null && o.port !== undefined && str(o.port) !== ""
                    ? ` · ${t("requests.identifier.portValue", { port: str(o.port) })}`
                    : ""}
                </Text>
              ) : null}
              {kind === "account" && str(o.service) ? (
                <Text size="sm">{t("requests.identifier.onService", { service: str(o.service) })}</Text>
              ) : null}
              {str(o.note) ? (
                <Text size="sm" c="dimmed">
                  {str(o.note)}
                </Text>
              ) : null}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** The request as the sender wrote it, block by block as in the T-CY templates. */
export function ContentBlocks({ detail, viewerZone }: { detail: RequestDetail; viewerZone: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const c = detail.content;
  const ra = obj(c.requestingAuthority);
  const cc = obj(c.confirmationContact);
  const details = obj(c.details);

  const detailItems: [string, ReactNode][] = detailFields(detail.type).map((field) => {
    const labels = DETAIL_LABELS[field.name];
    const label = labels ? t(labels.label) : field.name;
    const value = details[field.name];
    if (field.input === "confirm") return [label, value === true ? t("requests.yes") : t("requests.no")];
    if (field.input === "period") {
      const p = obj(value);
      return [
        label,
        str(p.from) && str(p.to)
          ? t("requests.detail.period", {
              from: formatIsoDate(str(p.from), locale),
              to: formatIsoDate(str(p.to), locale),
            })
          : "",
      ];
    }
    if (field.input === "date") return [label, str(value) ? formatIsoDate(str(value), locale) : ""];
    return [label, str(value)];
  });

  return (
    <Stack gap="md">
      <Block title={t("requests.block.request")} testId="content-request">
        <Facts
          items={[
            [t("requests.detail.reference"), str(c.reference) || detail.reference],
            [t("requests.form.language"), str(c.language) ? languageName(str(c.language), locale) : ""],
            [
              t("requests.form.answerNeededBy"),
              str(c.answerNeededBy) ? formatMoment(str(c.answerNeededBy), locale, viewerZone) : "",
            ],
            [
              t("requests.parent.status"),
              detail.parent ? (
                <>
                  {t(RELATION_KEYS[detail.parent.relation])}:{" "}
                  <Anchor component={Link} to={`/requests/${detail.parent.id}`} ff="monospace">
                    {detail.parent.number}
                  </Anchor>
                </>
              ) : (
                t("requests.parent.new")
              ),
            ],
          ]}
        />
        {detail.children.length > 0 ? (
          <Stack gap={2}>
            <Text size="xs" c="dimmed" fw={700}>
              {t("requests.detail.children")}
            </Text>
            {detail.children.map((child) => (
              <Text size="sm" key={child.id}>
                <Anchor component={Link} to={`/requests/${child.id}`} ff="monospace">
                  {child.number}
                </Anchor>{" "}
                · {t(TYPE_SHORT_KEYS[child.type])} · {t(RELATION_KEYS[child.relation])}
              </Text>
            ))}
          </Stack>
        ) : null}
      </Block>

      <Block title={t("requests.block.requestingAuthority")} testId="content-requesting-authority">
        <Facts
          items={[
            [t("requests.authority.organisation"), str(ra.organisation)],
            [t("requests.authority.personInCharge"), str(ra.personInCharge)],
            [t("requests.authority.address"), str(ra.address)],
            [t("requests.authority.phone"), str(ra.phone)],
            [t("requests.authority.mobile"), str(ra.mobile)],
            [t("requests.authority.email"), str(ra.email)],
            [t("requests.authority.fax"), str(ra.fax)],
            [
              t("requests.authority.officeHours"),
              str(ra.officeHours) ? `${str(ra.officeHours)} (${str(ra.timeZone)})` : "",
            ],
            [
              t("requests.authority.preferredReply"),
              isOneOf(REPLY_CHANNELS, ra.preferredReply) ? t(REPLY_CHANNEL_KEYS[ra.preferredReply]) : "",
            ],
          ]}
        />
      </Block>

      <Block title={t("requests.block.confirmationContact")} testId="content-confirmation-contact">
        <Facts
          items={[
            [t("requests.contact.name"), str(cc.name)],
            [t("requests.contact.jobTitle"), str(cc.jobTitle)],
            [t("requests.contact.function"), str(cc.function)],
            [t("requests.contact.phone"), str(cc.phone)],
            [t("requests.contact.mobile"), str(cc.mobile)],
            [t("requests.contact.email"), str(cc.email)],
          ]}
        />
      </Block>

      <Block title={t("requests.block.details")} testId="content-details">
        <Facts items={detailItems} />
      </Block>

      <Block title={t("requests.block.identifiers")} testId="content-identifiers">
        <Identifiers list={Array.isArray(c.identifiers) ? c.identifiers : []} />
      </Block>
    </Stack>
  );
}

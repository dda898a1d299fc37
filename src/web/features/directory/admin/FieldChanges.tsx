import { Box, Paper, Stack, Table, Text, useMantineTheme } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FieldChange } from "../../../../shared/directory";
import { currentLocale } from "../../../i18n";
import { diffItems, diffWords, type Segment } from "./diff";
import { fieldLabel, fieldOrder, isEmptyValue, isListValue, valueLines } from "./values";

const REMOVED_STYLE = {
  background: "var(--mantine-color-red-light)",
  color: "var(--mantine-color-red-light-color)",
  textDecoration: "line-through",
  borderRadius: 2,
} as const;
const ADDED_STYLE = {
  background: "var(--mantine-color-green-light)",
  color: "var(--mantine-color-green-light-color)",
  textDecoration: "none",
  borderRadius: 2,
} as const;

/** One piece of a value: plain when kept, else <del>/<ins> so that assistive technology names the change too. */
function SegmentText({ segment }: { segment: Segment }) {
  if (segment.kind === "same") return <>{segment.text}</>;
  return (
    <Box
      component={segment.kind === "removed" ? "del" : "ins"}
      style={segment.kind === "removed" ? REMOVED_STYLE : ADDED_STYLE}
    >
      {segment.text}
    </Box>
  );
}

/** Inline text with the changed words marked. */
function InlineSegments({ segments }: { segments: Segment[] }) {
  return (
    <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
      {segments.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity besides their position.
        <SegmentText key={i} segment={s} />
      ))}
    </Text>
  );
}

/** One item per line (phones, e-mails…), the items only on this side marked. */
function ItemSegments({ segments }: { segments: Segment[] }) {
  return (
    <Stack gap={2} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {segments.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same text may appear twice in a list.
        <Text key={i} component="li" size="sm" style={{ overflowWrap: "anywhere" }}>
          <SegmentText segment={s} />
        </Text>
      ))}
    </Stack>
  );
}

function Empty() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {t("directoryAdmin.diff.empty")}
    </Text>
  );
}

/** The before and after cells of one change, with what changed between them marked. */
export function useChangeCells(change: FieldChange): { before: ReactNode; after: ReactNode } {
  const { t } = useTranslation();
  const locale = currentLocale();
  const beforeLines = valueLines(t, locale, change.field, change.before);
  const afterLines = valueLines(t, locale, change.field, change.after);

  if (isListValue(change.before, change.after)) {
    const { before, after } = diffItems(beforeLines, afterLines);
    return {
      before: before.length ? <ItemSegments segments={before} /> : <Empty />,
      after: after.length ? <ItemSegments segments={after} /> : <Empty />,
    };
  }
  const beforeText = beforeLines.join("\n");
  const afterText = afterLines.join("\n");
  if (typeof change.before === "string" && typeof change.after === "string" && beforeText && afterText) {
    const { before, after } = diffWords(beforeText, afterText);
    return { before: <InlineSegments segments={before} />, after: <InlineSegments segments={after} /> };
  }
  return {
    before: beforeText ? <InlineSegments segments={[{ text: beforeText, kind: "removed" }]} /> : <Empty />,
    after: afterText ? <InlineSegments segments={[{ text: afterText, kind: "added" }]} /> : <Empty />,
  };
}

type Columns = { before: boolean; after: boolean };

function ChangeRow({ change, columns }: { change: FieldChange; columns: Columns }) {
  const { t } = useTranslation();
  const cells = useChangeCells(change);
  return (
    <Table.Tr data-testid="field-change" data-field={change.field}>
      <Table.Th scope="row" fw={500} style={{ verticalAlign: "top" }}>
        {fieldLabel(t, change.field)}
      </Table.Th>
      {columns.before ? <Table.Td style={{ verticalAlign: "top" }}>{cells.before}</Table.Td> : null}
      {columns.after ? <Table.Td style={{ verticalAlign: "top" }}>{cells.after}</Table.Td> : null}
    </Table.Tr>
  );
}

function ChangeCard({ change, columns }: { change: FieldChange; columns: Columns }) {
  const { t } = useTranslation();
  const cells = useChangeCells(change);
  const both = columns.before && columns.after;
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="field-change" data-field={change.field}>
      <Text size="sm" fw={600} mb={4}>
        {fieldLabel(t, change.field)}
      </Text>
      {columns.before ? (
        <>
          {both ? (
            <Text size="xs" c="dimmed">
              {t("directoryAdmin.diff.before")}
            </Text>
          ) : null}
          {cells.before}
        </>
      ) : null}
      {columns.after ? (
        <>
          {both ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t("directoryAdmin.diff.after")}
            </Text>
          ) : null}
          {cells.after}
        </>
      ) : null}
    </Paper>
  );
}

/**
 * Field-by-field difference: a table (field, before, after) on wide screens, one card per field
 * on phones where three columns do not fit. Fields come in the form's order; a side that is empty
 * throughout (a whole entry added or removed) is left out rather than filled with "not given".
 */
export function FieldChanges({ changes, caption }: { changes: FieldChange[]; caption?: string }) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, true, { getInitialValueInEffect: false });
  // null → [] and the like are not changes anyone needs to read.
  const shown = changes
    .filter((c) => !(isEmptyValue(c.before) && isEmptyValue(c.after)))
    .sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
  if (shown.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("directoryAdmin.diff.noFieldChanges")}
      </Text>
    );
  }
  const columns: Columns = {
    before: shown.some((c) => !isEmptyValue(c.before)),
    after: shown.some((c) => !isEmptyValue(c.after)),
  };
  if (!wide) {
    return (
      <Stack gap="xs" role="group" aria-label={caption}>
        {shown.map((change) => (
          <ChangeCard key={change.field} change={change} columns={columns} />
        ))}
      </Stack>
    );
  }
  const single = columns.before !== columns.after;
  return (
    <Table.ScrollContainer minWidth={single ? 360 : 560}>
      <Table withTableBorder withColumnBorders verticalSpacing={6} layout="fixed" aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={single ? "30%" : "22%"}>
              {t("directoryAdmin.diff.field")}
            </Table.Th>
            {columns.before ? (
              <Table.Th scope="col">
                {t(single ? "directoryAdmin.diff.removedValue" : "directoryAdmin.diff.before")}
              </Table.Th>
            ) : null}
            {columns.after ? (
              <Table.Th scope="col">
                {t(single ? "directoryAdmin.diff.addedValue" : "directoryAdmin.diff.after")}
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((change) => (
            <ChangeRow key={change.field} change={change} columns={columns} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

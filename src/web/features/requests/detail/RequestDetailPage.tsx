import { Anchor, Button, Grid, Group, Menu, Stack } from "@mantine/core";
import { IconArrowLeft, IconCopyPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams } from "react-router-dom";
import { ALLOWED_PARENTS, type ParentRelation, REQUEST_TYPES, type RequestDetail } from "../../../../shared/requests";
import { ApiError } from "../../../app/api";
import { NotFoundPage } from "../../../app/StatusPages";
import { useActiveSession } from "../../../app/session";
import { ErrorAlert, PageLoader } from "../../../app/ui";
import type { TranslationKey } from "../../../i18n/keys";
import { RequestedAuthority } from "../../authorities/RequestedAuthority";
import { CopyDownloads } from "../../data-protection/CopyDownloads";
import { CorrectionsPanel } from "../correction/CorrectionsPanel";
import { TYPE_SHORT_KEYS } from "../labels";
import { requestsApi } from "../requestsApi";
import { useLiveQuery } from "../useLiveQuery";
import { ActionBar } from "./ActionBar";
import { AttachmentsPanel } from "./AttachmentsPanel";
import { ContentBlocks } from "./ContentBlocks";
import { DocumentDownloads } from "./DocumentDownloads";
import { FeedbackPanel } from "./FeedbackPanel";
import { HandlersPanel } from "./HandlersPanel";
import { HandlingConditionsPanel } from "./HandlingConditionsPanel";
import { MessageThread } from "./MessageThread";
import { OnwardTransfersPanel } from "./OnwardTransfersPanel";
import { PurgedNotice } from "./PurgedNotice";
import { PurposeForm } from "./PurposeForm";
import { RequestHeader } from "./RequestHeader";
import { TimelineView } from "./TimelineView";

const FOLLOW_UP_KEYS: Record<ParentRelation, TranslationKey> = {
  extension: "requests.detail.extend",
  follow_up: "requests.detail.followUp",
  mla_follow_up: "requests.detail.mlaFollowUp",
};

/** Requests the sender may make next from this one (an extension, a follow-up…), per ALLOWED_PARENTS. */
function followUps(detail: RequestDetail) {
  if (detail.direction !== "sent" || detail.state === "draft" || !detail.to) return [];
  return REQUEST_TYPES.flatMap((type) =>
    (ALLOWED_PARENTS[type] ?? [])
      .filter((a) => a.parentTypes.includes(detail.type))
      .map((a) => ({ type, relation: a.relation })),
  );
}

/** /requests/:id: the conditions first, then who and when, what to do now, the content, the timeline and the messages. */
export function RequestDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const session = useActiveSession();
  const zone = session.user.timeZone;
  // Every 30 s as well as on live events: the other side acts at any hour.
  const query = useLiveQuery(`request-${id}`, (signal) => requestsApi.get(id, signal), 30_000);

  const back = (
    <Group mb="xs">
      <Anchor component={Link} to="/requests" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t("requests.backToList")}
        </Group>
      </Anchor>
    </Group>
  );

  // Handled by colleagues: say why first (need to know, SAP Art. 14(8)); also when a purpose given
  // earlier has run out or the viewer was removed from its handlers while the page was open.
  if (query.error instanceof ApiError && query.error.code === "purpose_required") {
    return (
      <>
        {back}
        <PurposeForm requestId={id} serverMessage={query.error.message} onOpened={query.replace} />
      </>
    );
  }
  const detail = query.data && !query.stale ? query.data : null;
  if (!detail) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
    if (query.error) {
      return (
        <>
          {back}
          <ErrorAlert error={query.error} title={t("requests.detail.loadFailed")} onRetry={query.refresh} />
        </>
      );
    }
    return <PageLoader label={t("requests.detail.loading")} />;
  }
  if (detail.state === "draft") return <Navigate to={`/requests/${detail.id}/edit`} replace />;
  // Purged under the retention rule: only the skeleton is left, and the page says so.
  if (detail.purged) {
    return (
      <Stack gap="md">
        {back}
        <PurgedNotice purged={detail.purged} viewerZone={zone} />
        <RequestHeader detail={detail} viewerZone={zone} />
        <TimelineView detail={detail} viewerZone={zone} />
        {session.permissions.includes("dataProtection.copies") ? <CopyDownloads requestId={detail.id} /> : null}
      </Stack>
    );
  }
  // A follow-up is a new request: only for those who may write one (never an auditor).
  const next = session.permissions.includes("requests.write") ? followUps(detail) : [];

  return (
    <Stack gap="md">
      {back}
      <HandlingConditionsPanel conditions={detail.handlingConditions} />
      <RequestHeader detail={detail} viewerZone={zone} />
      {query.error ? (
        <ErrorAlert error={query.error} title={t("requests.detail.refreshFailed")} onRetry={query.refresh} />
      ) : null}
      <ActionBar detail={detail} onChanged={query.replace} onConflict={query.refresh} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <ContentBlocks detail={detail} viewerZone={zone} />
            <CorrectionsPanel detail={detail} viewerZone={zone} />
            <DocumentDownloads detail={detail} />
            {session.permissions.includes("dataProtection.copies") ? <CopyDownloads requestId={detail.id} /> : null}
            {next.length > 0 ? (
              <Group>
                <Menu position="bottom-start" withinPortal>
                  <Menu.Target>
                    <Button variant="light" leftSection={<IconCopyPlus size={16} aria-hidden />}>
                      {t("requests.detail.followUps")}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {next.map(({ type, relation }) => (
                      <Menu.Item
                        key={`${type}-${relation}`}
                        component={Link}
                        to={`/requests/new?type=${type}&party=${detail.to?.iso2 ?? ""}&relation=${relation}&parent=${detail.id}`}
                      >
                        {t(FOLLOW_UP_KEYS[relation], { type: t(TYPE_SHORT_KEYS[type]) })}
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              </Group>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <HandlersPanel detail={detail} viewerZone={zone} onChanged={query.replace} />
            {/* Where the mutual assistance request that follows goes (Art. 27): the authorities directory. */}
            {detail.to && session.permissions.includes("authorities.read") ? (
              <RequestedAuthority iso2={detail.to.iso2} />
            ) : null}
            <TimelineView detail={detail} viewerZone={zone} />
            <AttachmentsPanel detail={detail} viewerZone={zone} onAdded={query.refresh} />
            <FeedbackPanel detail={detail} viewerZone={zone} onChanged={query.replace} />
            <OnwardTransfersPanel detail={detail} viewerZone={zone} onChanged={query.refresh} />
            <MessageThread detail={detail} viewerZone={zone} onChanged={query.replace} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

import { Anchor, Group } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { PARENT_RELATIONS, REQUEST_TYPES, type RequestType } from "../../../../shared/requests";
import { useActiveSession } from "../../../app/session";
import { ErrorAlert, PageHeader, PageLoader } from "../../../app/ui";
import { useApiQuery } from "../../../app/useApiQuery";
import { requestsApi } from "../requestsApi";
import { authorityFrom, contactFrom, draftFromContent, emptyDraft, type RequestDraft, withType } from "./draft";
import { RequestForm } from "./RequestForm";

type Loaded = { draft: RequestDraft; id: string | null; number: string | null } | { notDraft: string };

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | null =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;

/**
 * /requests/new and /requests/:id/edit. A new request starts from the address's hints (?type=,
 * ?party=, ?parent=&relation=, from a Party page or an earlier request) and, when this contact
 * point has sent one before, with its requesting authority and confirmation contact filled in.
 */
export function RequestFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const [search] = useSearchParams();
  const session = useActiveSession();
  const zone = session.user.timeZone;
  // A draft this page created itself is already on screen: its new address must not load it again.
  const created = useRef<string | null>(null);
  const target = id && id !== created.current ? id : "new";

  const query = useApiQuery<Loaded>(`request-form-${target}`, async (signal) => {
    if (target !== "new") {
      const detail = await requestsApi.get(target, signal);
      if (detail.state !== "draft") return { notDraft: detail.id };
      const draft = draftFromContent(
        detail.content,
        { type: detail.type, requestedParty: detail.to?.iso2 ?? null, timeZone: zone },
        zone,
      );
      return { draft, id: detail.id, number: detail.number };
    }
    const type: RequestType = oneOf(REQUEST_TYPES, search.get("type")) ?? "preservation";
    let draft = withType(emptyDraft({ timeZone: zone }), type);
    const party = search.get("party")?.toUpperCase();
    if (party && /^[A-Z]{2}$/.test(party) && party !== session.user.party?.iso2) draft.requestedParty = party;
    const relation = oneOf(PARENT_RELATIONS, search.get("relation"));
    const parent = search.get("parent");
    if (relation && parent) draft.parent = { relation, requestId: parent };
    // The last request sent gives the blocks that rarely change; without one they stay empty.
    try {
      const last = await requestsApi.list(
        { box: "outbox", type: null, state: null, party: null, overdue: false, offset: 0 },
        signal,
        1,
      );
      const first = last.items[0];
      if (first) {
        const previous = await requestsApi.get(first.id, signal);
        const content = previous.content;
        draft = {
          ...draft,
          requestingAuthority: authorityFrom(
            (content.requestingAuthority ?? {}) as Record<string, unknown>,
            draft.requestingAuthority,
          ),
          confirmationContact: contactFrom(
            (content.confirmationContact ?? {}) as Record<string, unknown>,
            draft.confirmationContact,
          ),
        };
      }
    } catch (error) {
      if (signal.aborted) throw error;
      // A convenience only: the form opens empty.
    }
    return { draft, id: null, number: null };
  });

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

  if (query.status === "loading") return <PageLoader label={t("requests.form.loading")} />;
  if (query.status === "error") {
    return (
      <>
        {back}
        <ErrorAlert error={query.error} title={t("requests.form.loadFailed")} onRetry={query.retry} />
      </>
    );
  }
  if ("notDraft" in query.data) return <Navigate to={`/requests/${query.data.notDraft}`} replace />;
  const { draft, id: draftId, number } = query.data;

  return (
    <>
      {back}
      <PageHeader
        title={draftId ? t("requests.form.editTitle", { number }) : t("requests.form.newTitle")}
        description={t("requests.form.description")}
      />
      <RequestForm
        initial={draft}
        draftId={draftId}
        onCreated={(newId) => {
          created.current = newId;
          navigate(`/requests/${newId}/edit`, { replace: true });
        }}
      />
    </>
  );
}

import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
  useMantineTheme,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconCircleCheck, IconPencil, IconPlus } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { ackTargetsOf, type ContactPoint, type PartyDetail } from "../../../shared/directory";
import { ApiError } from "../../app/api";
import { useActiveSession } from "../../app/session";
import { ErrorAlert, PageHeader, PageLoader, usePageTitle } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { ContactPointCard } from "./ContactPointCard";
import { ContactPointForm } from "./ContactPointForm";
import { draftFrom } from "./contactPointDraft";
import { directoryApi } from "./directoryApi";
import { LegalProfileForm, legalDraftFrom } from "./LegalProfileForm";
import { languageName, STATUS_COLORS, STATUS_KEYS, TEMPLATE_KEYS } from "./labels";
import { partyName } from "./text";
import { formatDateTime, formatIsoDate, useNow } from "./time";

type Dialog =
  | { kind: "editContactPoint"; cp: ContactPoint }
  | { kind: "addContactPoint" }
  | { kind: "deleteContactPoint"; cp: ContactPoint }
  | { kind: "proposeChange"; cp: ContactPoint }
  | { kind: "proposeNew" }
  | { kind: "proposeRemoval"; cp: ContactPoint }
  | { kind: "editLegalProfile" }
  | { kind: "proposeLegalProfile" };

function sentForReview(t: TFunction) {
  notifications.show({
    color: "teal",
    title: t("directory.notify.sentTitle"),
    message: t("directory.notify.sentMessage"),
  });
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={700} tt="uppercase" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ whiteSpace: "pre-wrap" }}>
        {children}
      </Text>
    </Stack>
  );
}

export function PartyPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const theme = useMantineTheme();
  const phone = useMediaQuery(`(max-width: ${theme.breakpoints.sm})`, false, { getInitialValueInEffect: false });
  const { iso2: rawIso = "" } = useParams();
  const iso2 = rawIso.toUpperCase();
  const session = useActiveSession();
  const location = useLocation();
  const now = useNow(30_000);

  const query = useApiQuery(`directory-party-${iso2}`, (signal) => directoryApi.party(iso2, signal));
  // After a change the page is refreshed in place (no loader, no lost scroll position).
  const [refreshed, setRefreshed] = useState<{ iso2: string; data: PartyDetail } | null>(null);
  const party = refreshed?.iso2 === iso2 ? refreshed.data : query.status === "success" ? query.data : null;

  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [dialogError, setDialogError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [pageError, setPageError] = useState<unknown>(null);
  const removalComment = useRef("");

  usePageTitle(party ? partyName(party, locale) : null);

  // A search result links to one contact point (#cp-…): bring it into view once the page is drawn.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (!party || !location.hash.startsWith("#cp-") || scrolledTo.current === location.hash) return;
    scrolledTo.current = location.hash;
    document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: "start" });
  }, [party, location.hash]);

  const refresh = async () => {
    const data = await directoryApi.party(iso2, new AbortController().signal);
    setRefreshed({ iso2, data });
  };

  const open = (next: Dialog) => {
    setDialogError(null);
    removalComment.current = "";
    setDialog(next);
  };
  const close = () => {
    if (!busy) setDialog(null);
  };

  if (query.status === "loading" && !party) return <PageLoader label={t("directory.party.loading")} />;
  if (query.status === "error" && !party) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Stack gap="md" align="flex-start">
        <BackLink />
        {notFound ? (
          <>
            <PageHeader title={t("directory.party.notFoundTitle")} />
            <Text>{t("directory.party.notFound", { code: iso2 })}</Text>
          </>
        ) : (
          <ErrorAlert error={query.error} title={t("directory.party.loadFailed")} onRetry={query.retry} />
        )}
      </Stack>
    );
  }
  if (!party) return null;

  const { actions } = party;
  const canEdit = actions.edit;
  const canPropose = actions.propose && !actions.edit;
  const showSharing = session.permissions.includes("directory.manage");
  const contactPoints = [...party.contactPoints].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  const otherName = locale === "fr" ? party.nameEn : party.nameFr;
  const primary = contactPoints.find((cp) => cp.isPrimary) ?? contactPoints[0];
  const newDraftDefaults = { timeZone: primary?.timeZone ?? "UTC", isPrimary: contactPoints.length === 0 };
  const profile = party.legalProfile;
  const profileEmpty =
    !profile.providerRetention &&
    profile.preservationDays === null &&
    profile.preservationExtendable === null &&
    !profile.extensionNote &&
    profile.acceptedLanguages.length === 0 &&
    profile.acceptedTemplates.length === 0 &&
    profile.ackTargetMinutes === null &&
    profile.emergencyAckTargetMinutes === null &&
    !profile.notes;
  const ackTargets = ackTargetsOf(profile);
  const ownAckTargets = profile.ackTargetMinutes !== null || profile.emergencyAckTargetMinutes !== null;

  /** Runs a change, then refreshes the page; errors stay in the open dialog. */
  const run = async (change: () => Promise<unknown>, after: () => void) => {
    setBusy(true);
    setDialogError(null);
    try {
      await change();
      setDialog(null);
      after();
      await refresh().catch(setPageError);
    } catch (error) {
      setDialogError(error);
    } finally {
      setBusy(false);
    }
  };

  const confirmUnchanged = async () => {
    setConfirming(true);
    setPageError(null);
    try {
      const result = await directoryApi.confirm(party.iso2);
      notifications.show({
        color: "teal",
        title: t("directory.notify.confirmedTitle"),
        message: t("directory.notify.confirmedMessage", { count: result.contactPoints }),
      });
      await refresh();
    } catch (error) {
      setPageError(error);
    } finally {
      setConfirming(false);
    }
  };

  const saved = () =>
    notifications.show({
      color: "teal",
      title: t("directory.notify.savedTitle"),
      message: t("directory.notify.savedMessage"),
    });

  const dialogTitle = (() => {
    if (!dialog) return "";
    const name = partyName(party, locale);
    switch (dialog.kind) {
      case "editContactPoint":
        return t("directory.dialog.editContactPoint", { name: dialog.cp.institution });
      case "addContactPoint":
        return t("directory.dialog.addContactPoint", { name });
      case "deleteContactPoint":
        return t("directory.dialog.deleteContactPoint");
      case "proposeChange":
        return t("directory.dialog.proposeChange", { name: dialog.cp.institution });
      case "proposeNew":
        return t("directory.dialog.proposeNew", { name });
      case "proposeRemoval":
        return t("directory.dialog.proposeRemoval");
      case "editLegalProfile":
        return t("directory.dialog.editLegalProfile", { name });
      case "proposeLegalProfile":
        return t("directory.dialog.proposeLegalProfile", { name });
    }
  })();

  const dialogBody = (() => {
    if (!dialog) return null;
    switch (dialog.kind) {
      case "editContactPoint":
      case "addContactPoint":
      case "proposeChange":
      case "proposeNew": {
        const existing = dialog.kind === "editContactPoint" || dialog.kind === "proposeChange" ? dialog.cp : null;
        const proposing = dialog.kind === "proposeChange" || dialog.kind === "proposeNew";
        return (
          <ContactPointForm
            initial={draftFrom(existing, newDraftDefaults)}
            showSharing={showSharing}
            withComment={proposing}
            submitLabel={proposing ? t("directory.form.sendForReview") : t("directory.form.save")}
            onCancel={close}
            onError={setDialogError}
            onSubmit={async (fields, comment) => {
              setDialogError(null);
              if (proposing) {
                await directoryApi.propose(
                  party.iso2,
                  existing
                    ? { kind: "update_contact_point", contactPointId: existing.id, contactPoint: fields, comment }
                    : { kind: "create_contact_point", contactPoint: fields, comment },
                );
                setDialog(null);
                sentForReview(t);
              } else {
                if (existing) await directoryApi.updateContactPoint(existing.id, fields);
                else await directoryApi.createContactPoint(party.iso2, fields);
                setDialog(null);
                saved();
                await refresh().catch(setPageError);
              }
            }}
          />
        );
      }
      case "editLegalProfile":
      case "proposeLegalProfile": {
        const proposing = dialog.kind === "proposeLegalProfile";
        return (
          <LegalProfileForm
            initial={legalDraftFrom(profile)}
            withComment={proposing}
            submitLabel={proposing ? t("directory.form.sendForReview") : t("directory.form.save")}
            onCancel={close}
            onError={setDialogError}
            onSubmit={async (fields, comment) => {
              setDialogError(null);
              if (proposing) {
                await directoryApi.propose(party.iso2, { kind: "update_legal_profile", legalProfile: fields, comment });
                setDialog(null);
                sentForReview(t);
              } else {
                await directoryApi.updateLegalProfile(party.iso2, fields);
                setDialog(null);
                saved();
                await refresh().catch(setPageError);
              }
            }}
          />
        );
      }
      case "deleteContactPoint":
        return (
          <Stack gap="md">
            <Text>{t("directory.dialog.deleteText", { name: dialog.cp.institution })}</Text>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={close} disabled={busy}>
                {t("directory.form.cancel")}
              </Button>
              <Button
                color="red"
                loading={busy}
                onClick={() => run(() => directoryApi.deleteContactPoint(dialog.cp.id), saved)}
              >
                {t("directory.action.delete")}
              </Button>
            </Group>
          </Stack>
        );
      case "proposeRemoval":
        return (
          <Stack gap="md">
            <Text>{t("directory.dialog.proposeRemovalText", { name: dialog.cp.institution })}</Text>
            <Textarea
              label={t("directory.form.comment")}
              description={t("directory.dialog.removalCommentHelp")}
              onChange={(e) => {
                removalComment.current = e.currentTarget.value;
              }}
              autosize
              minRows={2}
              maxLength={2000}
            />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={close} disabled={busy}>
                {t("directory.form.cancel")}
              </Button>
              <Button
                color="red"
                loading={busy}
                onClick={() =>
                  run(
                    () =>
                      directoryApi.propose(party.iso2, {
                        kind: "remove_contact_point",
                        contactPointId: dialog.cp.id,
                        comment: removalComment.current.trim() || null,
                      }),
                    () => sentForReview(t),
                  )
                }
              >
                {t("directory.action.proposeRemoval")}
              </Button>
            </Group>
          </Stack>
        );
    }
  })();

  return (
    <>
      <BackLink />
      <PageHeader title={partyName(party, locale)}>
        <Group gap="xs">
          {actions.confirm && contactPoints.length > 0 ? (
            <Button
              variant="light"
              color="teal"
              leftSection={<IconCircleCheck size={18} aria-hidden />}
              onClick={confirmUnchanged}
              loading={confirming}
            >
              {t("directory.action.confirm")}
            </Button>
          ) : null}
          {canEdit ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => open({ kind: "addContactPoint" })}>
              {t("directory.action.addContactPoint")}
            </Button>
          ) : null}
          {canPropose ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => open({ kind: "proposeNew" })}>
              {t("directory.action.proposeNew")}
            </Button>
          ) : null}
        </Group>
      </PageHeader>

      <Stack gap="lg">
        {pageError ? <ErrorAlert error={pageError} /> : null}

        <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
            <Fact label={t("directory.party.names")}>
              <span lang="en">{party.nameEn}</span>
              {" · "}
              <span lang="fr">{party.nameFr}</span>
            </Fact>
            <Fact label={t("directory.party.code")}>
              <Text span ff="monospace" size="sm" data-testid="party-iso">
                {party.iso2}
              </Text>
            </Fact>
            <Fact label={t("directory.party.status")}>
              <Badge variant="light" color={STATUS_COLORS[party.status]} radius="sm" tt="none" component="span">
                {t(STATUS_KEYS[party.status])}
              </Badge>
            </Fact>
            <Fact label={t("directory.party.ratifications")}>
              {party.conventionRatifiedOn
                ? t("directory.party.conventionRatified", { date: formatIsoDate(party.conventionRatifiedOn, locale) })
                : t("directory.party.conventionNotRatified")}
              {"\n"}
              {party.sapRatifiedOn
                ? t("directory.party.sapRatified", { date: formatIsoDate(party.sapRatifiedOn, locale) })
                : t("directory.party.sapNotRatified")}
            </Fact>
          </SimpleGrid>
          {party.altNames.length > 0 || otherName !== partyName(party, locale) ? (
            <Text size="xs" c="dimmed" mt="sm">
              {t("directory.party.alsoKnownAs", { names: party.altNames.join(", ") || otherName })}
            </Text>
          ) : null}
        </Paper>

        <Stack gap="sm" component="section" aria-labelledby="contact-points-title">
          <Title order={2} size="h3" id="contact-points-title">
            {t("directory.party.contactPoints", { count: contactPoints.length })}
          </Title>
          {contactPoints.length === 0 ? <Text c="dimmed">{t("directory.noContactPoint")}</Text> : null}
          {contactPoints.map((cp) => (
            <ContactPointCard
              key={cp.id}
              cp={cp}
              now={now}
              showSharing={showSharing}
              actions={{
                onEdit: canEdit ? () => open({ kind: "editContactPoint", cp }) : undefined,
                onDelete: canEdit ? () => open({ kind: "deleteContactPoint", cp }) : undefined,
                onProposeChange: canPropose ? () => open({ kind: "proposeChange", cp }) : undefined,
                onProposeRemoval: canPropose ? () => open({ kind: "proposeRemoval", cp }) : undefined,
              }}
            />
          ))}
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby="legal-profile-title">
          <Group justify="space-between" gap="xs">
            <Title order={2} size="h3" id="legal-profile-title">
              {t("directory.legal.title")}
            </Title>
            {canEdit ? (
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={() => open({ kind: "editLegalProfile" })}
              >
                {t("directory.action.editLegalProfile")}
              </Button>
            ) : null}
            {canPropose ? (
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={() => open({ kind: "proposeLegalProfile" })}
              >
                {t("directory.action.proposeLegalProfile")}
              </Button>
            ) : null}
          </Group>
          <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }}>
            {profileEmpty ? (
              <Text c="dimmed" size="sm">
                {t("directory.legal.empty")}
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
                <Fact label={t("directory.legal.providerRetention")}>
                  {profile.providerRetention ?? t("directory.legal.notGiven")}
                </Fact>
                <Fact label={t("directory.legal.preservation")}>
                  {profile.preservationDays !== null
                    ? t("directory.legal.days", { count: profile.preservationDays })
                    : t("directory.legal.notGiven")}
                  {profile.preservationExtendable === null
                    ? ""
                    : ` · ${profile.preservationExtendable ? t("directory.legal.extendableYes") : t("directory.legal.extendableNo")}`}
                  {profile.extensionNote ? `\n${profile.extensionNote}` : ""}
                </Fact>
                <Fact label={t("directory.legal.acceptedLanguages")}>
                  {profile.acceptedLanguages.length
                    ? profile.acceptedLanguages.map((code) => languageName(code, locale)).join(", ")
                    : t("directory.legal.notGiven")}
                </Fact>
                <Fact label={t("directory.legal.acceptedTemplates")}>
                  {profile.acceptedTemplates.length
                    ? profile.acceptedTemplates.map((tpl) => t(TEMPLATE_KEYS[tpl])).join("\n")
                    : t("directory.legal.notGiven")}
                </Fact>
                <Fact label={t("directory.legal.ackTargets")}>
                  {t("directory.legal.ackTargetsValue", ackTargets)}
                  {ownAckTargets ? "" : ` (${t("directory.legal.networkDefault")})`}
                </Fact>
                {profile.notes ? <Fact label={t("directory.legal.notes")}>{profile.notes}</Fact> : null}
              </SimpleGrid>
            )}
            {profile.updatedAt ? (
              <Text size="xs" c="dimmed" mt="sm">
                {t("directory.legal.updatedAt", { date: formatDateTime(profile.updatedAt, locale) })}
              </Text>
            ) : null}
          </Paper>
        </Stack>
      </Stack>

      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialogTitle}
        size="xl"
        fullScreen={phone}
        closeButtonProps={{ "aria-label": t("common.close") }}
        closeOnClickOutside={false}
      >
        <Stack gap="md">
          {dialogError ? <ErrorAlert error={dialogError} /> : null}
          {dialogBody}
        </Stack>
      </Modal>
    </>
  );
}

function BackLink() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Back to the search the user came from when there is one (it lives in the address); otherwise to the directory.
  const fromApp = ((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0;
  return (
    <Anchor
      component={Link}
      to="/directory"
      size="sm"
      onClick={(event) => {
        if (!fromApp) return;
        event.preventDefault();
        navigate(-1);
      }}
      mb="xs"
      display="inline-flex"
      style={{ alignItems: "center", gap: 4 }}
    >
      <IconArrowLeft size={14} aria-hidden />
      {t("directory.party.back")}
    </Anchor>
  );
}

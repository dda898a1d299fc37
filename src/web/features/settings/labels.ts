import type { NotificationKind } from "../../../shared/notification-kinds";
import type { TranslationKey } from "../../i18n/keys";

/** Every kind of the shared catalogue has its words: a kind added there fails the type check here. */
export const KIND_LABELS: Record<NotificationKind, { label: TranslationKey; help: TranslationKey }> = {
  "directory.release_published": {
    label: "settings.notifications.kind.releasePublished",
    help: "settings.notifications.kind.releasePublishedHelp",
  },
  "authorities.release_published": {
    label: "settings.notifications.kind.authoritiesReleasePublished",
    help: "settings.notifications.kind.authoritiesReleasePublishedHelp",
  },
  "directory.proposal_submitted": {
    label: "settings.notifications.kind.proposalSubmitted",
    help: "settings.notifications.kind.proposalSubmittedHelp",
  },
  "directory.proposal_reviewed": {
    label: "settings.notifications.kind.proposalReviewed",
    help: "settings.notifications.kind.proposalReviewedHelp",
  },
  "directory.reminder": {
    label: "settings.notifications.kind.reminder",
    help: "settings.notifications.kind.reminderHelp",
  },
  "directory.key_expiring": {
    label: "settings.notifications.kind.keyExpiring",
    help: "settings.notifications.kind.keyExpiringHelp",
  },
  "authorities.input_requested": {
    label: "authorities.notifications.label",
    help: "authorities.notifications.help",
  },
  "request.received": {
    label: "settings.notifications.kind.requestReceived",
    help: "settings.notifications.kind.requestReceivedHelp",
  },
  "request.reminder": {
    label: "settings.notifications.kind.requestReminder",
    help: "settings.notifications.kind.requestReminderHelp",
  },
  "request.escalated": {
    label: "settings.notifications.kind.requestEscalated",
    help: "settings.notifications.kind.requestEscalatedHelp",
  },
  "request.not_acknowledged": {
    label: "settings.notifications.kind.requestNotAcknowledged",
    help: "settings.notifications.kind.requestNotAcknowledgedHelp",
  },
  "request.state_changed": {
    label: "settings.notifications.kind.requestStateChanged",
    help: "settings.notifications.kind.requestStateChangedHelp",
  },
  "request.message": {
    label: "settings.notifications.kind.requestMessage",
    help: "settings.notifications.kind.requestMessageHelp",
  },
  "request.corrected": {
    label: "settings.notifications.kind.requestCorrected",
    help: "settings.notifications.kind.requestCorrectedHelp",
  },
  "request.feedback": {
    label: "settings.notifications.kind.requestFeedback",
    help: "settings.notifications.kind.requestFeedbackHelp",
  },
  "request.preservation_expiring": {
    label: "settings.notifications.kind.requestPreservationExpiring",
    help: "settings.notifications.kind.requestPreservationExpiringHelp",
  },
  "request.onward_transfer_asked": {
    label: "settings.notifications.kind.onwardTransferAsked",
    help: "settings.notifications.kind.onwardTransferAskedHelp",
  },
  "request.onward_transfer_decided": {
    label: "settings.notifications.kind.onwardTransferDecided",
    help: "settings.notifications.kind.onwardTransferDecidedHelp",
  },
  "request.assigned": {
    label: "settings.notifications.kind.requestAssigned",
    help: "settings.notifications.kind.requestAssignedHelp",
  },
  "incident.recorded": {
    label: "settings.notifications.kind.incidentRecorded",
    help: "settings.notifications.kind.incidentRecordedHelp",
  },
  "incident.updated": {
    label: "settings.notifications.kind.incidentUpdated",
    help: "settings.notifications.kind.incidentUpdatedHelp",
  },
  "transfers.suspended": {
    label: "settings.notifications.kind.transfersSuspended",
    help: "settings.notifications.kind.transfersSuspendedHelp",
  },
  "transfers.resumed": {
    label: "settings.notifications.kind.transfersResumed",
    help: "settings.notifications.kind.transfersResumedHelp",
  },
  "ping.received": {
    label: "settings.notifications.kind.pingReceived",
    help: "settings.notifications.kind.pingReceivedHelp",
  },
  // No account receives it (its audience is empty): listed so the catalogue stays complete.
  "ping.acknowledge": {
    label: "settings.notifications.kind.pingAcknowledge",
    help: "settings.notifications.kind.pingAcknowledgeHelp",
  },
};

import type {
  ACCESS_REASONS,
  FEEDBACK_RATINGS,
  IDENTIFIER_KINDS,
  ONWARD_SHARING,
  ParentRelation,
  REPLY_CHANNELS,
  RequestState,
  RequestType,
  TIMELINE_KINDS,
} from "../../../shared/requests";
import type { TranslationKey } from "../../i18n/keys";

/** Full names, with the article they are made under, as printed on the request. */
export const TYPE_KEYS: Record<RequestType, TranslationKey> = {
  preservation: "requests.type.preservation",
  traffic_disclosure: "requests.type.traffic_disclosure",
  subscriber_information: "requests.type.subscriber_information",
  emergency_disclosure: "requests.type.emergency_disclosure",
  emergency_mutual_assistance: "requests.type.emergency_mutual_assistance",
  technical_advice: "requests.type.technical_advice",
  legal_information: "requests.type.legal_information",
  locating_suspects: "requests.type.locating_suspects",
  collection_of_evidence: "requests.type.collection_of_evidence",
  other: "requests.type.other",
};

/** Short names for lists and phone screens. */
export const TYPE_SHORT_KEYS: Record<RequestType, TranslationKey> = {
  preservation: "requests.typeShort.preservation",
  traffic_disclosure: "requests.typeShort.traffic_disclosure",
  subscriber_information: "requests.typeShort.subscriber_information",
  emergency_disclosure: "requests.typeShort.emergency_disclosure",
  emergency_mutual_assistance: "requests.typeShort.emergency_mutual_assistance",
  technical_advice: "requests.typeShort.technical_advice",
  legal_information: "requests.typeShort.legal_information",
  locating_suspects: "requests.typeShort.locating_suspects",
  collection_of_evidence: "requests.typeShort.collection_of_evidence",
  other: "requests.typeShort.other",
};

export const STATE_KEYS: Record<RequestState, TranslationKey> = {
  draft: "requests.state.draft",
  sent: "requests.state.sent",
  acknowledged: "requests.state.acknowledged",
  in_progress: "requests.state.in_progress",
  executed: "requests.state.executed",
  partially_executed: "requests.state.partially_executed",
  refused: "requests.state.refused",
  closed: "requests.state.closed",
};

/** Waiting on the requested side is what needs eyes at night: "sent" stands out. */
export const STATE_COLORS: Record<RequestState, string> = {
  draft: "gray",
  sent: "orange",
  acknowledged: "blue",
  in_progress: "indigo",
  executed: "teal",
  partially_executed: "lime",
  refused: "red",
  closed: "gray",
};

export const IDENTIFIER_KIND_KEYS: Record<(typeof IDENTIFIER_KINDS)[number], TranslationKey> = {
  ip: "requests.identifier.kind.ip",
  email: "requests.identifier.kind.email",
  account: "requests.identifier.kind.account",
  domain: "requests.identifier.kind.domain",
  url: "requests.identifier.kind.url",
  phone: "requests.identifier.kind.phone",
};

export const RELATION_KEYS: Record<ParentRelation, TranslationKey> = {
  extension: "requests.relation.extension",
  follow_up: "requests.relation.follow_up",
  mla_follow_up: "requests.relation.mla_follow_up",
};

export const ONWARD_SHARING_KEYS: Record<(typeof ONWARD_SHARING)[number], TranslationKey> = {
  prohibited: "requests.onwardSharing.prohibited",
  with_prior_authorisation: "requests.onwardSharing.with_prior_authorisation",
  within_investigation: "requests.onwardSharing.within_investigation",
};

export const REPLY_CHANNEL_KEYS: Record<(typeof REPLY_CHANNELS)[number], TranslationKey> = {
  vigil: "requests.replyChannel.vigil",
  email: "requests.replyChannel.email",
  phone: "requests.replyChannel.phone",
  secure_channel: "requests.replyChannel.secure_channel",
  other: "requests.replyChannel.other",
};

export const RATING_KEYS: Record<(typeof FEEDBACK_RATINGS)[number], TranslationKey> = {
  useful: "requests.feedback.rating.useful",
  partly_useful: "requests.feedback.rating.partly_useful",
  not_useful: "requests.feedback.rating.not_useful",
};

export const TIMELINE_KEYS: Record<(typeof TIMELINE_KINDS)[number], TranslationKey> = {
  created: "requests.timeline.kind.created",
  sent: "requests.timeline.kind.sent",
  transition: "requests.timeline.kind.transition",
  reminder: "requests.timeline.kind.reminder",
  escalation: "requests.timeline.kind.escalation",
  message: "requests.timeline.kind.message",
  feedback: "requests.timeline.kind.feedback",
  preservation_warning: "requests.timeline.kind.preservation_warning",
  onward_transfer_asked: "requests.timeline.kind.onward_transfer_asked",
  onward_transfer_authorised: "requests.timeline.kind.onward_transfer_authorised",
  onward_transfer_refused: "requests.timeline.kind.onward_transfer_refused",
  assigned: "requests.timeline.kind.assigned",
  unassigned: "requests.timeline.kind.unassigned",
  corrected: "requests.timeline.kind.corrected",
};

export const ACCESS_REASON_KEYS: Record<(typeof ACCESS_REASONS)[number], TranslationKey> = {
  covering: "requests.needToKnow.reason.covering",
  supervision: "requests.needToKnow.reason.supervision",
  data_protection_review: "requests.needToKnow.reason.data_protection_review",
  other: "requests.needToKnow.reason.other",
};

/** What the viewer may do, as the server lists it in `actions`: the button that does it. */
export const TRANSITION_ACTIONS = [
  "acknowledged",
  "in_progress",
  "executed",
  "partially_executed",
  "refused",
  "closed",
] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

export const ACTION_KEYS: Record<
  TransitionAction,
  { button: TranslationKey; title: TranslationKey; text: TranslationKey; note: TranslationKey }
> = {
  acknowledged: {
    button: "requests.action.acknowledge",
    title: "requests.action.acknowledgeTitle",
    text: "requests.action.acknowledgeText",
    note: "requests.action.noteOptional",
  },
  in_progress: {
    button: "requests.action.start",
    title: "requests.action.startTitle",
    text: "requests.action.startText",
    note: "requests.action.noteOptional",
  },
  executed: {
    button: "requests.action.executed",
    title: "requests.action.executedTitle",
    text: "requests.action.executedText",
    note: "requests.action.executedNote",
  },
  partially_executed: {
    button: "requests.action.partially",
    title: "requests.action.partiallyTitle",
    text: "requests.action.partiallyText",
    note: "requests.action.partiallyNote",
  },
  refused: {
    button: "requests.action.refuse",
    title: "requests.action.refuseTitle",
    text: "requests.action.refuseText",
    note: "requests.action.refuseNote",
  },
  closed: {
    button: "requests.action.close",
    title: "requests.action.closeTitle",
    text: "requests.action.closeText",
    note: "requests.action.noteOptional",
  },
};

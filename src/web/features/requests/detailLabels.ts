import type { TranslationKey } from "../../i18n/keys";

/** The label (and help, where the templates explain the field) of each field of the per-type details. */
export const DETAIL_LABELS: Record<string, { label: TranslationKey; help?: TranslationKey }> = {
  offence: { label: "requests.details.offence", help: "requests.details.offenceHelp" },
  facts: { label: "requests.details.facts", help: "requests.details.factsHelp" },
  dataToPreserve: { label: "requests.details.dataToPreserve" },
  relationToOffence: { label: "requests.details.relationToOffence" },
  custodian: { label: "requests.details.custodian", help: "requests.details.custodianHelp" },
  necessity: { label: "requests.details.necessity" },
  period: { label: "requests.details.period", help: "requests.details.periodHelp" },
  mlaToFollow: { label: "requests.details.mlaToFollow", help: "requests.details.mlaToFollowHelp" },
  trafficDataSought: { label: "requests.details.trafficDataSought" },
  provider: { label: "requests.details.provider" },
  investigativeAuthority: {
    label: "requests.details.investigativeAuthority",
    help: "requests.details.investigativeAuthorityHelp",
  },
  prosecutionOrCourt: { label: "requests.details.prosecutionOrCourt", help: "requests.details.prosecutionOrCourtHelp" },
  legalBasis: { label: "requests.details.legalBasis" },
  dataSought: { label: "requests.details.dataSought" },
  relevance: { label: "requests.details.relevance" },
  neededBy: { label: "requests.details.neededBy" },
  provisionsAndPenalties: { label: "requests.details.provisionsAndPenalties" },
  emergencyFacts: { label: "requests.details.emergencyFacts", help: "requests.details.emergencyFactsHelp" },
  dataLink: { label: "requests.details.dataLink" },
  instructions: { label: "requests.details.instructions" },
  subject: { label: "requests.details.subject" },
  details: { label: "requests.details.details" },
};

// The directory's review and publication pages (proposals, releases, import, completeness).
// DirectoryPage routes to these names.
export { CompletenessPage } from "./CompletenessPage";
export { ImportPage } from "./ImportPage";
export { ProposalsPage } from "./ProposalsPage";
export { ReleasesPage } from "./ReleasesPage";

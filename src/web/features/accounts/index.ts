export { AccountsPanel } from "./AccountsPanel";
export { ACCOUNTS_PERMISSION } from "./accountsApi";
export { InvitationPage } from "./InvitationPage";

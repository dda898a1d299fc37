// The development mailbox (demo mode without SMTP): its page, and the link to it in the shell.
export { MAILBOX_PATH, MailboxNavLink } from "./MailboxNavLink";
export { MailboxPage } from "./MailboxPage";

// The state of Vigil's e-mail (SMTP server, outbox) for the Secretariat's Administration page.
export { MAIL_STATUS_PERMISSION, MailStatusPanel } from "./MailStatusPanel";

// Webhooks: a Party's national case system is told of new releases, reviewed proposals and reminders.
export { WebhooksPanel } from "./WebhooksPanel";
export { WEBHOOKS_PERMISSION } from "./webhooksApi";

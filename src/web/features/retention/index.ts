// Retention periods of request content, on the Administration page (Secretariat and Party admins).
export { RETENTION_PERMISSION, RetentionPanel } from "./RetentionPanel";

import { PreferencesBody, SessionInfo } from "../../../shared/auth";
import { NotificationPreferences, type NotificationPreferencesInput } from "../../../shared/notification-kinds";
import { api } from "../../app/api";

const NOTIFICATIONS = "/api/me/notification-preferences";

export const settingsApi = {
  notifications: (signal?: AbortSignal) => api.get(NOTIFICATIONS, NotificationPreferences, signal),
  /** Replaces the whole set; the answer is what the server kept. */
  saveNotifications: (input: NotificationPreferencesInput) => api.put(NOTIFICATIONS, input, NotificationPreferences),
  saveTimeZone: (timeZone: string) =>
    api.patch("/api/me/preferences", PreferencesBody.parse({ timeZone }), SessionInfo),
};

// The signed-in user's own settings: notifications (channels, quiet hours) and time zone.
export { SETTINGS_PATH, SettingsNavLink } from "./SettingsNavLink";
export { SettingsPage } from "./SettingsPage";

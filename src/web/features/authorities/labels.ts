import type { AuthorityChannel, AuthorityField, AuthorityRole } from "../../../shared/authorities";
import type { TranslationKey } from "../../i18n/keys";

export const ROLE_KEYS: Record<AuthorityRole, TranslationKey> = {
  mla: "authorities.role.mla",
  extradition: "authorities.role.extradition",
  provisionalArrest: "authorities.role.provisionalArrest",
};

export const FIELD_KEYS: Record<AuthorityField, TranslationKey> = {
  name: "authorities.field.name",
  address: "authorities.field.address",
  phones: "authorities.field.phones",
  emails: "authorities.field.emails",
  languages: "authorities.field.languages",
  channels: "authorities.field.channels",
  notes: "authorities.field.notes",
};

export const CHANNEL_KEYS: Record<AuthorityChannel, TranslationKey> = {
  central_authority: "authorities.channel.central_authority",
  diplomatic: "authorities.channel.diplomatic",
  interpol: "authorities.channel.interpol",
  email: "authorities.channel.email",
  post: "authorities.channel.post",
  fax: "authorities.channel.fax",
  secure_platform: "authorities.channel.secure_platform",
};

/** "mla.emails" → "Art. 27 central authority: E-mail" in the UI language. */
export function fieldPathLabel(t: (key: TranslationKey) => string, path: string): string {
  const [role, field] = path.split(".") as [AuthorityRole, AuthorityField];
  const r = ROLE_KEYS[role];
  const f = FIELD_KEYS[field];
  return r && f ? `${t(r)}: ${t(f)}` : path;
}

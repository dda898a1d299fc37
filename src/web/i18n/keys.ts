import type accountsEn from "./accounts.en.json";
import type apiTokensEn from "./apiTokens.en.json";
import type authoritiesEn from "./authorities.en.json";
import type capacityEn from "./capacity.en.json";
import type dataProtectionEn from "./dataProtection.en.json";
import type adminEn from "./directory-admin.en.json";
import type en from "./en.json";
import type mailStatusEn from "./mail-status.en.json";
import type mailboxEn from "./mailbox.en.json";
import type meetingsEn from "./meetings.en.json";
import type pingsEn from "./pings.en.json";
import type requestsEn from "./requests.en.json";
import type retentionEn from "./retention.en.json";
import type securityEn from "./security.en.json";
import type settingsEn from "./settings.en.json";
import type webhooksEn from "./webhooks.en.json";

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

type WithoutPluralSuffix<K> = K extends `${infer Base}_${"one" | "other"}` ? Base : K;

/**
 * Every key of the English catalogue (plural keys without their suffix). Used for keys kept in
 * tables (navigation, error codes…) so that a typo fails the type check instead of showing a raw key.
 */
export type TranslationKey = WithoutPluralSuffix<
  Leaves<
    typeof en & {
      directoryAdmin: typeof adminEn;
      mailbox: typeof mailboxEn;
      webhooks: typeof webhooksEn;
      apiTokens: typeof apiTokensEn;
      settings: typeof settingsEn;
      mailStatus: typeof mailStatusEn;
      requests: typeof requestsEn;
      retention: typeof retentionEn;
      security: typeof securityEn;
      dataProtection: typeof dataProtectionEn;
      accounts: typeof accountsEn;
      pingTests: typeof pingsEn;
      authorities: typeof authoritiesEn;
      meetings: typeof meetingsEn;
      capacity: typeof capacityEn;
    }
  >
>;

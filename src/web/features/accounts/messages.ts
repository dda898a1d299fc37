import type { KnownMessages } from "../directory/issues";

/** The accounts' shared schema messages (src/shared/accounts.ts), in the UI language. */
export const ACCOUNT_MESSAGES: KnownMessages = {
  "Give the person's name": "accounts.validation.name",
  "At least 12 characters": "accounts.validation.password",
  "The two passwords differ": "accounts.validation.confirm",
};

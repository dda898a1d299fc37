import { z } from "zod";
import {
  type AcceptInvitationBody,
  Account,
  type AccountChange,
  type AccountInput,
  AccountList,
  InvitationStatus,
} from "../../../shared/accounts";
import { api } from "../../app/api";

/** The permission that shows the accounts panel: the Secretariat and each Party's admins. */
export const ACCOUNTS_PERMISSION = "admin.users";

const BASE = "/api/admin/users";

export const accountsApi = {
  list: (signal?: AbortSignal) => api.get(BASE, AccountList, signal),
  invite: (input: AccountInput) => api.post(BASE, input, Account),
  change: (id: string, change: AccountChange) => api.patch(`${BASE}/${encodeURIComponent(id)}`, change, Account),
  reset: (id: string) => api.post(`${BASE}/${encodeURIComponent(id)}/reset`, undefined, Account),
  invitation: (token: string, signal?: AbortSignal) =>
    api.get(`/api/invitations/${encodeURIComponent(token)}`, InvitationStatus, signal),
  accept: (token: string, body: AcceptInvitationBody) =>
    api.post(`/api/invitations/${encodeURIComponent(token)}`, body, z.object({ email: z.string() })),
};

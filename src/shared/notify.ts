import { z } from "zod";

/** An in-app notification; `kind` and `params` are rendered in the reader's language by the UI. */
export const NotificationItem = z.object({
  id: z.uuid(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type NotificationItem = z.infer<typeof NotificationItem>;
export const NotificationList = z.object({ items: z.array(NotificationItem), unread: z.number().int() });
export type NotificationList = z.infer<typeof NotificationList>;

/** A message in the development mailbox (demo mode without SMTP). */
export const MailboxMessage = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  sentAt: z.iso.datetime(),
});
export const MailboxList = z.object({ messages: z.array(MailboxMessage) });

import type { RequestDetail } from "../../../../shared/requests";

type Brief = { iso2: string; nameEn: string; nameFr: string };

export type Side = { party: Brief | null; zone: string | null };

export type Sides = {
  sender: Side;
  requested: Side;
  /** The other side from the viewer's point of view. */
  counterpart: Side;
};

const zoneOf = (value: unknown): string | null => {
  if (typeof value !== "string" || !value) return null;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value;
  } catch {
    return null;
  }
};

/**
 * Whose clock is whose: the sender's is its requesting authority's time zone (block 4 of the
 * templates), the requested side's is its contact point's.
 */
export function sidesOf(detail: RequestDetail): Sides {
  const authority = detail.content.requestingAuthority as Record<string, unknown> | undefined;
  const sender: Side = { party: detail.from, zone: zoneOf(authority?.timeZone) };
  const requested: Side = { party: detail.to, zone: zoneOf(detail.contactPoint?.timeZone) };
  return { sender, requested, counterpart: detail.direction === "sent" ? requested : sender };
}

export function sideName(side: Side, locale: string): string {
  if (!side.party) return "—";
  return locale === "fr" ? side.party.nameFr : side.party.nameEn;
}

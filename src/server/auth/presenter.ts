import { eq } from "drizzle-orm";
import type { Locale, SessionInfo } from "../../shared/auth";
import type { Tx } from "../db/database";
import { parties } from "../directory/tables";
import { permissionsFor } from "./policy";
import type { SessionRow } from "./sessions";
import type { UserRow } from "./users";

/** The session as the client sees it: never the password hash, TOTP secret or lock counters. */
export async function presentSession(tx: Tx, session: SessionRow, user: UserRow): Promise<SessionInfo> {
  const party = user.partyId
    ? ((
        await tx
          .select({ id: parties.id, iso2: parties.iso2, nameEn: parties.nameEn, nameFr: parties.nameFr })
          .from(parties)
          .where(eq(parties.id, user.partyId))
          .limit(1)
      )[0] ?? null)
    : null;
  return {
    state: session.state,
    csrfToken: session.csrfToken,
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      party,
      locale: (user.locale === "fr" ? "fr" : "en") as Locale,
      timeZone: user.timeZone,
    },
    permissions: session.state === "active" ? permissionsFor(user) : [],
    expiresAt: session.expiresAt.toISOString(),
  };
}

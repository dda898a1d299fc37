import type { Locale } from "../../shared/auth";
import { isNotificationKind, type NotificationKind } from "../../shared/notification-kinds";

/**
 * The words of each e-mail, in the recipient's language. An e-mail says only that something needs
 * attention and where: never the content of a request or an entry (it travels over SMTP, which
 * Vigil does not control).
 */

type Params = Record<string, string | number | null>;

function country(iso2: unknown, locale: Locale): string {
  if (typeof iso2 !== "string" || !/^[A-Z]{2}$/.test(iso2)) return String(iso2 ?? "");
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(iso2) ?? iso2;
  } catch {
    return iso2;
  }
}

const TEXT: Partial<
  Record<NotificationKind, Record<Locale, (p: Params, locale: Locale) => { subject: string; body: string }>>
> = {
  "directory.release_published": {
    en: (p) => ({
      subject: `Directory version ${p.version} published`,
      body: `Version ${p.version} of the directory of 24/7 contact points has been published.`,
    }),
    fr: (p) => ({
      subject: `Version ${p.version} de l'annuaire publiée`,
      body: `La version ${p.version} de l'annuaire des points de contact 24/7 a été publiée.`,
    }),
  },
  "directory.proposal_reviewed": {
    en: (p, l) => ({
      subject: `Your proposed change (${country(p.party, l)}) was ${p.decision}`,
      body: `The Secretariat ${p.decision} your proposed change to the entries of ${country(p.party, l)}.`,
    }),
    fr: (p, l) => ({
      subject: `Votre proposition (${country(p.party, l)}) a été ${p.decision === "accepted" ? "acceptée" : "refusée"}`,
      body: `Le Secrétariat a ${p.decision === "accepted" ? "accepté" : "refusé"} votre proposition de modification des entrées de ${country(p.party, l)}.`,
    }),
  },
  "directory.proposal_submitted": {
    en: (p, l) => ({
      subject: `Directory change proposed by ${country(p.party, l)}`,
      body: `${country(p.party, l)} proposed a change to its entries. It waits for your review.`,
    }),
    fr: (p, l) => ({
      subject: `Modification de l'annuaire proposée : ${country(p.party, l)}`,
      body: `${country(p.party, l)} a proposé une modification de ses entrées. Elle attend votre examen.`,
    }),
  },
  "directory.reminder": {
    en: (p, l) => ({
      subject: `Please confirm the directory entries of ${country(p.party, l)}`,
      body: `Some entries of ${country(p.party, l)} have not been confirmed for 180 days or miss information (${p.stale} stale, ${p.missing} missing). Please check them, then confirm them in one click.`,
    }),
    fr: (p, l) => ({
      subject: `Merci de confirmer les entrées de l'annuaire : ${country(p.party, l)}`,
      body: `Des entrées de ${country(p.party, l)} n'ont pas été confirmées depuis 180 jours ou sont incomplètes (${p.stale} anciennes, ${p.missing} manquantes). Merci de les vérifier puis de les confirmer en un clic.`,
    }),
  },
  "directory.key_expiring": {
    en: (p) => ({
      subject: "An encryption key of your contact point expires soon",
      body: `The key ${p.fingerprint} expires on ${p.expiresOn}. Please send the new key to the Secretariat.`,
    }),
    fr: (p) => ({
      subject: "Une clé de chiffrement de votre point de contact expire bientôt",
      body: `La clé ${p.fingerprint} expire le ${p.expiresOn}. Merci d'envoyer la nouvelle clé au Secrétariat.`,
    }),
  },
  // Requests and ping tests: only that something waits, never who asks what (the case stays in
  // Vigil). `urgent` (any truthy value) marks an urgent request, sent with urgency "emergency".
  "request.received": {
    en: (p) => ({
      subject: p.urgent ? "URGENT: a request needs your attention" : "A request needs your attention",
      body: `${p.urgent ? "An urgent request" : "A request"} from another 24/7 contact point has arrived for your Party. Please open it in Vigil.`,
    }),
    fr: (p) => ({
      subject: p.urgent ? "URGENT : une demande attend votre attention" : "Une demande attend votre attention",
      body: `${p.urgent ? "Une demande urgente" : "Une demande"} d'un autre point de contact 24/7 est arrivée pour votre Partie. Merci de l'ouvrir dans Vigil.`,
    }),
  },
  "request.reminder": {
    en: () => ({
      subject: "A request is still waiting for an answer",
      body: "A request to your Party is still waiting for an answer. Please open it in Vigil.",
    }),
    fr: () => ({
      subject: "Une demande attend toujours une réponse",
      body: "Une demande adressée à votre Partie attend toujours une réponse. Merci de l'ouvrir dans Vigil.",
    }),
  },
  "ping.received": {
    en: () => ({
      subject: "Ping test: please answer now",
      body: "The Secretariat is checking that your 24/7 contact point answers. Please answer the ping test in Vigil now.",
    }),
    fr: () => ({
      subject: "Test de disponibilité : merci de répondre maintenant",
      body: "Le Secrétariat vérifie que votre point de contact 24/7 répond. Merci de répondre au test dans Vigil dès maintenant.",
    }),
  },
};

/** Kinds that also go out by e-mail (in-app only otherwise). */
export const EMAIL_KINDS: ReadonlySet<string> = new Set(Object.keys(TEXT));

export function renderEmail(
  kind: string,
  params: Params,
  link: string | null,
  locale: Locale,
  publicUrl: string,
): { subject: string; text: string } {
  const text = isNotificationKind(kind) ? TEXT[kind] : undefined;
  const make = text?.[locale] ?? text?.en;
  if (!make) throw new Error(`no e-mail text for ${kind}`);
  const { subject, body } = make(params, locale);
  const open = locale === "fr" ? "Ouvrir dans Vigil" : "Open in Vigil";
  const footer =
    locale === "fr"
      ? "Message automatique de Vigil, réseau 24/7 de la Convention de Budapest. Ne contient aucune donnée d'affaire."
      : "Automatic message from Vigil, the Budapest Convention 24/7 Network. It carries no case data.";
  const url = `${publicUrl}${link ?? "/"}`;
  return { subject: `[Vigil] ${subject}`, text: `${body}\n\n${open}: ${url}\n\n-- \n${footer}\n` };
}

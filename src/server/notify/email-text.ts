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
  "authorities.release_published": {
    en: (p) => ({
      subject: `Authorities directory version ${p.version} published`,
      body: `Version ${p.version} of the directory of mutual legal assistance and extradition authorities has been published.`,
    }),
    fr: (p) => ({
      subject: `Version ${p.version} de l'annuaire des autorités publiée`,
      body: `La version ${p.version} de l'annuaire des autorités d'entraide judiciaire et d'extradition a été publiée.`,
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
  // Requests: the number and who, never the type's substance, the facts or the identifiers.
  "request.received": {
    en: (p) => ({
      subject: `${p.exercise ? "EXERCISE – " : ""}${p.urgent ? "EMERGENCY request" : "New request"} ${p.number}`,
      body: `${p.urgent ? "An EMERGENCY request" : "A request"} (${p.number}) from another 24/7 contact point has arrived for your Party. Please acknowledge it in Vigil.`,
    }),
    fr: (p) => ({
      subject: `${p.exercise ? "EXERCICE – " : ""}${p.urgent ? "Demande URGENTE" : "Nouvelle demande"} ${p.number}`,
      body: `${p.urgent ? "Une demande URGENTE" : "Une demande"} (${p.number}) d'un autre point de contact 24/7 est arrivée pour votre Partie. Merci d'en accuser réception dans Vigil.`,
    }),
  },
  "request.reminder": {
    en: (p) => ({
      subject: `Reminder: request ${p.number} not acknowledged`,
      body: `Request ${p.number} has not been acknowledged within ${p.minutes} minutes. Please acknowledge it in Vigil.`,
    }),
    fr: (p) => ({
      subject: `Rappel : demande ${p.number} sans accusé de réception`,
      body: `La demande ${p.number} n'a pas reçu d'accusé de réception dans les ${p.minutes} minutes. Merci d'en accuser réception dans Vigil.`,
    }),
  },
  "request.escalated": {
    en: (p) => ({
      subject: `Escalation: request ${p.number} still not acknowledged`,
      body: `Request ${p.number} is still not acknowledged by the contact point it was sent to; it is now brought to your attention. Please make sure it is handled.`,
    }),
    fr: (p) => ({
      subject: `Escalade : demande ${p.number} toujours sans accusé de réception`,
      body: `Le point de contact destinataire n'a toujours pas accusé réception de la demande ${p.number} ; elle est portée à votre attention. Merci de veiller à son traitement.`,
    }),
  },
  "request.state_changed": {
    en: (p) => ({
      subject: `Request ${p.number}: ${String(p.state).replace("_", " ")}`,
      body: `Request ${p.number} is now ${String(p.state).replace("_", " ")}.`,
    }),
    fr: (p) => ({
      subject: `Demande ${p.number} : ${STATE_FR[String(p.state)] ?? p.state}`,
      body: `La demande ${p.number} est maintenant : ${STATE_FR[String(p.state)] ?? p.state}.`,
    }),
  },
  "request.message": {
    en: (p) => ({ subject: `New message on request ${p.number}`, body: `A message was added to request ${p.number}.` }),
    fr: (p) => ({
      subject: `Nouveau message : demande ${p.number}`,
      body: `Un message a été ajouté à la demande ${p.number}.`,
    }),
  },
  "request.corrected": {
    en: (p) => ({
      subject: `Request ${p.number} was corrected by its sender`,
      body: `The sending Party corrected the form of request ${p.number}. The earlier values are kept on the request's page.`,
    }),
    fr: (p) => ({
      subject: `Demande ${p.number} corrigée par l'expéditeur`,
      body: `La Partie expéditrice a corrigé le formulaire de la demande ${p.number}. Les valeurs antérieures sont conservées sur la page de la demande.`,
    }),
  },
  "request.preservation_expiring": {
    en: (p) => ({
      subject: `Preservation ${p.number} ends on ${p.expiresOn}`,
      body: `The preservation obtained by request ${p.number} ends on ${p.expiresOn}, and no mutual assistance request has followed it. Send one, or an extension, in time.`,
    }),
    fr: (p) => ({
      subject: `La conservation ${p.number} prend fin le ${p.expiresOn}`,
      body: `La conservation obtenue par la demande ${p.number} prend fin le ${p.expiresOn} et aucune demande d'entraide ne l'a suivie. Envoyez-en une, ou une prolongation, à temps.`,
    }),
  },
  "request.onward_transfer_asked": {
    en: (p) => ({
      subject: `Request ${p.number}: authorisation asked for an onward transfer`,
      body: `The Party that received request ${p.number} asks your Party's authorisation to transfer its data onward. Please decide in Vigil.`,
    }),
    fr: (p) => ({
      subject: `Demande ${p.number} : autorisation de transfert ultérieur demandée`,
      body: `La Partie qui a reçu la demande ${p.number} demande l'autorisation de votre Partie pour transférer ses données. Merci de décider dans Vigil.`,
    }),
  },
  "request.onward_transfer_decided": {
    en: (p) => ({
      subject: `Request ${p.number}: onward transfer answered`,
      body: `The Party that sent request ${p.number} answered your request for authorisation of an onward transfer.`,
    }),
    fr: (p) => ({
      subject: `Demande ${p.number} : réponse sur le transfert ultérieur`,
      body: `La Partie qui a envoyé la demande ${p.number} a répondu à votre demande d'autorisation de transfert ultérieur.`,
    }),
  },
  // Incidents: that there is one for the reader's Party, and where to read it; nothing of what happened.
  "incident.recorded": {
    en: () => ({
      subject: "Security incident affecting your Party",
      body: "The Secretariat recorded a data-security incident that affects your Party.",
    }),
    fr: () => ({
      subject: "Incident de sécurité concernant votre Partie",
      body: "Le Secrétariat a enregistré un incident de sécurité des données qui concerne votre Partie.",
    }),
  },
  "incident.updated": {
    en: () => ({
      subject: "Security incident updated",
      body: "The Secretariat updated a data-security incident that affects your Party.",
    }),
    fr: () => ({
      subject: "Incident de sécurité mis à jour",
      body: "Le Secrétariat a mis à jour un incident de sécurité des données qui concerne votre Partie.",
    }),
  },
  "transfers.suspended": {
    en: (p, l) => ({
      subject: `Transfers from ${country(p.from, l)} to ${country(p.to, l)} suspended`,
      body: `${country(p.from, l)} suspended transfers of data to ${country(p.to, l)} through Vigil (Art. 14(15) of the Second Additional Protocol).`,
    }),
    fr: (p, l) => ({
      subject: `Transferts de ${country(p.from, l)} vers ${country(p.to, l)} suspendus`,
      body: `${country(p.from, l)} a suspendu les transferts de données vers ${country(p.to, l)} par Vigil (art. 14(15) du deuxième Protocole additionnel).`,
    }),
  },
  "transfers.resumed": {
    en: (p, l) => ({
      subject: `Transfers from ${country(p.from, l)} to ${country(p.to, l)} resumed`,
      body: `${country(p.from, l)} lifted its suspension of transfers to ${country(p.to, l)}.`,
    }),
    fr: (p, l) => ({
      subject: `Transferts de ${country(p.from, l)} vers ${country(p.to, l)} repris`,
      body: `${country(p.from, l)} a levé la suspension de ses transferts vers ${country(p.to, l)}.`,
    }),
  },
  "ping.acknowledge": {
    en: (p) => ({
      subject: p.reminder ? "Reminder: ping test, please acknowledge" : "Ping test: please acknowledge now",
      body: `${p.reminder ? "This ping test has not been acknowledged yet. " : ""}The Secretariat of the 24/7 Network is checking that this contact point answers. Open the link below and acknowledge with your name: no sign-in is needed. The link works for this mailbox only, until ${p.expires ?? "7 days after it was sent"} (UTC).`,
    }),
    fr: (p) => ({
      subject: p.reminder
        ? "Rappel : test de disponibilité, merci d'accuser réception"
        : "Test de disponibilité : merci d'accuser réception maintenant",
      body: `${p.reminder ? "Ce test de disponibilité n'a pas encore reçu de réponse. " : ""}Le Secrétariat du réseau 24/7 vérifie que ce point de contact répond. Ouvrez le lien ci-dessous et accusez réception en donnant votre nom : aucune connexion n'est nécessaire. Le lien ne vaut que pour cette boîte et jusqu'au ${p.expires ?? "septième jour après l'envoi"} (UTC).`,
    }),
  },
  // The authorities collection (Art. 27, Art. 24): who asks and where to answer, never the data.
  "authorities.input_requested": {
    en: (p, l) => ({
      subject: `${p.reminder ? "Reminder: " : ""}mutual assistance and extradition authorities of ${country(p.party, l)}`,
      body: `The Secretariat asks ${country(p.party, l)} to give or complete its authorities for mutual assistance (Article 27) and extradition (Article 24) for the complementary directory${p.dueOn ? `, by ${p.dueOn}` : ""}. Please fill in the form in Vigil.`,
    }),
    fr: (p, l) => ({
      subject: `${p.reminder ? "Rappel : " : ""}autorités d'entraide et d'extradition : ${country(p.party, l)}`,
      body: `Le Secrétariat demande à ${country(p.party, l)} d'indiquer ou de compléter ses autorités pour l'entraide (article 27) et l'extradition (article 24) dans l'annuaire complémentaire${p.dueOn ? `, d'ici le ${p.dueOn}` : ""}. Merci de remplir le formulaire dans Vigil.`,
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

/**
 * E-mails about one's own account, not notifications (nobody chooses whether to receive them):
 * their link is a one-time secret, so they go to the account's address only.
 */
const ACCOUNT_TEXT: Record<string, Record<Locale, (p: Params) => { subject: string; body: string }>> = {
  "account.invited": {
    en: (p) => ({
      subject: "Your Vigil account",
      body: `An account was made for you in Vigil, the platform of the Budapest Convention 24/7 Network. Choose your password with the link below (it works once, for ${p.days} days); at your first sign-in you will set up an authenticator app.`,
    }),
    fr: (p) => ({
      subject: "Votre compte Vigil",
      body: `Un compte a été créé pour vous dans Vigil, la plateforme du réseau 24/7 de la Convention de Budapest. Choisissez votre mot de passe avec le lien ci-dessous (il sert une fois, pendant ${p.days} jours) ; à votre première connexion, vous configurerez une application d'authentification.`,
    }),
  },
  "account.reset": {
    en: (p) => ({
      subject: "Your Vigil account was reset",
      body: `An administrator reset your Vigil account: your password, authenticator and security keys no longer work. Choose a new password with the link below (it works once, for ${p.days} days), then set up your authenticator again. If you did not ask for this, tell your administrator.`,
    }),
    fr: (p) => ({
      subject: "Votre compte Vigil a été réinitialisé",
      body: `Un administrateur a réinitialisé votre compte Vigil : votre mot de passe, votre application d'authentification et vos clés de sécurité ne fonctionnent plus. Choisissez un nouveau mot de passe avec le lien ci-dessous (il sert une fois, pendant ${p.days} jours), puis configurez de nouveau votre application. Si vous ne l'avez pas demandé, prévenez votre administrateur.`,
    }),
  },
};

const STATE_FR: Record<string, string> = {
  acknowledged: "réception accusée",
  in_progress: "en cours",
  executed: "exécutée",
  partially_executed: "partiellement exécutée",
  refused: "refusée",
  closed: "close",
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
  const text = ACCOUNT_TEXT[kind] ?? (isNotificationKind(kind) ? TEXT[kind] : undefined);
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

/** French (formal "vous"). SMS wording avoids letters GSM-7 lacks (ç, ê, â, î, ô, û) so codes stay in 160-septet SMS. */
import type { Catalogue } from './types';

const SUPPORT = "Si ce n'était pas vous, contactez immédiatement le support.";

export const fr: Catalogue = {
  locale: 'fr',
  name: 'Français',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} est votre code de connexion[ à {name}].',
      subject: 'Votre code de connexion[ à {name}]',
      email: 'Votre code de connexion[ à {name}] est :',
      voice: 'Votre code de connexion est :',
    },
    sensitive_action: {
      sms: '{code} est votre code pour confirmer cette action[ sur {name}].',
      subject: 'Votre code pour confirmer cette action[ sur {name}]',
      email: 'Votre code pour confirmer cette action[ sur {name}] est :',
      voice: 'Votre code pour confirmer cette action est :',
    },
    enroll: {
      sms: '{code} est votre code pour vérifier ce numéro[ sur {name}].',
      subject: 'Vérifiez votre adresse e-mail[ pour {name}]',
      email: 'Votre code pour vérifier cette adresse e-mail[ sur {name}] est :',
      voice: 'Votre code pour vérifier ce numéro est :',
    },
    delivery: {
      sms: '{code} est le code de votre livraison[ {name}].',
      subject: 'Votre code de livraison[ {name}]',
      email: 'Le code de votre livraison[ {name}] est :',
      voice: 'Le code de votre livraison est :',
    },
    other: {
      sms: '{code} est votre code de vérification[ {name}].',
      subject: 'Votre code de vérification[ {name}]',
      email: 'Votre code de vérification[ {name}] est :',
      voice: 'Votre code de vérification est :',
    },
  },
  code: {
    smsValidity: 'Valable {duration}.',
    smsWarning: 'Nous ne vous appellerons et ne vous écrirons jamais pour vous le demander.',
    smsWarningShort: 'Nous ne le demandons jamais.',
    smsShort: '{code} est votre code, valable {duration}.',
    validity: 'Ce code est valable {duration}.',
    advice: 'Ne le partagez pas.',
    courierAdvice: "Ne le donnez qu'au livreur à votre porte.",
    emailWarning:
      "Nous ne vous appellerons jamais et ne vous enverrons jamais de SMS ni d'e-mail pour vous demander ce code.",
    voiceWarning: 'Nous ne vous appellerons et ne vous écrirons jamais pour vous demander ce code.',
    ignore:
      "Vous n'avez pas demandé ce code ? Vous pouvez ignorer cet e-mail : personne ne peut l'utiliser sans accès à votre boîte de réception.",
    reportPrompt: "Vous n'avez pas demandé ce code ?",
    reportLink: 'Signalez-le',
    greeting: 'Bonjour.',
    thisIs: 'Ici {name}.',
    again: 'Je répète, votre code est :',
    goodbye: 'Au revoir.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'Un nouveau moyen de recevoir des codes a été ajouté',
        event: 'Un nouveau moyen de recevoir des codes a été ajouté à votre compte',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'Un nouveau moyen de recevoir des codes est actif',
        event: 'Un nouveau moyen de recevoir des codes est désormais actif sur votre compte',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'Un moyen de recevoir des codes a été supprimé',
        event: 'Un moyen de recevoir des codes a été supprimé de votre compte',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Votre compte est temporairement bloqué',
        event: 'Votre compte est bloqué pour un moment après trop de codes erronés',
        advice: "Si ce n'était pas vous, quelqu'un tente sans doute d'y entrer : contactez le support.",
      },
      hard_locked: {
        subject: 'Votre compte est bloqué',
        event: 'Votre compte est bloqué après trop de codes erronés',
        advice: 'Contactez le support pour le débloquer.',
      },
      recovery_code_used: {
        subject: 'Un code de récupération a été utilisé',
        event: 'Un code de récupération a été utilisé pour se connecter à votre compte',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'De nouveaux codes de récupération ont été créés',
        event: 'De nouveaux codes de récupération ont été créés ; les anciens ne marchent plus',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Vous avez signalé un code non demandé',
        event: 'Nous avons annulé le code signalé et déconnecté les appareils mémorisés',
        advice: 'Si cela se reproduit, contactez le support.',
      },
      contact_changed: {
        subject: 'Vos coordonnées ont changé',
        event: 'Les coordonnées de votre compte ont changé',
        advice: SUPPORT,
      },
    },
    warning: 'Nous ne vous appellerons et ne vous écrirons jamais pour vous demander un code.',
    origin: 'Ceci est une alerte de sécurité[ de {name}].',
  },
};

/** Italian (GSM-7 has every letter Italian needs: à è é ì ò ù). */
import type { Catalogue } from './types';

const SUPPORT = "Se non sei stato tu, contatta subito l'assistenza.";

export const it: Catalogue = {
  locale: 'it',
  name: 'Italiano',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} è il tuo codice di accesso[ a {name}].',
      subject: 'Il tuo codice di accesso[ a {name}]',
      email: 'Il tuo codice di accesso[ a {name}] è:',
      voice: 'Il tuo codice di accesso è:',
    },
    sensitive_action: {
      sms: '{code} è il tuo codice per confermare questa operazione[ su {name}].',
      subject: 'Il tuo codice per confermare questa operazione[ su {name}]',
      email: 'Il tuo codice per confermare questa operazione[ su {name}] è:',
      voice: 'Il tuo codice per confermare questa operazione è:',
    },
    enroll: {
      sms: '{code} è il tuo codice per verificare questo numero[ su {name}].',
      subject: 'Verifica il tuo indirizzo email[ per {name}]',
      email: 'Il tuo codice per verificare questo indirizzo email[ su {name}] è:',
      voice: 'Il tuo codice per verificare questo numero è:',
    },
    delivery: {
      sms: '{code} è il codice della tua consegna[ {name}].',
      subject: 'Il codice della tua consegna[ {name}]',
      email: 'Il codice della tua consegna[ {name}] è:',
      voice: 'Il codice della tua consegna è:',
    },
    other: {
      sms: '{code} è il tuo codice di verifica[ {name}].',
      subject: 'Il tuo codice di verifica[ {name}]',
      email: 'Il tuo codice di verifica[ {name}] è:',
      voice: 'Il tuo codice di verifica è:',
    },
  },
  code: {
    smsValidity: 'Valido per {duration}.',
    smsWarning: 'Non ti chiameremo né ti scriveremo mai per chiedertelo.',
    smsWarningShort: 'Non te lo chiederemo mai.',
    smsShort: '{code} è il tuo codice, valido per {duration}.',
    validity: 'Questo codice è valido per {duration}.',
    advice: 'Non condividerlo.',
    courierAdvice: 'Comunicalo solo al corriere alla tua porta.',
    emailWarning: 'Non ti chiameremo, non ti scriveremo SMS né email per chiederti questo codice.',
    voiceWarning: 'Non ti chiameremo né ti scriveremo mai per chiederti questo codice.',
    ignore:
      'Non hai richiesto questo codice? Puoi ignorare questa email: nessuno può usarlo senza accedere alla tua casella di posta.',
    reportPrompt: 'Non hai richiesto questo codice?',
    reportLink: 'Segnalacelo',
    greeting: 'Buongiorno.',
    thisIs: 'Ti chiamiamo da {name}.',
    again: 'Ripeto, il tuo codice è:',
    goodbye: 'Arrivederci.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'Aggiunto un nuovo modo per ricevere i codici',
        event: 'Al tuo account è stato aggiunto un nuovo modo per ricevere i codici',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'Un nuovo modo per ricevere i codici è attivo',
        event: 'Un nuovo modo per ricevere i codici è ora attivo sul tuo account',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'Rimosso un modo per ricevere i codici',
        event: 'Dal tuo account è stato rimosso un modo per ricevere i codici',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Il tuo account è temporaneamente bloccato',
        event: "Il tuo account è bloccato per un po' dopo troppi codici errati",
        advice: "Se non sei stato tu, qualcuno potrebbe provare a entrare: contatta l'assistenza.",
      },
      hard_locked: {
        subject: 'Il tuo account è bloccato',
        event: 'Il tuo account è bloccato dopo troppi codici errati',
        advice: "Contatta l'assistenza per sbloccarlo.",
      },
      recovery_code_used: {
        subject: 'Usato un codice di recupero',
        event: 'Per accedere al tuo account è stato usato un codice di recupero',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Sono stati creati nuovi codici di recupero',
        event: 'Sono stati creati nuovi codici di recupero per il tuo account; i vecchi non valgono più',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Hai segnalato un codice che non avevi richiesto',
        event: 'Abbiamo annullato il codice segnalato e disconnesso i dispositivi memorizzati',
        advice: "Se succede di nuovo, contatta l'assistenza.",
      },
      contact_changed: {
        subject: 'I tuoi dati di contatto sono cambiati',
        event: 'I dati di contatto del tuo account sono cambiati',
        advice: SUPPORT,
      },
    },
    warning: 'Non ti chiameremo né ti scriveremo mai per chiederti un codice.',
    origin: 'Questo è un avviso di sicurezza[ di {name}].',
  },
};

/** German (formal "Sie"). */
import type { Catalogue } from './types';

const SUPPORT = 'Falls Sie das nicht waren, wenden Sie sich sofort an den Support.';

export const de: Catalogue = {
  locale: 'de',
  name: 'Deutsch',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} ist Ihr Anmeldecode[ für {name}].',
      subject: 'Ihr Anmeldecode[ für {name}]',
      email: 'Ihr Anmeldecode[ für {name}] lautet:',
      voice: 'Ihr Anmeldecode lautet:',
    },
    sensitive_action: {
      sms: '{code} ist Ihr Code zur Bestätigung dieser Aktion[ bei {name}].',
      subject: 'Ihr Code zur Bestätigung dieser Aktion[ bei {name}]',
      email: 'Ihr Code zur Bestätigung dieser Aktion[ bei {name}] lautet:',
      voice: 'Ihr Code zur Bestätigung dieser Aktion lautet:',
    },
    enroll: {
      sms: '{code} ist Ihr Code zur Bestätigung dieser Nummer[ bei {name}].',
      subject: 'Bestätigen Sie Ihre E-Mail-Adresse[ für {name}]',
      email: 'Ihr Code zur Bestätigung dieser E-Mail-Adresse[ bei {name}] lautet:',
      voice: 'Ihr Code zur Bestätigung dieser Nummer lautet:',
    },
    delivery: {
      sms: '{code} ist der Code für Ihre Lieferung[ von {name}].',
      subject: 'Ihr Liefercode[ von {name}]',
      email: 'Der Code für Ihre Lieferung[ von {name}] lautet:',
      voice: 'Der Code für Ihre Lieferung lautet:',
    },
    other: {
      sms: '{code} ist Ihr Bestätigungscode[ für {name}].',
      subject: 'Ihr Bestätigungscode[ für {name}]',
      email: 'Ihr Bestätigungscode[ für {name}] lautet:',
      voice: 'Ihr Bestätigungscode lautet:',
    },
  },
  code: {
    smsValidity: '{duration} gültig.',
    smsWarning: 'Wir rufen Sie nie an und schreiben Ihnen nie, um danach zu fragen.',
    smsWarningShort: 'Wir fragen nie danach.',
    smsShort: '{code} ist Ihr Code, {duration} gültig.',
    validity: 'Dieser Code ist {duration} gültig.',
    advice: 'Geben Sie ihn nicht weiter.',
    courierAdvice: 'Nennen Sie ihn nur dem Boten an Ihrer Tür.',
    emailWarning:
      'Wir werden Sie nie anrufen und Ihnen nie eine SMS oder E-Mail schreiben, um nach diesem Code zu fragen.',
    voiceWarning: 'Wir werden Sie nie anrufen oder Ihnen schreiben, um nach diesem Code zu fragen.',
    ignore:
      'Sie haben diesen Code nicht angefordert? Dann können Sie diese E-Mail ignorieren: Ohne Zugang zu Ihrem Postfach kann ihn niemand verwenden.',
    reportPrompt: 'Sie haben diesen Code nicht angefordert?',
    reportLink: 'Melden Sie es uns',
    greeting: 'Guten Tag.',
    thisIs: 'Hier ist {name}.',
    again: 'Noch einmal, Ihr Code lautet:',
    goodbye: 'Auf Wiederhören.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'Eine neue Möglichkeit zum Empfang von Codes wurde hinzugefügt',
        event: 'Ihrem Konto wurde eine neue Möglichkeit zum Empfang von Codes hinzugefügt',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'Eine neue Möglichkeit zum Empfang von Codes ist aktiv',
        event: 'Eine neue Möglichkeit zum Empfang von Codes ist in Ihrem Konto jetzt aktiv',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'Eine Möglichkeit zum Empfang von Codes wurde entfernt',
        event: 'Aus Ihrem Konto wurde eine Möglichkeit zum Empfang von Codes entfernt',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Ihr Konto ist vorübergehend gesperrt',
        event: 'Ihr Konto ist nach zu vielen falschen Codes eine Weile gesperrt',
        advice: 'Waren Sie das nicht, versucht womöglich jemand einzudringen: Kontaktieren Sie den Support.',
      },
      hard_locked: {
        subject: 'Ihr Konto ist gesperrt',
        event: 'Ihr Konto ist nach zu vielen falschen Codes gesperrt',
        advice: 'Wenden Sie sich an den Support, um es zu entsperren.',
      },
      recovery_code_used: {
        subject: 'Ein Wiederherstellungscode wurde verwendet',
        event: 'Ein Wiederherstellungscode wurde zur Anmeldung bei Ihrem Konto verwendet',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Neue Wiederherstellungscodes wurden erstellt',
        event: 'Für Ihr Konto wurden neue Wiederherstellungscodes erstellt; die alten gelten nicht mehr',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Sie haben einen nicht angeforderten Code gemeldet',
        event: 'Wir haben den gemeldeten Code gesperrt und gespeicherte Geräte abgemeldet',
        advice: 'Falls das wieder passiert, wenden Sie sich an den Support.',
      },
      contact_changed: {
        subject: 'Ihre Kontaktdaten wurden geändert',
        event: 'Die Kontaktdaten Ihres Kontos wurden geändert',
        advice: SUPPORT,
      },
    },
    warning: 'Wir werden Sie nie anrufen oder Ihnen schreiben, um nach einem Code zu fragen.',
    origin: 'Dies ist ein Sicherheitshinweis[ von {name}].',
  },
};

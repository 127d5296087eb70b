/** Danish. */
import type { Catalogue } from './types';

const SUPPORT = 'Hvis det ikke var dig, så kontakt support med det samme.';

export const da: Catalogue = {
  locale: 'da',
  name: 'Dansk',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} er din loginkode[ til {name}].',
      subject: 'Din loginkode[ til {name}]',
      email: 'Din loginkode[ til {name}] er:',
      voice: 'Din loginkode er:',
    },
    sensitive_action: {
      sms: '{code} er din kode til at bekræfte handlingen[ hos {name}].',
      subject: 'Din kode til at bekræfte handlingen[ hos {name}]',
      email: 'Din kode til at bekræfte handlingen[ hos {name}] er:',
      voice: 'Din kode til at bekræfte handlingen er:',
    },
    enroll: {
      sms: '{code} er din kode til at bekræfte nummeret[ hos {name}].',
      subject: 'Bekræft din e-mailadresse[ hos {name}]',
      email: 'Din kode til at bekræfte e-mailadressen[ hos {name}] er:',
      voice: 'Din kode til at bekræfte nummeret er:',
    },
    delivery: {
      sms: '{code} er koden til din levering[ fra {name}].',
      subject: 'Koden til din levering[ fra {name}]',
      email: 'Koden til din levering[ fra {name}] er:',
      voice: 'Koden til din levering er:',
    },
    other: {
      sms: '{code} er din bekræftelseskode[ til {name}].',
      subject: 'Din bekræftelseskode[ til {name}]',
      email: 'Din bekræftelseskode[ til {name}] er:',
      voice: 'Din bekræftelseskode er:',
    },
  },
  code: {
    smsValidity: 'Gyldig i {duration}.',
    smsWarning: 'Vi ringer eller skriver aldrig til dig for at bede om den.',
    smsWarningShort: 'Vi beder aldrig om den.',
    smsShort: '{code} er din kode, gyldig i {duration}.',
    validity: 'Koden er gyldig i {duration}.',
    advice: 'Del den ikke med nogen.',
    courierAdvice: 'Giv den kun til budet ved din dør.',
    emailWarning: "Vi ringer, sms'er eller mailer aldrig til dig for at bede om denne kode.",
    voiceWarning: 'Vi ringer eller skriver aldrig til dig for at bede om denne kode.',
    ignore:
      'Har du ikke bedt om denne kode? Så kan du se bort fra denne mail: ingen kan bruge den uden adgang til din indbakke.',
    reportPrompt: 'Har du ikke bedt om denne kode?',
    reportLink: 'Anmeld det',
    greeting: 'Hej.',
    thisIs: 'Det er {name}.',
    again: 'Igen, din kode er:',
    goodbye: 'Farvel.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'En ny måde at modtage koder på er tilføjet',
        event: 'En ny måde at modtage koder på er tilføjet til din konto',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'En ny måde at modtage koder på er aktiv',
        event: 'En ny måde at modtage koder på er nu aktiv på din konto',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'En måde at modtage koder på er fjernet',
        event: 'En måde at modtage koder på er fjernet fra din konto',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Din konto er midlertidigt låst',
        event: 'Din konto er låst et stykke tid efter for mange forkerte koder',
        advice: 'Hvis det ikke var dig, prøver nogen måske at komme ind: kontakt support.',
      },
      hard_locked: {
        subject: 'Din konto er låst',
        event: 'Din konto er låst efter for mange forkerte koder',
        advice: 'Kontakt support for at låse den op.',
      },
      recovery_code_used: {
        subject: 'En gendannelseskode er brugt',
        event: 'En gendannelseskode er brugt til at logge ind på din konto',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Nye gendannelseskoder er oprettet',
        event: 'Der er oprettet nye gendannelseskoder til din konto; de gamle virker ikke længere',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Du har anmeldt en kode, du ikke bad om',
        event: 'Du har anmeldt en kode, du ikke bad om. Vi har annulleret den og logget huskede enheder ud',
        advice: 'Kontakt support, hvis det sker igen.',
      },
      contact_changed: {
        subject: 'Dine kontaktoplysninger er ændret',
        event: 'Kontaktoplysningerne på din konto er ændret',
        advice: SUPPORT,
      },
    },
    warning: 'Vi ringer eller skriver aldrig til dig for at bede om en kode.',
    origin: 'Dette er en sikkerhedsbesked[ fra {name}].',
  },
};

/** Norwegian Bokmål; also serves `no` and Nynorsk `nn`. */
import type { Catalogue } from './types';

const SUPPORT = 'Hvis dette ikke var deg, kontakt kundestøtte med en gang.';

export const nb: Catalogue = {
  locale: 'nb',
  name: 'Norsk bokmål',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} er påloggingskoden din[ til {name}].',
      subject: 'Påloggingskoden din[ til {name}]',
      email: 'Påloggingskoden din[ til {name}] er:',
      voice: 'Påloggingskoden din er:',
    },
    sensitive_action: {
      sms: '{code} er koden din for å bekrefte handlingen[ hos {name}].',
      subject: 'Koden din for å bekrefte handlingen[ hos {name}]',
      email: 'Koden din for å bekrefte handlingen[ hos {name}] er:',
      voice: 'Koden din for å bekrefte handlingen er:',
    },
    enroll: {
      sms: '{code} er koden din for å bekrefte nummeret[ hos {name}].',
      subject: 'Bekreft e-postadressen din[ hos {name}]',
      email: 'Koden din for å bekrefte e-postadressen[ hos {name}] er:',
      voice: 'Koden din for å bekrefte nummeret er:',
    },
    delivery: {
      sms: '{code} er koden til leveransen din[ fra {name}].',
      subject: 'Koden til leveransen din[ fra {name}]',
      email: 'Koden til leveransen din[ fra {name}] er:',
      voice: 'Koden til leveransen din er:',
    },
    other: {
      sms: '{code} er bekreftelseskoden din[ til {name}].',
      subject: 'Bekreftelseskoden din[ til {name}]',
      email: 'Bekreftelseskoden din[ til {name}] er:',
      voice: 'Bekreftelseskoden din er:',
    },
  },
  code: {
    smsValidity: 'Gyldig i {duration}.',
    smsWarning: 'Vi ringer eller sender deg aldri melding for å be om den.',
    smsWarningShort: 'Vi ber aldri om den.',
    smsShort: '{code} er koden din, gyldig i {duration}.',
    validity: 'Koden er gyldig i {duration}.',
    advice: 'Ikke del den.',
    courierAdvice: 'Gi den bare til budet ved døren din.',
    emailWarning: 'Vi ringer, sender SMS eller e-post aldri for å be om denne koden.',
    voiceWarning: 'Vi ringer eller sender deg aldri melding for å be om denne koden.',
    ignore:
      'Ba du ikke om denne koden? Da kan du se bort fra denne e-posten: ingen kan bruke den uten tilgang til innboksen din.',
    reportPrompt: 'Ba du ikke om denne koden?',
    reportLink: 'Meld fra',
    greeting: 'Hei.',
    thisIs: 'Dette er {name}.',
    again: 'Én gang til, koden din er:',
    goodbye: 'Ha det.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'En ny måte å motta koder på er lagt til',
        event: 'En ny måte å motta koder på er lagt til på kontoen din',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'En ny måte å motta koder på er aktiv',
        event: 'En ny måte å motta koder på er nå aktiv på kontoen din',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'En måte å motta koder på er fjernet',
        event: 'En måte å motta koder på er fjernet fra kontoen din',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Kontoen din er midlertidig låst',
        event: 'Kontoen din er låst en stund etter for mange feil koder',
        advice: 'Hvis dette ikke var deg, prøver kanskje noen å komme inn: kontakt kundestøtte.',
      },
      hard_locked: {
        subject: 'Kontoen din er låst',
        event: 'Kontoen din er låst etter for mange feil koder',
        advice: 'Kontakt kundestøtte for å låse den opp.',
      },
      recovery_code_used: {
        subject: 'En gjenopprettingskode er brukt',
        event: 'En gjenopprettingskode er brukt til å logge på kontoen din',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Nye gjenopprettingskoder er laget',
        event: 'Nye gjenopprettingskoder er laget for kontoen din; de gamle virker ikke lenger',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Du har meldt fra om en kode du ikke ba om',
        event: 'Du har meldt fra om en kode du ikke ba om. Vi har annullert den og logget ut lagrede enheter',
        advice: 'Kontakt kundestøtte hvis det skjer igjen.',
      },
      contact_changed: {
        subject: 'Kontaktopplysningene dine er endret',
        event: 'Kontaktopplysningene på kontoen din er endret',
        advice: SUPPORT,
      },
    },
    warning: 'Vi ringer eller sender deg aldri melding for å be om en kode.',
    origin: 'Dette er et sikkerhetsvarsel[ fra {name}].',
  },
};

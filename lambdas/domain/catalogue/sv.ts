/** Swedish. */
import type { Catalogue } from './types';

const SUPPORT = 'Var det inte du? Kontakta supporten direkt.';

export const sv: Catalogue = {
  locale: 'sv',
  name: 'Svenska',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} är din inloggningskod[ till {name}].',
      subject: 'Din inloggningskod[ till {name}]',
      email: 'Din inloggningskod[ till {name}] är:',
      voice: 'Din inloggningskod är:',
    },
    sensitive_action: {
      sms: '{code} är din kod för att bekräfta åtgärden[ hos {name}].',
      subject: 'Din kod för att bekräfta åtgärden[ hos {name}]',
      email: 'Din kod för att bekräfta åtgärden[ hos {name}] är:',
      voice: 'Din kod för att bekräfta åtgärden är:',
    },
    enroll: {
      sms: '{code} är din kod för att verifiera numret[ hos {name}].',
      subject: 'Verifiera din e-postadress[ hos {name}]',
      email: 'Din kod för att verifiera e-postadressen[ hos {name}] är:',
      voice: 'Din kod för att verifiera numret är:',
    },
    delivery: {
      sms: '{code} är koden till din leverans[ från {name}].',
      subject: 'Koden till din leverans[ från {name}]',
      email: 'Koden till din leverans[ från {name}] är:',
      voice: 'Koden till din leverans är:',
    },
    other: {
      sms: '{code} är din verifieringskod[ för {name}].',
      subject: 'Din verifieringskod[ för {name}]',
      email: 'Din verifieringskod[ för {name}] är:',
      voice: 'Din verifieringskod är:',
    },
  },
  code: {
    smsValidity: 'Giltig i {duration}.',
    smsWarning: 'Vi ringer eller sms:ar dig aldrig för att be om den.',
    smsWarningShort: 'Vi ber aldrig om den.',
    smsShort: '{code} är din kod, giltig i {duration}.',
    validity: 'Koden är giltig i {duration}.',
    advice: 'Dela den inte.',
    courierAdvice: 'Lämna den bara till budet vid din dörr.',
    emailWarning: 'Vi ringer, sms:ar eller mejlar dig aldrig för att be om den här koden.',
    voiceWarning: 'Vi ringer eller sms:ar dig aldrig för att be om den här koden.',
    ignore:
      'Har du inte bett om den här koden? Då kan du strunta i mejlet: ingen kan använda den utan tillgång till din inkorg.',
    reportPrompt: 'Har du inte bett om den här koden?',
    reportLink: 'Anmäl det',
    greeting: 'Hej.',
    thisIs: 'Det här är {name}.',
    again: 'En gång till, din kod är:',
    goodbye: 'Hej då.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'Ett nytt sätt att ta emot koder har lagts till',
        event: 'Ett nytt sätt att ta emot koder har lagts till på ditt konto',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'Ett nytt sätt att ta emot koder är aktivt',
        event: 'Ett nytt sätt att ta emot koder är nu aktivt på ditt konto',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'Ett sätt att ta emot koder har tagits bort',
        event: 'Ett sätt att ta emot koder har tagits bort från ditt konto',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Ditt konto är tillfälligt låst',
        event: 'Ditt konto är låst en stund efter för många felaktiga koder',
        advice: 'Var det inte du? Då kanske någon försöker ta sig in: kontakta supporten.',
      },
      hard_locked: {
        subject: 'Ditt konto är låst',
        event: 'Ditt konto är låst efter för många felaktiga koder',
        advice: 'Kontakta supporten för att låsa upp det.',
      },
      recovery_code_used: {
        subject: 'En återställningskod har använts',
        event: 'En återställningskod har använts för att logga in på ditt konto',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Nya återställningskoder har skapats',
        event: 'Nya återställningskoder har skapats för ditt konto; de gamla fungerar inte längre',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Du har anmält en kod som du inte bett om',
        event: 'Du har anmält en kod som du inte bett om. Vi har spärrat den och loggat ut sparade enheter',
        advice: 'Kontakta supporten om det händer igen.',
      },
      contact_changed: {
        subject: 'Dina kontaktuppgifter har ändrats',
        event: 'Kontaktuppgifterna för ditt konto har ändrats',
        advice: SUPPORT,
      },
    },
    warning: 'Vi ringer eller sms:ar dig aldrig för att be om en kod.',
    origin: 'Det här är ett säkerhetsmeddelande[ från {name}].',
  },
};

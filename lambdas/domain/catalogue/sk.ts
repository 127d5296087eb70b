/** Slovak. */
import type { Catalogue } from './types';

const SUPPORT = 'Ak ste to neboli vy, ihneď kontaktujte podporu.';

export const sk: Catalogue = {
  locale: 'sk',
  name: 'Slovenčina',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} je váš prihlasovací kód[ do {name}].',
      subject: 'Váš prihlasovací kód[ do {name}]',
      email: 'Váš prihlasovací kód[ do {name}] je:',
      voice: 'Váš prihlasovací kód je:',
    },
    sensitive_action: {
      sms: '{code} je váš kód na potvrdenie tejto akcie[ v {name}].',
      subject: 'Váš kód na potvrdenie akcie[ v {name}]',
      email: 'Váš kód na potvrdenie tejto akcie[ v {name}] je:',
      voice: 'Váš kód na potvrdenie tejto akcie je:',
    },
    enroll: {
      sms: '{code} je váš kód na overenie tohto čísla[ v {name}].',
      subject: 'Overte svoju e-mailovú adresu[ v {name}]',
      email: 'Váš kód na overenie tejto e-mailovej adresy[ v {name}] je:',
      voice: 'Váš kód na overenie tohto čísla je:',
    },
    delivery: {
      sms: '{code} je kód k vašej zásielke[ od {name}].',
      subject: 'Kód k vašej zásielke[ od {name}]',
      email: 'Kód k vašej zásielke[ od {name}] je:',
      voice: 'Kód k vašej zásielke je:',
    },
    other: {
      sms: '{code} je váš overovací kód[ {name}].',
      subject: 'Váš overovací kód[ {name}]',
      email: 'Váš overovací kód[ {name}] je:',
      voice: 'Váš overovací kód je:',
    },
  },
  code: {
    smsValidity: 'Platí {duration}.',
    smsWarning: 'Nikdy vám nezavoláme ani nenapíšeme, aby sme si ho pýtali.',
    smsWarningShort: 'Nikdy si ho nepýtame.',
    smsShort: 'Kód {code} ({duration}).',
    validity: 'Tento kód platí {duration}.',
    advice: 'Nikomu ho neposkytujte.',
    courierAdvice: 'Povedzte ho len kuriérovi pri vašich dverách.',
    emailWarning: 'Nikdy vám nezavoláme, nenapíšeme SMS ani e-mail, aby sme si tento kód pýtali.',
    voiceWarning: 'Nikdy vám nezavoláme ani nenapíšeme, aby sme si tento kód pýtali.',
    ignore:
      'Nežiadali ste o tento kód? Tento e-mail môžete ignorovať: bez prístupu k vašej schránke ho nikto nepoužije.',
    reportPrompt: 'Nežiadali ste o tento kód?',
    reportLink: 'Nahláste nám to',
    greeting: 'Dobrý deň.',
    thisIs: 'Tu je {name}.',
    again: 'Ešte raz, váš kód je:',
    goodbye: 'Dovidenia.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'Bol pridaný nový spôsob prijímania kódov',
        event: 'K vášmu účtu bol pridaný nový spôsob prijímania kódov',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'Nový spôsob prijímania kódov je aktívny',
        event: 'Nový spôsob prijímania kódov je na vašom účte aktívny',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'Bol odobraný spôsob prijímania kódov',
        event: 'Z vášho účtu bol odobraný spôsob prijímania kódov',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Váš účet je dočasne zablokovaný',
        event: 'Účet je po priveľa chybných kódoch na chvíľu zablokovaný',
        advice: 'Ak ste to neboli vy, niekto sa možno snaží dostať dnu: kontaktujte podporu.',
      },
      hard_locked: {
        subject: 'Váš účet je zablokovaný',
        event: 'Účet je po priveľa chybných kódoch zablokovaný',
        advice: 'Kontaktujte podporu, ktorá ho odblokuje.',
      },
      recovery_code_used: {
        subject: 'Bol použitý obnovovací kód',
        event: 'Na prihlásenie do účtu bol použitý obnovovací kód',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Boli vytvorené nové obnovovacie kódy',
        event: 'Boli vytvorené nové obnovovacie kódy; staré už neplatia',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Nahlásili ste kód, o ktorý ste nežiadali',
        event: 'Nahlásený kód sme zrušili a zapamätané zariadenia odhlásili',
        advice: 'Ak sa to zopakuje, kontaktujte podporu.',
      },
      contact_changed: {
        subject: 'Vaše kontaktné údaje sa zmenili',
        event: 'Kontaktné údaje vášho účtu sa zmenili',
        advice: SUPPORT,
      },
    },
    warning: 'Nikdy vám nezavoláme ani nenapíšeme kvôli kódu.',
    origin: 'Toto je bezpečnostné upozornenie[ od {name}].',
  },
};

/** Czech. */
import type { Catalogue } from './types';

const SUPPORT = 'Pokud jste to nebyli vy, ihned kontaktujte podporu.';

export const cs: Catalogue = {
  locale: 'cs',
  name: 'Čeština',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} je váš přihlašovací kód[ do {name}].',
      subject: 'Váš přihlašovací kód[ do {name}]',
      email: 'Váš přihlašovací kód[ do {name}] je:',
      voice: 'Váš přihlašovací kód je:',
    },
    sensitive_action: {
      sms: '{code} je váš kód k potvrzení této akce[ v {name}].',
      subject: 'Váš kód k potvrzení akce[ v {name}]',
      email: 'Váš kód k potvrzení této akce[ v {name}] je:',
      voice: 'Váš kód k potvrzení této akce je:',
    },
    enroll: {
      sms: '{code} je váš kód k ověření tohoto čísla[ v {name}].',
      subject: 'Ověřte svou e-mailovou adresu[ v {name}]',
      email: 'Váš kód k ověření této e-mailové adresy[ v {name}] je:',
      voice: 'Váš kód k ověření tohoto čísla je:',
    },
    delivery: {
      sms: '{code} je kód k vaší zásilce[ od {name}].',
      subject: 'Kód k vaší zásilce[ od {name}]',
      email: 'Kód k vaší zásilce[ od {name}] je:',
      voice: 'Kód k vaší zásilce je:',
    },
    other: {
      sms: '{code} je váš ověřovací kód[ {name}].',
      subject: 'Váš ověřovací kód[ {name}]',
      email: 'Váš ověřovací kód[ {name}] je:',
      voice: 'Váš ověřovací kód je:',
    },
  },
  code: {
    smsValidity: 'Platí {duration}.',
    smsWarning: 'Nikdy vám nezavoláme ani nenapíšeme, abychom o něj žádali.',
    smsWarningShort: 'Nikdy o něj nežádáme.',
    smsShort: 'Kód {code} ({duration}).',
    validity: 'Tento kód platí {duration}.',
    advice: 'Nikomu ho nesdělujte.',
    courierAdvice: 'Sdělte ho jen kurýrovi u vašich dveří.',
    emailWarning: 'Nikdy vám nezavoláme, nenapíšeme SMS ani e-mail, abychom po vás tento kód chtěli.',
    voiceWarning: 'Nikdy vám nezavoláme ani nenapíšeme, abychom po vás tento kód chtěli.',
    ignore:
      'Nežádali jste o tento kód? Tento e-mail můžete ignorovat: bez přístupu k vaší schránce ho nikdo nepoužije.',
    reportPrompt: 'Nežádali jste o tento kód?',
    reportLink: 'Nahlaste nám to',
    greeting: 'Dobrý den.',
    thisIs: 'Tady {name}.',
    again: 'Ještě jednou, váš kód je:',
    goodbye: 'Na shledanou.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'Byl přidán nový způsob příjmu kódů',
        event: 'K vašemu účtu byl přidán nový způsob příjmu kódů',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'Nový způsob příjmu kódů je aktivní',
        event: 'Nový způsob příjmu kódů je na vašem účtu aktivní',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'Byl odebrán způsob příjmu kódů',
        event: 'Z vašeho účtu byl odebrán způsob příjmu kódů',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Váš účet je dočasně zablokován',
        event: 'Účet je po příliš mnoha chybných kódech na chvíli zablokován',
        advice: 'Pokud jste to nebyli vy, možná se k vám někdo snaží dostat: kontaktujte podporu.',
      },
      hard_locked: {
        subject: 'Váš účet je zablokován',
        event: 'Účet je po příliš mnoha chybných kódech zablokován',
        advice: 'Kontaktujte podporu, která ho odblokuje.',
      },
      recovery_code_used: {
        subject: 'Byl použit obnovovací kód',
        event: 'K přihlášení do účtu byl použit obnovovací kód',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Byly vytvořeny nové obnovovací kódy',
        event: 'Byly vytvořeny nové obnovovací kódy; staré už neplatí',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Nahlásili jste kód, o který jste nežádali',
        event: 'Nahlášený kód jsme zrušili a zapamatovaná zařízení odhlásili',
        advice: 'Pokud se to stane znovu, kontaktujte podporu.',
      },
      contact_changed: {
        subject: 'Vaše kontaktní údaje se změnily',
        event: 'Kontaktní údaje vašeho účtu se změnily',
        advice: SUPPORT,
      },
    },
    warning: 'Nikdy vám nezavoláme ani nenapíšeme kvůli kódu.',
    origin: 'Toto je bezpečnostní upozornění[ od {name}].',
  },
};

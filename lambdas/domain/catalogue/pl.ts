/** Polish. */
import type { Catalogue } from './types';

const SUPPORT = 'Jeśli to nie Ty, od razu skontaktuj się z pomocą.';

export const pl: Catalogue = {
  locale: 'pl',
  name: 'Polski',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} to Twój kod logowania[ do {name}].',
      subject: 'Twój kod logowania[ do {name}]',
      email: 'Twój kod logowania[ do {name}] to:',
      voice: 'Twój kod logowania to:',
    },
    sensitive_action: {
      sms: '{code} to Twój kod potwierdzenia operacji[ w {name}].',
      subject: 'Twój kod potwierdzenia operacji[ w {name}]',
      email: 'Twój kod potwierdzenia tej operacji[ w {name}] to:',
      voice: 'Twój kod potwierdzenia tej operacji to:',
    },
    enroll: {
      sms: '{code} to Twój kod weryfikacji numeru[ w {name}].',
      subject: 'Zweryfikuj swój adres e-mail[ w {name}]',
      email: 'Twój kod weryfikacji tego adresu e-mail[ w {name}] to:',
      voice: 'Twój kod weryfikacji tego numeru to:',
    },
    delivery: {
      sms: '{code} to kod Twojej przesyłki[ od {name}].',
      subject: 'Kod Twojej przesyłki[ od {name}]',
      email: 'Kod Twojej przesyłki[ od {name}] to:',
      voice: 'Kod Twojej przesyłki to:',
    },
    other: {
      sms: '{code} to Twój kod weryfikacyjny[ {name}].',
      subject: 'Twój kod weryfikacyjny[ {name}]',
      email: 'Twój kod weryfikacyjny[ {name}] to:',
      voice: 'Twój kod weryfikacyjny to:',
    },
  },
  code: {
    smsValidity: 'Ważny {duration}.',
    smsWarning: 'Nigdy nie dzwonimy ani nie piszemy z prośbą o ten kod.',
    smsWarningShort: 'Nigdy go nie żądamy.',
    smsShort: 'Kod {code} ({duration}).',
    validity: 'Ten kod jest ważny przez {duration}.',
    advice: 'Nie udostępniaj go.',
    courierAdvice: 'Podaj go tylko kurierowi przy drzwiach.',
    emailWarning: 'Nigdy nie zadzwonimy ani nie wyślemy SMS-a lub e-maila z prośbą o ten kod.',
    voiceWarning: 'Nigdy nie zadzwonimy ani nie napiszemy z prośbą o ten kod.',
    ignore:
      'Nie prosiłeś o ten kod? Możesz zignorować tę wiadomość: bez dostępu do Twojej skrzynki nikt go nie użyje.',
    reportPrompt: 'Nie prosiłeś o ten kod?',
    reportLink: 'Zgłoś to',
    greeting: 'Dzień dobry.',
    thisIs: 'Tu {name}.',
    again: 'Powtarzam, Twój kod to:',
    goodbye: 'Do usłyszenia.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'Dodano nowy sposób odbierania kodów',
        event: 'Do Twojego konta dodano nowy sposób odbierania kodów',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'Nowy sposób odbierania kodów jest aktywny',
        event: 'Nowy sposób odbierania kodów jest już aktywny',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'Usunięto sposób odbierania kodów',
        event: 'Z Twojego konta usunięto sposób odbierania kodów',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Twoje konto jest tymczasowo zablokowane',
        event: 'Konto zablokowano na chwilę po zbyt wielu błędnych kodach',
        advice: 'Jeśli to nie Ty, ktoś może próbować się włamać: skontaktuj się z pomocą.',
      },
      hard_locked: {
        subject: 'Twoje konto jest zablokowane',
        event: 'Konto zablokowano po zbyt wielu błędnych kodach',
        advice: 'Skontaktuj się z pomocą, aby je odblokować.',
      },
      recovery_code_used: {
        subject: 'Użyto kodu odzyskiwania',
        event: 'Do logowania na Twoje konto użyto kodu odzyskiwania',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Utworzono nowe kody odzyskiwania',
        event: 'Utworzono nowe kody odzyskiwania; stare już nie działają',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Zgłoszono kod, o który nie prosiłeś',
        event: 'Anulowaliśmy zgłoszony kod i wylogowaliśmy zapamiętane urządzenia',
        advice: 'Jeśli to się powtórzy, skontaktuj się z pomocą.',
      },
      contact_changed: {
        subject: 'Zmieniono Twoje dane kontaktowe',
        event: 'Zmieniono dane kontaktowe Twojego konta',
        advice: SUPPORT,
      },
    },
    warning: 'Nigdy nie dzwonimy ani nie piszemy z prośbą o kod.',
    origin: 'To jest powiadomienie o bezpieczeństwie[ od {name}].',
  },
};

/** Romanian (with the comma-below letters ș and ț). */
import type { Catalogue } from './types';

const SUPPORT = 'Dacă nu ai fost tu, contactează imediat asistența.';

export const ro: Catalogue = {
  locale: 'ro',
  name: 'Română',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} este codul tău de autentificare[ {name}].',
      subject: 'Codul tău de autentificare[ {name}]',
      email: 'Codul tău de autentificare[ {name}] este:',
      voice: 'Codul tău de autentificare este:',
    },
    sensitive_action: {
      sms: '{code} este codul tău pentru a confirma acțiunea[ în {name}].',
      subject: 'Codul tău pentru a confirma acțiunea[ în {name}]',
      email: 'Codul tău pentru a confirma această acțiune[ în {name}] este:',
      voice: 'Codul tău pentru a confirma această acțiune este:',
    },
    enroll: {
      sms: '{code} este codul tău pentru a verifica numărul[ în {name}].',
      subject: 'Verifică adresa de e-mail[ în {name}]',
      email: 'Codul tău pentru a verifica această adresă de e-mail[ în {name}] este:',
      voice: 'Codul tău pentru a verifica acest număr este:',
    },
    delivery: {
      sms: '{code} este codul livrării tale[ {name}].',
      subject: 'Codul livrării tale[ {name}]',
      email: 'Codul livrării tale[ {name}] este:',
      voice: 'Codul livrării tale este:',
    },
    other: {
      sms: '{code} este codul tău de verificare[ {name}].',
      subject: 'Codul tău de verificare[ {name}]',
      email: 'Codul tău de verificare[ {name}] este:',
      voice: 'Codul tău de verificare este:',
    },
  },
  code: {
    smsValidity: 'Valabil {duration}.',
    smsWarning: 'Nu te vom suna și nu îți vom scrie niciodată ca să ți-l cerem.',
    smsWarningShort: 'Nu-l cerem niciodată.',
    smsShort: 'Cod {code} ({duration}).',
    validity: 'Acest cod este valabil {duration}.',
    advice: 'Nu îl da nimănui.',
    courierAdvice: 'Spune-l doar curierului de la ușa ta.',
    emailWarning: 'Nu te vom suna și nu îți vom trimite SMS sau e-mail ca să îți cerem acest cod.',
    voiceWarning: 'Nu te vom suna și nu îți vom scrie niciodată ca să îți cerem acest cod.',
    ignore:
      'Nu ai cerut acest cod? Poți ignora acest e-mail: nimeni nu îl poate folosi fără acces la căsuța ta de e-mail.',
    reportPrompt: 'Nu ai cerut acest cod?',
    reportLink: 'Raportează',
    greeting: 'Bună ziua.',
    thisIs: 'Vă sună {name}.',
    again: 'Încă o dată, codul tău este:',
    goodbye: 'La revedere.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'A fost adăugată o nouă metodă de primire a codurilor',
        event: 'Contului tău i s-a adăugat o nouă metodă de primire a codurilor',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'O nouă metodă de primire a codurilor este activă',
        event: 'O nouă metodă de primire a codurilor este activă în cont',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'A fost eliminată o metodă de primire a codurilor',
        event: 'Din contul tău a fost eliminată o metodă de primire a codurilor',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Contul tău este blocat temporar',
        event: 'Contul e blocat o vreme după prea multe coduri greșite',
        advice: 'Dacă nu ai fost tu, cineva poate încearcă să intre: contactează asistența.',
      },
      hard_locked: {
        subject: 'Contul tău este blocat',
        event: 'Contul e blocat după prea multe coduri greșite',
        advice: 'Contactează asistența pentru deblocare.',
      },
      recovery_code_used: {
        subject: 'A fost folosit un cod de recuperare',
        event: 'Un cod de recuperare a fost folosit pentru a intra în cont',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Au fost create coduri de recuperare noi',
        event: 'Au fost create coduri de recuperare noi; cele vechi nu mai merg',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Ai raportat un cod pe care nu l-ai cerut',
        event: 'Am anulat codul raportat și am deconectat dispozitivele memorate',
        advice: 'Dacă se repetă, contactează asistența.',
      },
      contact_changed: {
        subject: 'Datele tale de contact s-au schimbat',
        event: 'Datele de contact ale contului tău s-au schimbat',
        advice: SUPPORT,
      },
    },
    warning: 'Nu te vom suna și nu îți vom scrie niciodată ca să îți cerem un cod.',
    origin: 'Aceasta este o notificare de securitate[ de la {name}].',
  },
};

/** Hungarian. The service name stands in brackets so it never needs a suffix. */
import type { Catalogue } from './types';

const SUPPORT = 'Ha nem Ön volt, azonnal forduljon az ügyfélszolgálathoz.';

export const hu: Catalogue = {
  locale: 'hu',
  name: 'Magyar',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} a bejelentkezési kódja[ ({name})].',
      subject: 'Bejelentkezési kódja[ ({name})]',
      email: 'Bejelentkezési kódja[ ({name})]:',
      voice: 'Bejelentkezési kódja:',
    },
    sensitive_action: {
      sms: '{code} a művelet megerősítő kódja[ ({name})].',
      subject: 'A művelet megerősítő kódja[ ({name})]',
      email: 'A művelet megerősítő kódja[ ({name})]:',
      voice: 'A művelet megerősítő kódja:',
    },
    enroll: {
      sms: '{code} a telefonszám ellenőrző kódja[ ({name})].',
      subject: 'Erősítse meg e-mail-címét[ ({name})]',
      email: 'Az e-mail-cím ellenőrző kódja[ ({name})]:',
      voice: 'A telefonszám ellenőrző kódja:',
    },
    delivery: {
      sms: '{code} a csomagja átvételi kódja[ ({name})].',
      subject: 'Csomagja átvételi kódja[ ({name})]',
      email: 'Csomagja átvételi kódja[ ({name})]:',
      voice: 'Csomagja átvételi kódja:',
    },
    other: {
      sms: '{code} az ellenőrző kódja[ ({name})].',
      subject: 'Ellenőrző kódja[ ({name})]',
      email: 'Ellenőrző kódja[ ({name})]:',
      voice: 'Ellenőrző kódja:',
    },
  },
  code: {
    smsValidity: 'Érvényes: {duration}.',
    smsWarning: 'Soha nem hívjuk és nem írunk Önnek, hogy elkérjük.',
    smsWarningShort: 'Soha nem kérjük el.',
    smsShort: 'Kód {code} ({duration}).',
    validity: 'A kód érvényessége: {duration}.',
    advice: 'Ne adja ki senkinek.',
    courierAdvice: 'Csak az ajtajánál álló futárnak mondja meg.',
    emailWarning: 'Soha nem hívjuk, és nem küldünk SMS-t vagy e-mailt, hogy elkérjük ezt a kódot.',
    voiceWarning: 'Soha nem hívjuk és nem írunk Önnek, hogy elkérjük ezt a kódot.',
    ignore:
      'Nem Ön kérte ezt a kódot? Nyugodtan hagyja figyelmen kívül ezt az e-mailt: a postafiókja nélkül senki sem használhatja.',
    reportPrompt: 'Nem Ön kérte ezt a kódot?',
    reportLink: 'Jelezze nekünk',
    greeting: 'Jó napot.',
    thisIs: 'A(z) {name} hívja.',
    again: 'Még egyszer, a kódja:',
    goodbye: 'Viszonthallásra.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'Új kódfogadási mód lett hozzáadva',
        event: 'Fiókjához új kódfogadási mód lett hozzáadva',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'Egy új kódfogadási mód aktív lett',
        event: 'Fiókjában aktív lett egy új kódfogadási mód',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'Egy kódfogadási mód törölve lett',
        event: 'Fiókjából törölve lett egy kódfogadási mód',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Fiókja ideiglenesen zárolva van',
        event: 'Túl sok hibás kód miatt fiókja egy időre zárolva van',
        advice: 'Ha nem Ön volt, lehet, hogy valaki be akar jutni: forduljon az ügyfélszolgálathoz.',
      },
      hard_locked: {
        subject: 'Fiókja zárolva van',
        event: 'Túl sok hibás kód miatt fiókja zárolva van',
        advice: 'A feloldásért forduljon az ügyfélszolgálathoz.',
      },
      recovery_code_used: {
        subject: 'Helyreállító kódot használtak',
        event: 'Helyreállító kóddal léptek be a fiókjába',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Új helyreállító kódok készültek',
        event: 'Új helyreállító kódok készültek; a régiek már nem érvényesek',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Egy nem kért kódot jelzett',
        event: 'A jelzett kódot érvénytelenítettük, a megjegyzett eszközöket kiléptettük',
        advice: 'Ha újra megtörténik, forduljon az ügyfélszolgálathoz.',
      },
      contact_changed: {
        subject: 'Elérhetőségei megváltoztak',
        event: 'Fiókja elérhetőségei megváltoztak',
        advice: SUPPORT,
      },
    },
    warning: 'Soha nem hívjuk és nem írunk Önnek, hogy kódot kérjünk.',
    origin: 'Ez egy biztonsági értesítés[ ({name})].',
  },
};

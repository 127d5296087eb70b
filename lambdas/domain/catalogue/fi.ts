/** Finnish. The service name stands apart ("Palvelu {name}:") so it never needs a case ending. */
import type { Catalogue } from './types';

const SUPPORT = 'Jos et tehnyt tätä itse, ota heti yhteyttä tukeen.';

export const fi: Catalogue = {
  locale: 'fi',
  name: 'Suomi',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} on kirjautumiskoodisi[ ({name})].',
      subject: 'Kirjautumiskoodisi[ ({name})]',
      email: 'Kirjautumiskoodisi[ ({name})] on:',
      voice: 'Kirjautumiskoodisi on:',
    },
    sensitive_action: {
      sms: '{code} on koodisi tämän toiminnon vahvistamiseen[ ({name})].',
      subject: 'Koodisi toiminnon vahvistamiseen[ ({name})]',
      email: 'Koodisi tämän toiminnon vahvistamiseen[ ({name})] on:',
      voice: 'Koodisi tämän toiminnon vahvistamiseen on:',
    },
    enroll: {
      sms: '{code} on koodisi tämän numeron vahvistamiseen[ ({name})].',
      subject: 'Vahvista sähköpostiosoitteesi[ ({name})]',
      email: 'Koodisi tämän sähköpostiosoitteen vahvistamiseen[ ({name})] on:',
      voice: 'Koodisi tämän numeron vahvistamiseen on:',
    },
    delivery: {
      sms: '{code} on toimituksesi koodi[ ({name})].',
      subject: 'Toimituksesi koodi[ ({name})]',
      email: 'Toimituksesi koodi[ ({name})] on:',
      voice: 'Toimituksesi koodi on:',
    },
    other: {
      sms: '{code} on vahvistuskoodisi[ ({name})].',
      subject: 'Vahvistuskoodisi[ ({name})]',
      email: 'Vahvistuskoodisi[ ({name})] on:',
      voice: 'Vahvistuskoodisi on:',
    },
  },
  code: {
    smsValidity: 'Voimassa {duration}.',
    smsWarning: 'Emme koskaan soita tai viestitä kysyäksemme sitä.',
    smsWarningShort: 'Emme koskaan kysy sitä.',
    smsShort: '{code} on koodisi, voimassa {duration}.',
    validity: 'Koodi on voimassa {duration}.',
    advice: 'Älä kerro sitä kenellekään.',
    courierAdvice: 'Kerro se vain ovellasi olevalle lähetille.',
    emailWarning: 'Emme koskaan soita, lähetä tekstiviestiä tai sähköpostia kysyäksemme tätä koodia.',
    voiceWarning: 'Emme koskaan soita tai viestitä kysyäksemme tätä koodia.',
    ignore:
      'Etkö pyytänyt tätä koodia? Voit jättää tämän viestin huomiotta: kukaan ei voi käyttää koodia ilman pääsyä sähköpostiisi.',
    reportPrompt: 'Etkö pyytänyt tätä koodia?',
    reportLink: 'Ilmoita siitä',
    greeting: 'Hei.',
    thisIs: 'Täällä {name}.',
    again: 'Vielä kerran, koodisi on:',
    goodbye: 'Näkemiin.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'Uusi tapa vastaanottaa koodeja lisättiin',
        event: 'Tiliisi lisättiin uusi tapa vastaanottaa koodeja',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'Uusi tapa vastaanottaa koodeja on käytössä',
        event: 'Uusi tapa vastaanottaa koodeja on nyt käytössä tililläsi',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'Tapa vastaanottaa koodeja poistettiin',
        event: 'Tililtäsi poistettiin tapa vastaanottaa koodeja',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Tilisi on tilapäisesti lukittu',
        event: 'Tilisi on lukittu hetkeksi liian monen väärän koodin jälkeen',
        advice: 'Jos et yrittänyt itse, joku saattaa yrittää päästä sisään: ota yhteyttä tukeen.',
      },
      hard_locked: {
        subject: 'Tilisi on lukittu',
        event: 'Tilisi on lukittu liian monen väärän koodin jälkeen',
        advice: 'Ota yhteyttä tukeen lukituksen avaamiseksi.',
      },
      recovery_code_used: {
        subject: 'Palautuskoodia käytettiin',
        event: 'Tilillesi kirjauduttiin palautuskoodilla',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Uudet palautuskoodit luotiin',
        event: 'Tilillesi luotiin uudet palautuskoodit; vanhat eivät enää toimi',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Ilmoitit koodista, jota et pyytänyt',
        event: 'Ilmoitit koodista, jota et pyytänyt. Peruimme sen ja kirjasimme muistetut laitteet ulos',
        advice: 'Jos näin käy uudelleen, ota yhteyttä tukeen.',
      },
      contact_changed: {
        subject: 'Yhteystietosi muuttuivat',
        event: 'Tilisi yhteystiedot muuttuivat',
        advice: SUPPORT,
      },
    },
    warning: 'Emme koskaan soita tai viestitä kysyäksemme koodia.',
    origin: 'Tämä on tietoturvailmoitus[ palvelulta {name}].',
  },
};

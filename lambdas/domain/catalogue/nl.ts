/** Dutch (informal "je", as most Dutch apps write). */
import type { Catalogue } from './types';

const SUPPORT = 'Was jij dit niet? Neem dan meteen contact op met de klantenservice.';

export const nl: Catalogue = {
  locale: 'nl',
  name: 'Nederlands',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} is je inlogcode[ voor {name}].',
      subject: 'Je inlogcode[ voor {name}]',
      email: 'Je inlogcode[ voor {name}] is:',
      voice: 'Je inlogcode is:',
    },
    sensitive_action: {
      sms: '{code} is je code om deze actie te bevestigen[ bij {name}].',
      subject: 'Je code om deze actie te bevestigen[ bij {name}]',
      email: 'Je code om deze actie te bevestigen[ bij {name}] is:',
      voice: 'Je code om deze actie te bevestigen is:',
    },
    enroll: {
      sms: '{code} is je code om dit nummer te bevestigen[ bij {name}].',
      subject: 'Bevestig je e-mailadres[ voor {name}]',
      email: 'Je code om dit e-mailadres te bevestigen[ bij {name}] is:',
      voice: 'Je code om dit nummer te bevestigen is:',
    },
    delivery: {
      sms: '{code} is de code voor je bezorging[ van {name}].',
      subject: 'Je bezorgcode[ van {name}]',
      email: 'De code voor je bezorging[ van {name}] is:',
      voice: 'De code voor je bezorging is:',
    },
    other: {
      sms: '{code} is je verificatiecode[ voor {name}].',
      subject: 'Je verificatiecode[ voor {name}]',
      email: 'Je verificatiecode[ voor {name}] is:',
      voice: 'Je verificatiecode is:',
    },
  },
  code: {
    smsValidity: '{duration} geldig.',
    smsWarning: "We bellen of sms'en je nooit om erom te vragen.",
    smsWarningShort: 'We vragen er nooit om.',
    smsShort: '{code} is je code, {duration} geldig.',
    validity: 'Deze code is {duration} geldig.',
    advice: 'Deel hem met niemand.',
    courierAdvice: 'Geef hem alleen aan de bezorger aan je deur.',
    emailWarning: "We bellen, sms'en of mailen je nooit om naar deze code te vragen.",
    voiceWarning: "We bellen of sms'en je nooit om naar deze code te vragen.",
    ignore:
      'Heb je deze code niet aangevraagd? Dan kun je deze e-mail negeren: zonder toegang tot je inbox kan niemand hem gebruiken.',
    reportPrompt: 'Heb je deze code niet aangevraagd?',
    reportLink: 'Meld het ons',
    greeting: 'Hallo.',
    thisIs: 'Je spreekt met {name}.',
    again: 'Nogmaals, je code is:',
    goodbye: 'Tot ziens.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'Er is een nieuwe manier toegevoegd om codes te ontvangen',
        event: 'Er is een nieuwe manier om codes te ontvangen aan je account toegevoegd',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'Een nieuwe manier om codes te ontvangen is actief',
        event: 'Een nieuwe manier om codes te ontvangen is nu actief op je account',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'Er is een manier om codes te ontvangen verwijderd',
        event: 'Er is een manier om codes te ontvangen uit je account verwijderd',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Je account is tijdelijk geblokkeerd',
        event: 'Je account is even geblokkeerd na te veel foute codes',
        advice:
          'Was jij dit niet? Dan probeert iemand misschien binnen te komen: neem contact op met de klantenservice.',
      },
      hard_locked: {
        subject: 'Je account is geblokkeerd',
        event: 'Je account is geblokkeerd na te veel foute codes',
        advice: 'Neem contact op met de klantenservice om het te deblokkeren.',
      },
      recovery_code_used: {
        subject: 'Er is een herstelcode gebruikt',
        event: 'Er is een herstelcode gebruikt om in te loggen op je account',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'Er zijn nieuwe herstelcodes aangemaakt',
        event: 'Er zijn nieuwe herstelcodes voor je account aangemaakt; de oude werken niet meer',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'Je hebt een code gemeld die je niet had aangevraagd',
        event: 'We hebben de gemelde code ingetrokken en onthouden apparaten afgemeld',
        advice: 'Gebeurt het weer? Neem dan contact op met de klantenservice.',
      },
      contact_changed: {
        subject: 'Je contactgegevens zijn gewijzigd',
        event: 'De contactgegevens van je account zijn gewijzigd',
        advice: SUPPORT,
      },
    },
    warning: "We bellen of sms'en je nooit om een code te vragen.",
    origin: 'Dit is een beveiligingsmelding[ van {name}].',
  },
};

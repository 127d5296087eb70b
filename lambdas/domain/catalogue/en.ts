/** English: the reference catalogue every other language translates. */
import type { Catalogue } from './types';

const SUPPORT = "If this wasn't you, contact support right away.";

export const en: Catalogue = {
  locale: 'en',
  name: 'English',
  dir: 'ltr',
  fullStop: '.',
  sentenceGap: ' ',
  purposes: {
    sign_in: {
      sms: '{code} is your [{name} ]sign-in code.',
      subject: 'Your [{name} ]sign-in code',
      email: 'Your [{name} ]sign-in code is:',
      voice: 'Your sign-in code is:',
    },
    sensitive_action: {
      sms: '{code} is your [{name} ]code to confirm this action.',
      subject: 'Your [{name} ]code to confirm this action',
      email: 'Your [{name} ]code to confirm this action is:',
      voice: 'Your code to confirm this action is:',
    },
    enroll: {
      sms: '{code} is your [{name} ]code to verify this number.',
      subject: 'Verify your email address[ for {name}]',
      email: 'Your [{name} ]code to verify this email address is:',
      voice: 'Your code to verify this number is:',
    },
    delivery: {
      sms: '{code} is your [{name} ]code for your delivery.',
      subject: 'Your [{name} ]delivery code',
      email: 'Your [{name} ]code for your delivery is:',
      voice: 'Your code for your delivery is:',
    },
    other: {
      sms: '{code} is your [{name} ]verification code.',
      subject: 'Your [{name} ]verification code',
      email: 'Your [{name} ]verification code is:',
      voice: 'Your verification code is:',
    },
  },
  code: {
    smsValidity: 'Valid for {duration}.',
    smsWarning: 'We will never call or text you to ask for it.',
    smsWarningShort: 'We never call or text to ask for it.',
    smsShort: '{code} is your code, valid for {duration}.',
    validity: 'This code is valid for {duration}.',
    advice: "Don't share it.",
    courierAdvice: 'Share it only with the courier at your door.',
    emailWarning: 'We will never call, text or email you to ask for this code.',
    voiceWarning: 'We will never call or text you to ask for this code.',
    ignore:
      "Didn't ask for this code? You can ignore this email: nobody can use it without access to your inbox.",
    reportPrompt: "Didn't ask for this code?",
    reportLink: 'Report it',
    greeting: 'Hello.',
    thisIs: 'This is {name}.',
    again: 'Again, your code is:',
    goodbye: 'Goodbye.',
  },
  notice: {
    kinds: {
      factor_added: {
        subject: 'A new way to receive codes was added',
        event: 'A new way to receive codes was added to your account',
        advice: SUPPORT,
      },
      factor_activated: {
        subject: 'A new way to receive codes is now active',
        event: 'A new way to receive codes is now active on your account',
        advice: SUPPORT,
      },
      factor_removed: {
        subject: 'A way to receive codes was removed',
        event: 'A way to receive codes was removed from your account',
        advice: SUPPORT,
      },
      locked: {
        subject: 'Your account is temporarily locked',
        event: 'Your account is locked for a while after too many wrong codes',
        advice: "If this wasn't you, someone may be trying to get in: contact support.",
      },
      hard_locked: {
        subject: 'Your account is locked',
        event: 'Your account is locked after too many wrong codes',
        advice: 'Contact support to unlock it.',
      },
      recovery_code_used: {
        subject: 'A recovery code was used',
        event: 'A recovery code was used to sign in to your account',
        advice: SUPPORT,
      },
      recovery_codes_regenerated: {
        subject: 'New recovery codes were created',
        event: 'New recovery codes were created for your account; the old ones no longer work',
        advice: SUPPORT,
      },
      unrequested_code_reported: {
        subject: 'You reported a code you did not ask for',
        event: 'You reported a code you did not ask for. We canceled it and signed out remembered devices',
        advice: 'If it happens again, contact support.',
      },
      contact_changed: {
        subject: 'Your contact details changed',
        event: 'The contact details of your account changed',
        advice: SUPPORT,
      },
    },
    warning: 'We will never call or text you to ask for a code.',
    origin: 'This is a security notice[ from {name}].',
  },
};

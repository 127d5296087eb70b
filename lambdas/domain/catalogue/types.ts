/**
 * The shape of one language's message catalogue. Every language file exports one
 * `Catalogue`, so a text missing from any language fails the typecheck.
 *
 * Texts are data with three placeholders, filled by the renderers:
 * - `{code}`: the one-time code (SMS only: email and voice place it themselves);
 * - `{duration}`: how long the code lasts, worded by `Intl.NumberFormat` in the language;
 * - `{name}`: the service name. A placeholder inside square brackets, `[ für {name}]`,
 *   marks the words that go with it: the renderers drop the bracketed part whole when
 *   the name is empty or has to go to fit one SMS segment, so every language words
 *   the name where its grammar wants it and still reads well without it.
 */

/** The purposes with their own wording; any caller-defined purpose reads as `other`. */
export const PURPOSE_KEYS = ['sign_in', 'sensitive_action', 'enroll', 'delivery', 'other'] as const;
export type PurposeKey = (typeof PURPOSE_KEYS)[number];

export const NOTICE_KINDS = [
  'factor_added',
  'factor_removed',
  'factor_activated',
  'locked',
  'hard_locked',
  'recovery_code_used',
  'recovery_codes_regenerated',
  'unrequested_code_reported',
  'contact_changed',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface PurposeWords {
  /** The SMS's first sentence: `{code}` and an optional `[… {name} …]`, e.g. "{code} is your [{name} ]sign-in code." */
  readonly sms: string;
  /** Email subject, with an optional `[… {name} …]`. For `enroll` it speaks of an email address. */
  readonly subject: string;
  /** Email line before the code, e.g. "Your [{name} ]sign-in code is:". */
  readonly email: string;
  /** Spoken before the digits, e.g. "Your sign-in code is:". For `enroll` it speaks of a phone number. */
  readonly voice: string;
}

export interface CodeWords {
  /** SMS validity: "Valid for {duration}." */
  readonly smsValidity: string;
  /** The never-ask warning of an SMS. */
  readonly smsWarning: string;
  /** The same promise in fewer characters, used only when nothing else fits one segment. */
  readonly smsWarningShort: string;
  /** The shortest first sentence, code and validity in one, never naming the service, for the tightest SMS: "{code} is your code, valid for {duration}." */
  readonly smsShort: string;
  /** Email and voice validity: "This code is valid for {duration}." */
  readonly validity: string;
  /** "Don't share it." (every purpose but delivery) */
  readonly advice: string;
  /** A delivery code is said to the courier: "Share it only with the courier at your door." */
  readonly courierAdvice: string;
  /** The never-ask warning of an email (call, text or email). */
  readonly emailWarning: string;
  /** The never-ask warning of a call. */
  readonly voiceWarning: string;
  /** Email without report link: the code is harmless to ignore. */
  readonly ignore: string;
  /** Email with report link: "Didn't ask for this code?" */
  readonly reportPrompt: string;
  /** The words of the report link: "Report it" */
  readonly reportLink: string;
  /** Spoken greeting: "Hello." */
  readonly greeting: string;
  /** Spoken after the greeting when there is a name: "This is {name}." */
  readonly thisIs: string;
  /** Before the second reading of the digits: "Again, your code is:" */
  readonly again: string;
  /** "Goodbye." */
  readonly goodbye: string;
}

export interface NoticeWords {
  readonly subject: string;
  /** The event, without the service name and without the final full stop. */
  readonly event: string;
  /** What to do if it was not the owner; the last part to go from a tight SMS. */
  readonly advice: string;
}

export interface NoticeCatalogue {
  readonly kinds: Readonly<Record<NoticeKind, NoticeWords>>;
  /** "We will never call or text you to ask for a code." */
  readonly warning: string;
  /** Email footer and spoken introduction: "This is a security notice[ from {name}]." */
  readonly origin: string;
}

export interface Catalogue {
  /** The BCP 47 tag of these texts, reported as the `locale` a message was written in. */
  readonly locale: string;
  /** The language's own name, for documentation and the dev outbox. */
  readonly name: string;
  /** Writing direction: `rtl` for Arabic and Hebrew. */
  readonly dir: 'ltr' | 'rtl';
  /** What ends a sentence the renderers build: "." in most languages, "。" in Japanese and Chinese, "।" in Hindi. */
  readonly fullStop: string;
  /** What separates sentences: a space, or nothing in Japanese and Chinese. */
  readonly sentenceGap: string;
  readonly purposes: Readonly<Record<PurposeKey, PurposeWords>>;
  readonly code: CodeWords;
  readonly notice: NoticeCatalogue;
}

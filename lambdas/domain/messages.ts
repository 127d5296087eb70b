/**
 * The words users read and hear: one-time-code messages (SMS, email, voice) and
 * security notices to the account owner, as pure functions of their inputs.
 *
 * The texts live in one catalogue per language (./catalogue); the renderers in
 * ./render turn a catalogue into a message for a channel. Every code message says
 * how long the code lasts and that the service will never ask for it (docs/api.md, Policy),
 * because most stolen codes are read out to a caller who pretends to be the service.
 * An SMS is one segment in its encoding (./sms-segments); a call is spoken in the
 * language when a voice exists for it, else in English (./locale).
 */
import type { MessagingConfig } from './messaging';
import type { OutboundMessage } from './outbound-message';
import type { DeliveryChannel } from './channel';
import { CATALOGUES, type Language, type NoticeKind } from './catalogue';
import { spokenLanguage } from './locale';
import { renderCodeEmail, renderNoticeEmail } from './render/email';
import { renderCodeSms, renderNoticeSms } from './render/sms';
import { renderCodeVoice, renderNoticeVoice } from './render/voice';

export { NOTICE_KINDS, type NoticeKind } from './catalogue';
export { escapeHtml, formatDuration } from './render/text';
export { gsm7Length, isGsm7, SMS_MAX_SEPTETS, toGsm7 } from './sms-segments';

export interface CodeMessageInput {
  readonly channel: DeliveryChannel;
  /** E.164 phone number or email address. */
  readonly to: string;
  readonly code: string;
  /** `sign_in`, `sensitive_action`, `enroll`, `delivery` or any caller-defined purpose. */
  readonly purpose: string;
  /** How long the code stays valid, stated in the message. */
  readonly ttlSeconds: number;
  /** Link that lets the owner report an unrequested code (email only). */
  readonly reportUrl?: string;
  /** The language, already chosen (lambdas/domain/locale.ts). @default 'en' */
  readonly locale?: Language;
}

export interface NoticeInput {
  readonly kind: NoticeKind;
  readonly channel: DeliveryChannel;
  readonly to: string;
  /** Already-masked text to mention, such as `+1*******0100`; never a whole destination. */
  readonly detail?: string;
  /** The language, already chosen. @default 'en' */
  readonly locale?: Language;
}

/** The message type that matches a channel, so callers need not narrow the union. */
export type MessageFor<C extends DeliveryChannel> = Extract<OutboundMessage, { channel: C }>;

/**
 * Renders the message that carries a one-time code on the given channel.
 * An SMS whose language cannot fit one segment with the WebOTP line (a long domain
 * in a UCS-2 language) is written in English instead; a RangeError is thrown only
 * when not even English fits (a WebOTP domain of about 50 characters with a 10-digit code).
 */
export function renderCodeMessage<C extends DeliveryChannel>(
  input: CodeMessageInput & { readonly channel: C },
  config: MessagingConfig,
): MessageFor<C>;
export function renderCodeMessage(input: CodeMessageInput, config: MessagingConfig): OutboundMessage {
  const locale = input.locale ?? 'en';
  switch (input.channel) {
    case 'sms': {
      // A WebOTP domain too long for a UCS-2 language still fits a GSM-7 English SMS.
      const sms =
        renderCodeSms(input, config, CATALOGUES[locale]) ?? renderCodeSms(input, config, CATALOGUES.en);
      if (sms !== undefined) return sms;
      throw new RangeError(
        `SMS cannot fit one segment: code of ${input.code.length} digits with WebOTP domain ${config.webOtpDomain ?? ''}`,
      );
    }
    case 'email':
      return renderCodeEmail(input, config, CATALOGUES[locale]);
    case 'voice':
      return renderCodeVoice(input, config, CATALOGUES[spokenLanguage(locale)]);
  }
}

/**
 * The language a code message will be written in, known before its code is: a call is
 * spoken in English where no voice speaks the language, and an SMS falls back to English
 * where the language cannot fit one segment (the fit depends on the code's length, not
 * its digits). This is the `locale` an answer reports.
 */
export function messageLocale(
  input: Omit<CodeMessageInput, 'to' | 'code' | 'reportUrl'> & { readonly codeLength: number },
  config: MessagingConfig,
): Language {
  const locale = input.locale ?? 'en';
  if (input.channel === 'voice') return spokenLanguage(locale);
  if (input.channel === 'email') return locale;
  const probe = { ...input, to: '', code: '0'.repeat(input.codeLength) };
  return renderCodeSms(probe, config, CATALOGUES[locale]) === undefined ? 'en' : locale;
}

/** Renders a security notice for the account owner. It never carries a code. */
export function renderNotice<C extends DeliveryChannel>(
  input: NoticeInput & { readonly channel: C },
  config: MessagingConfig,
): MessageFor<C>;
export function renderNotice(input: NoticeInput, config: MessagingConfig): OutboundMessage {
  const locale = input.locale ?? 'en';
  switch (input.channel) {
    case 'sms': {
      const catalogue = CATALOGUES[locale];
      return renderNoticeSms(input, catalogue.notice.kinds[input.kind], config, catalogue);
    }
    case 'email': {
      const catalogue = CATALOGUES[locale];
      return renderNoticeEmail(input, catalogue.notice.kinds[input.kind], config, catalogue);
    }
    case 'voice': {
      const catalogue = CATALOGUES[spokenLanguage(locale)];
      return renderNoticeVoice(input, catalogue.notice.kinds[input.kind], config, catalogue);
    }
  }
}

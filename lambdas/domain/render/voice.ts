/**
 * Voice renderers: SSML that reads the code digit by digit, twice, then the
 * validity and the warning, in the language of the voice that will speak it.
 */
import type { MessagingConfig } from '../messaging';
import type { VoiceMessage } from '../outbound-message';
import type { Catalogue, NoticeWords } from '../catalogue/types';
import { escapeHtml, fill, formatDuration, plainName, purposeKey } from './text';

// SSML is XML: the same five entities apply.
const escapeXml = escapeHtml;

export interface CodeVoiceInput {
  readonly to: string;
  readonly code: string;
  readonly purpose: string;
  readonly ttlSeconds: number;
}

export function renderCodeVoice(
  input: CodeVoiceInput,
  config: MessagingConfig,
  catalogue: Catalogue,
): VoiceMessage {
  const words = catalogue.code;
  const gap = catalogue.sentenceGap;
  const name = plainName(config.serviceName);
  const purpose = purposeKey(input.purpose);
  const digits = [...input.code];
  const intro = name === '' ? words.greeting : `${words.greeting}${gap}${fill(words.thisIs, { name })}`;
  const lead = catalogue.purposes[purpose].voice;
  const validity = fill(words.validity, {
    name,
    duration: formatDuration(input.ttlSeconds, catalogue.locale),
  });
  const advice = purpose === 'delivery' ? words.courierAdvice : words.advice;
  const closing = [validity, advice, words.voiceWarning, words.goodbye].join(gap);

  // One say-as per character with a pause, so text-to-speech never reads
  // "123456" as a number and the listener has time to write each digit down.
  const spoken = digits
    .map((d) => `<say-as interpret-as="digits">${escapeXml(d)}</say-as><break time="400ms"/>`)
    .join('');
  const ssml =
    `<speak>${escapeXml(intro)} ${escapeXml(lead)} <break time="300ms"/>${spoken}` +
    `<break time="700ms"/>${escapeXml(words.again)} <break time="300ms"/>${spoken}` +
    `<break time="700ms"/>${escapeXml(closing)}</speak>`;

  const listed = digits.join(', ');
  const text = `${intro} ${lead} ${listed}${catalogue.fullStop} ${words.again} ${listed}${catalogue.fullStop} ${closing}`;
  return { channel: 'voice', to: input.to, ssml, text, locale: catalogue.locale };
}

// The detail is left out of a call: text-to-speech reads a mask such as
// `+1*******0100` as a string of "asterisk"s, which helps nobody.
export function renderNoticeVoice(
  input: { readonly to: string },
  wording: NoticeWords,
  config: MessagingConfig,
  catalogue: Catalogue,
): VoiceMessage {
  const name = plainName(config.serviceName);
  const { fullStop, sentenceGap } = catalogue;
  const text = [
    catalogue.code.greeting,
    fill(catalogue.notice.origin, { name }),
    `${wording.event}${fullStop}`,
    wording.advice,
    catalogue.notice.warning,
    catalogue.code.goodbye,
  ].join(sentenceGap);
  return {
    channel: 'voice',
    to: input.to,
    ssml: `<speak>${escapeXml(text)}</speak>`,
    text,
    locale: catalogue.locale,
  };
}

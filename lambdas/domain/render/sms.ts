/**
 * SMS renderers: a code or a notice as one segment in its encoding (docs/api.md, Policy and Messages).
 *
 * A second segment doubles the price and can arrive first, which breaks autofill and
 * the WebOTP line, so the wording shrinks in a fixed order until the text fits: the
 * sharing advice, the blank line before the WebOTP line, the purpose wording, then
 * the service name is cut and dropped, then the shorter warning and the abbreviated
 * duration. The code, the validity, the warning and the WebOTP line never go.
 */
import type { MessagingConfig } from '../messaging';
import type { SmsMessage } from '../outbound-message';
import type { Catalogue, NoticeWords, PurposeKey } from '../catalogue/types';
import { fitsOneSegment, isGsm7, SMS_MAX_SEPTETS, toGsm7, truncateToUnits } from '../sms-segments';
import { fill, formatDuration, plainName, purposeKey, webOtpHost, withDetail } from './text';

/** A name or detail cut shorter than this says nothing; the next step drops it instead. */
const MIN_USEFUL_CUT = 4;

export interface CodeSmsInput {
  readonly to: string;
  readonly code: string;
  readonly purpose: string;
  readonly ttlSeconds: number;
}

interface Shape {
  /** Which first sentence: the purpose's, or the shortest one (which never names the service). */
  readonly purpose: PurposeKey | 'short';
  readonly advice: boolean;
  /** Blank line before the WebOTP line (easier to read) or a plain line break. */
  readonly gap: '\n\n' | '\n';
  readonly warning: 'long' | 'short';
  readonly duration: 'long' | 'short';
}

/**
 * The service name as this language's SMS can carry it: in a GSM-7 language it is
 * made GSM-7 too (one odd character would otherwise turn 160 septets into 70 units).
 */
function smsName(raw: string, gsm7Language: boolean): string {
  const name = gsm7Language ? toGsm7(raw) : plainName(raw);
  return truncateToUnits(name, SMS_MAX_SEPTETS, gsm7Language ? 'GSM-7' : 'UCS-2');
}

/** The first body that fits one segment: candidates come longest and most helpful first. */
function firstThatFits(bodies: Iterable<string>): string | undefined {
  for (const body of bodies) if (fitsOneSegment(body)) return body;
  return undefined;
}

/**
 * The name cut at a word boundary as little as needed for `build` to fit, or undefined
 * when no cut fits or too little would be left: "Northern Territories Savings and Loan
 * Bank" may become "Northern Territories Savings", but "onetime" never "oneti".
 */
function cutName(name: string, build: (name: string) => string): string | undefined {
  const words = name.split(' ');
  for (let keep = words.length - 1; keep >= 1; keep--) {
    const cut = words
      .slice(0, keep)
      .join(' ')
      .replace(/[\s\p{P}\p{S}]+$/u, '');
    if ([...cut].length >= MIN_USEFUL_CUT && fitsOneSegment(build(cut))) return cut;
  }
  return undefined;
}

/** The code SMS in this catalogue's language, or undefined when no wording of it fits one segment. */
export function renderCodeSms(
  input: CodeSmsInput,
  config: MessagingConfig,
  catalogue: Catalogue,
): SmsMessage | undefined {
  const words = catalogue.code;
  const gap = catalogue.sentenceGap;
  const host = webOtpHost(config.webOtpDomain);
  const purpose = purposeKey(input.purpose);

  const durations = {
    long: formatDuration(input.ttlSeconds, catalogue.locale, 'long'),
    short: formatDuration(input.ttlSeconds, catalogue.locale, 'short'),
  };

  const build = (shape: Shape, name: string): string => {
    const duration = durations[shape.duration];
    // The shortest first sentence carries the validity itself.
    const sentences =
      shape.purpose === 'short'
        ? [fill(words.smsShort, { code: input.code, duration, name })]
        : [
            fill(catalogue.purposes[shape.purpose].sms, { code: input.code, name }),
            fill(words.smsValidity, { duration, name }),
          ];
    if (shape.advice) sentences.push(purpose === 'delivery' ? words.courierAdvice : words.advice);
    sentences.push(shape.warning === 'long' ? words.smsWarning : words.smsWarningShort);
    const text = sentences.join(gap);
    // WebOTP (and iOS/Android autofill) read only the last line: `@host #code`.
    return host === undefined ? text : `${text}${shape.gap}@${host} #${input.code}`;
  };

  const full: Shape = { purpose, advice: true, gap: '\n\n', warning: 'long', duration: 'long' };
  const plain: Shape = { ...full, purpose: 'other', advice: false, gap: '\n' };
  const short: Shape = { ...plain, warning: 'short' };
  const compact: Shape = { ...short, purpose: 'short' };
  const shortest: Shape = { ...compact, duration: 'short' };
  const gsm7 = isGsm7(build(full, '')) && isGsm7(build(shortest, ''));
  const name = smsName(config.serviceName, gsm7);

  function* candidates(): Generator<string> {
    yield build(full, name);
    yield build({ ...full, advice: false }, name);
    yield build({ ...full, advice: false, gap: '\n' }, name);
    yield build(plain, name);
    const cut = cutName(name, (n) => build(plain, n));
    if (cut !== undefined) yield build(plain, cut);
    // The name goes before the warning is shortened: the warning is what protects the user.
    yield build(plain, '');
    // With the shorter warning, the purpose's own words come back if they fit.
    yield build({ ...short, purpose }, '');
    yield build(short, '');
    yield build(compact, '');
    yield build(shortest, '');
  }

  const body = firstThatFits(candidates());
  return body === undefined ? undefined : { channel: 'sms', to: input.to, body, locale: catalogue.locale };
}

export interface NoticeSmsInput {
  readonly to: string;
  readonly detail?: string;
}

export function renderNoticeSms(
  input: NoticeSmsInput,
  wording: NoticeWords,
  config: MessagingConfig,
  catalogue: Catalogue,
): SmsMessage {
  const { fullStop, sentenceGap } = catalogue;
  const warning = catalogue.notice.warning;
  const build = (
    serviceName: string,
    d: string,
    advice: boolean,
    warn: boolean,
    event: string = wording.event,
  ): string => {
    const parts = [`${serviceName === '' ? '' : `${serviceName}: `}${withDetail(event, d, fullStop)}`];
    if (advice) parts.push(wording.advice);
    if (warn) parts.push(warning);
    return parts.join(sentenceGap);
  };
  const gsm7 = isGsm7(build('', '', true, true)) && isGsm7(wording.subject);
  const encoding = gsm7 ? 'GSM-7' : 'UCS-2';
  const name = smsName(config.serviceName, gsm7);
  const detail = truncateToUnits(
    gsm7 ? toGsm7(input.detail ?? '') : plainName(input.detail ?? ''),
    SMS_MAX_SEPTETS,
    encoding,
  );

  // Shrinking order: the general warning, then the detail, then the service name;
  // then the event gives way to the subject (the same news, shorter), so that the
  // advice (often "contact support") stays as long as anything can; it goes last.
  function* candidates(): Generator<string> {
    yield build(name, detail, true, true);
    yield build(name, detail, true, false);
    for (let max = detail.length - 1; max >= MIN_USEFUL_CUT; max--) {
      const body = build(name, truncateToUnits(detail, max, encoding), true, false);
      if (fitsOneSegment(body)) {
        yield body;
        break;
      }
    }
    yield build(name, '', true, false);
    const cut = cutName(name, (n) => build(n, '', true, false));
    if (cut !== undefined) yield build(cut, '', true, false);
    yield build('', '', true, false);
    yield build(name, '', true, false, wording.subject);
    yield build('', '', true, false, wording.subject);
    yield build('', '', false, false);
    yield build('', '', false, false, wording.subject);
  }
  const body = firstThatFits(candidates());
  if (body !== undefined) return { channel: 'sms', to: input.to, body, locale: catalogue.locale };
  // Every subject is far below one segment (a unit test checks each language), so the last candidate fits.
  throw new RangeError(`notice (${catalogue.locale}) cannot fit one SMS segment`);
}

/**
 * Email renderers: subject, plain-text and HTML parts in the message's language.
 * The HTML carries the language (`lang`) and, for Arabic and Hebrew, the writing
 * direction (`dir="rtl"`), so mail clients align and shape the text correctly; the
 * code itself is marked left-to-right so its digits never reorder.
 */
import type { MessagingConfig } from '../messaging';
import type { EmailMessage } from '../outbound-message';
import type { Catalogue, NoticeWords } from '../catalogue/types';
import { escapeHtml, fill, formatDuration, plainName, purposeKey, safeLink, withDetail } from './text';

export interface CodeEmailInput {
  readonly to: string;
  readonly code: string;
  readonly purpose: string;
  readonly ttlSeconds: number;
  /** Link that lets the owner report an unrequested code. */
  readonly reportUrl?: string;
}

/** An email paragraph. */
function p(inner: string): string {
  return `<p style="margin:0 0 16px">${inner}</p>`;
}

export function renderCodeEmail(
  input: CodeEmailInput,
  config: MessagingConfig,
  catalogue: Catalogue,
): EmailMessage {
  const words = catalogue.code;
  const gap = catalogue.sentenceGap;
  const name = plainName(config.serviceName);
  const purpose = purposeKey(input.purpose);
  const subject = fill(catalogue.purposes[purpose].subject, { name });
  const lead = fill(catalogue.purposes[purpose].email, { name });
  const validity = fill(words.validity, {
    name,
    duration: formatDuration(input.ttlSeconds, catalogue.locale),
  });
  const advice = purpose === 'delivery' ? words.courierAdvice : words.advice;
  const link = safeLink(input.reportUrl);

  const text = [
    lead,
    '',
    input.code,
    '',
    `${validity}${gap}${advice}`,
    words.emailWarning,
    '',
    link === undefined ? words.ignore : `${words.reportPrompt}${gap}${words.reportLink}: ${link}`,
  ].join('\n');

  const report =
    link === undefined
      ? p(escapeHtml(words.ignore))
      : p(
          `${escapeHtml(words.reportPrompt)}${gap}<a href="${escapeHtml(link)}">${escapeHtml(words.reportLink)}</a>${catalogue.fullStop}`,
        );
  const html = emailHtml(catalogue, subject, [
    p(escapeHtml(lead)),
    // The code is what the reader came for: large, monospaced, easy to copy.
    `<p dir="ltr" style="margin:0 0 16px;font-family:'Courier New',Courier,monospace;font-size:32px;font-weight:bold;letter-spacing:6px"><strong>${escapeHtml(input.code)}</strong></p>`,
    p(`${escapeHtml(validity)}${gap}${escapeHtml(advice)}`),
    p(`<strong>${escapeHtml(words.emailWarning)}</strong>`),
    report,
  ]);

  return { channel: 'email', to: input.to, subject, text, html, locale: catalogue.locale };
}

export interface NoticeEmailInput {
  readonly to: string;
  readonly detail?: string;
}

export function renderNoticeEmail(
  input: NoticeEmailInput,
  wording: NoticeWords,
  config: MessagingConfig,
  catalogue: Catalogue,
): EmailMessage {
  const name = plainName(config.serviceName);
  const detail = input.detail === undefined ? undefined : plainName(input.detail);
  const subject = name === '' ? wording.subject : `${name}: ${wording.subject}`;
  const event = withDetail(wording.event, detail, catalogue.fullStop);
  const origin = fill(catalogue.notice.origin, { name });
  const warning = catalogue.notice.warning;

  const text = [event, '', wording.advice, warning, '', origin].join('\n');
  const html = emailHtml(catalogue, subject, [
    p(`<strong>${escapeHtml(event)}</strong>`),
    p(escapeHtml(wording.advice)),
    p(escapeHtml(warning)),
    `<p style="margin:0;color:#59636e;font-size:13px">${escapeHtml(origin)}</p>`,
  ]);
  return { channel: 'email', to: input.to, subject, text, html, locale: catalogue.locale };
}

/** The HTML document around an email's paragraphs: one layout for codes and notices. */
function emailHtml(catalogue: Catalogue, subject: string, paragraphs: readonly string[]): string {
  const dir = catalogue.dir === 'rtl' ? ' dir="rtl"' : '';
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(catalogue.locale)}"${dir}>`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    `<body${dir} style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;background:#ffffff">`,
    '<div style="max-width:480px;margin:0 auto">',
    ...paragraphs,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

/**
 * The development outbox and demo under `/_dev` (local only; never part of the
 * deployed API): the outbox page and its JSON, a sent email's HTML in a sandbox, and
 * the demo page. Answers only to a local host name, against DNS rebinding.
 */
import { DomainError, InvalidRequestError, NotFoundError } from '../lambdas/domain/errors';
import { DEMO_PAGE_CSP, demoPageHtml } from './demo-page';
import { methodNotAllowed, problemPlain, type LocalApp, type PlainResponse } from './local-app';
import { EMAIL_HTML_CSP, OUTBOX_PAGE_CSP, OUTBOX_PAGE_HTML } from './outbox-page';

const DEV_PAGE = /^\/_dev\/?$/;
const DEV_DEMO = /^\/_dev\/demo\/?$/;
const DEV_OUTBOX = /^\/_dev\/outbox\/?$/;
const DEV_EMAIL_HTML = /^\/_dev\/outbox\/([0-9A-Z]{26})\/html$/;
const OUTBOX_DEFAULT_LIMIT = 50;
const OUTBOX_MAX_LIMIT = 500;

/** 403 for a `/_dev` request addressed to a host name that is not this machine's. */
class NotLocalHostError extends DomainError {
  readonly code = 'forbidden';
  readonly title = 'Forbidden';
  constructor() {
    super('The development outbox answers only to a local host name (localhost, 127.0.0.1, [::1]).');
  }
}

/** The route template a `/_dev` path is logged as. */
export function devTemplate(path: string): string {
  if (DEV_PAGE.test(path)) return '/_dev/';
  if (DEV_DEMO.test(path)) return '/_dev/demo';
  if (DEV_EMAIL_HTML.test(path)) return '/_dev/outbox/{id}/html';
  if (DEV_OUTBOX.test(path)) return '/_dev/outbox';
  return '(no route)';
}

export function devRoute(
  method: string,
  path: string,
  query: Record<string, string>,
  hostHeader: string | undefined,
  boundHost: string,
  app: LocalApp,
  demoApiKey: string,
): PlainResponse {
  // Guard against DNS rebinding: a web page on another origin that resolves its own
  // name to 127.0.0.1 could otherwise read codes from the outbox.
  if (!hostAllowed(hostHeader, boundHost)) {
    return problemPlain(new NotLocalHostError());
  }
  if (DEV_PAGE.test(path)) {
    if (method !== 'GET') return methodNotAllowed('GET');
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': OUTBOX_PAGE_CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      },
      body: OUTBOX_PAGE_HTML,
    };
  }
  if (DEV_DEMO.test(path)) {
    if (method !== 'GET') return methodNotAllowed('GET');
    return htmlPage(demoPageHtml(demoApiKey), DEMO_PAGE_CSP);
  }
  const emailHtml = DEV_EMAIL_HTML.exec(path);
  if (emailHtml) {
    if (method !== 'GET') return methodNotAllowed('GET');
    const html = app.outbox.get(emailHtml[1] as string)?.html;
    if (html === undefined) return problemPlain(new NotFoundError('No such email in the outbox.'));
    return htmlPage(html, EMAIL_HTML_CSP);
  }
  if (DEV_OUTBOX.test(path)) {
    if (method === 'DELETE') {
      app.outbox.clear();
      return { statusCode: 204, headers: { 'cache-control': 'no-store' }, body: '' };
    }
    if (method !== 'GET') return methodNotAllowed('GET, DELETE');
    const limit = parseLimit(query.limit);
    if (limit instanceof DomainError) return problemPlain(limit);
    const to = query.to?.trim() ? query.to : undefined;
    const messages = app.outbox.list({ limit, ...(to === undefined ? {} : { to }) }).map((m) => ({
      id: m.id,
      channel: m.channel,
      to: m.to,
      ...(m.subject === undefined ? {} : { subject: m.subject }),
      body: m.body,
      locale: m.locale,
      sentAt: m.sentAt,
    }));
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      body: JSON.stringify({ messages }),
    };
  }
  return problemPlain(new NotFoundError('No such route.'));
}

function htmlPage(body: string, csp: string): PlainResponse {
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
    body,
  };
}

function parseLimit(raw: string | undefined): number | InvalidRequestError {
  if (raw === undefined || raw === '') return OUTBOX_DEFAULT_LIMIT;
  const value = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (value >= 1 && value <= OUTBOX_MAX_LIMIT) return value;
  return new InvalidRequestError('The query parameter limit is invalid.', [
    { path: '/query/limit', message: `must be a whole number from 1 to ${OUTBOX_MAX_LIMIT}` },
  ]);
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

function hostAllowed(hostHeader: string | undefined, boundHost: string): boolean {
  // Listening on every interface is the developer's explicit choice to be reachable.
  if (boundHost === '0.0.0.0' || boundHost === '::') return true;
  if (hostHeader === undefined) return false;
  const name = hostHeader.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  const bound = boundHost.includes(':') ? `[${boundHost.toLowerCase()}]` : boundHost.toLowerCase();
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost') || name === bound;
}

/**
 * The local HTTP server: turns `node:http` requests into plain requests for the
 * local app (the same Lambda handlers as in AWS) and serves the development outbox
 * under `/_dev` (docs/api.md, "Local server"). It is the one place that meets raw sockets, so it owns
 * what API Gateway does in front of a deployed stack: a hard cap on the request
 * body, and a problem-JSON answer for anything unexpected instead of a crash.
 *
 * Logging: one line per request — method, route *template*, status, milliseconds —
 * and nothing else. Never a raw path, query, header or body: those carry user ids,
 * destinations and codes; developers read codes in the outbox, not the console.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import type { AddressInfo } from 'node:net';

import { PayloadTooLargeError } from '../lambdas/domain/errors';
import { MAX_BODY_BYTES } from '../lambdas/http/middleware/json-body';

import { internalErrorResponse } from '../lambdas/http/problem-response';

import { plain, problemPlain, type LocalApp, type PlainResponse } from './local-app';
import { devRoute, devTemplate } from './dev-routes';

import { matchRoute } from './router';

export interface LocalServerOptions {
  /** TCP port; 0 picks a free one (read the chosen one from `url`). */
  readonly port: number;
  /**
   * Interface to listen on. The outbox shows whole codes without an API key, so the
   * default keeps it on this machine. @default '127.0.0.1'
   */
  readonly host?: string;
  readonly app: LocalApp;
  /**
   * The API key the demo sign-in page (`/_dev/demo`) calls the API with: the local
   * server's own. Without it the page's calls answer 401.
   */
  readonly demoApiKey?: string;
  /**
   * Where the per-request line goes; `false` for none (tests).
   * @default a line on stdout
   */
  readonly requestLog?: false | ((line: string) => void);
}

export interface LocalServer {
  /** `http://host:port`, without a trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The server stops reading a body this far past the handlers' 16 KiB limit. The
 * handlers' own check stays the single rule for what is too large; this cap only
 * keeps a flood from being buffered.
 */
export const READ_CAP_BYTES = MAX_BODY_BYTES + 1024;

/** How long close() lets requests in flight finish before cutting their connections. */
const CLOSE_GRACE_MS = 2_000;

const DEV_PREFIX = /^\/_dev(\/|$)/;

/** The body passed READ_CAP_BYTES (or announced it would): answer 413. */
class BodyTooLarge extends Error {}

/** The client went away before its request was complete: nobody is left to answer. */
class ClientGone extends Error {}

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const host = options.host ?? '127.0.0.1';
  const requestLog =
    options.requestLog === false
      ? undefined
      : (options.requestLog ?? ((line: string) => void process.stdout.write(`${line}\n`)));

  const server = createServer();
  // Node's defaults (5 min per request, 1 min for headers) are generous for a local tool;
  // shorter ones keep a stalled client from pinning a connection.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res, options, host, requestLog);
  });
  // `Expect: 100-continue`: refuse an announced oversize body before the client sends it.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (declaredLength(req) <= READ_CAP_BYTES) res.writeContinue();
    void handle(req, res, options, host, requestLog);
  });
  // Malformed HTTP never reaches 'request'; answer it as problem JSON rather than Node's bare 400.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, reason, code, detail] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'headers_too_large', 'The request headers are too large.']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'request_timeout', 'The request took too long to arrive.']
          : [400, 'Bad Request', 'invalid_request', 'The request is not valid HTTP/1.1.'];
    const body = JSON.stringify({ type: `urn:onetime:problem:${code}`, status, code, title: reason, detail });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/problem+json\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Errors after start-up (there are none expected) must not crash the process.
  server.on('error', () => undefined);

  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${shownHost}:${address.port}`, close: () => closeServer(server) };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: LocalServerOptions,
  host: string,
  requestLog: ((line: string) => void) | undefined,
): Promise<void> {
  // `handle` runs detached from Node's 'request' event: anything escaping it would be an
  // unhandled rejection, which ends the process. Hence a last-resort catch around all of it.
  try {
    await answer(req, res, options, host, requestLog);
  } catch {
    res.destroy();
  }
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  options: LocalServerOptions,
  host: string,
  requestLog: ((line: string) => void) | undefined,
): Promise<void> {
  const started = process.hrtime.bigint();
  const app = options.app;
  // A client that goes away mid-request must not become an unhandled 'error'.
  req.on('error', () => undefined);
  res.on('error', () => undefined);

  const method = /^[A-Z]{1,16}$/.test(req.method ?? '') ? (req.method as string) : 'UNKNOWN';
  let template = '(no route)';
  let failure: string | undefined;
  let response: PlainResponse | undefined;
  try {
    const { path, query } = splitTarget(req.url ?? '/');
    if (DEV_PREFIX.test(path)) {
      template = devTemplate(path);
      await readBody(req); // the /_dev routes take none: read (bounded) and dropped
      response = devRoute(method, path, query, req.headers.host, host, app, options.demoApiKey ?? '');
    } else {
      template = templateOf(method, path);
      const body = await readBody(req);
      response = await app.dispatch({ method, path, query, headers: lowerCaseHeaders(req), body });
    }
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      response = tooLarge(req);
    } else if (error instanceof ClientGone) {
      res.destroy();
    } else {
      // Only the error's class: a message can quote input (JSON.parse does).
      failure = error instanceof Error ? error.constructor.name : typeof error;
      response = plain(internalErrorResponse());
    }
  }
  if (response) send(res, response);
  if (requestLog) {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const note = failure ? ` (${failure})` : '';
    try {
      requestLog(`${method} ${template} ${response?.statusCode ?? 'aborted'} ${ms.toFixed(1)}ms${note}`);
    } catch {
      // A broken log sink (closed stdout) must not take the server down.
    }
  }
}

/** Path and query of a request target; absolute-form targets (proxies) are reduced to theirs. */
function splitTarget(target: string): { path: string; query: Record<string, string> } {
  let raw = target;
  if (!raw.startsWith('/')) {
    try {
      const url = new URL(raw);
      raw = `${url.pathname}${url.search}`;
    } catch {
      raw = '/';
    }
  }
  const at = raw.indexOf('?');
  const path = at === -1 ? raw : raw.slice(0, at);
  // fromEntries defines own properties, so `?__proto__=x` is just a key; the last value wins, as in API Gateway.
  const query = at === -1 ? {} : Object.fromEntries(new URLSearchParams(raw.slice(at + 1)));
  return { path, query };
}

/** The resource template of the route the path belongs to, for the log line only. */
function templateOf(method: string, path: string): string {
  const match = matchRoute(method, path);
  if (match.kind === 'route') return match.route.resource;
  if (match.kind === 'method_not_allowed' && match.allowed[0]) {
    const other = matchRoute(match.allowed[0], path);
    if (other.kind === 'route') return other.route.resource;
  }
  return '(no route)';
}

/** Header names lower-cased (Node already does; API Gateway does not promise it); repeats joined. */
function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    Object.defineProperty(headers, name.toLowerCase(), {
      value: Array.isArray(value) ? value.join(', ') : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return headers;
}

function declaredLength(req: IncomingMessage): number {
  const raw = req.headers['content-length'];
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : 0;
}

/**
 * The body as text, or null when there is none (as API Gateway gives it). Stops at
 * READ_CAP_BYTES without keeping what follows: throws BodyTooLarge.
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (declaredLength(req) > READ_CAP_BYTES) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    const onData = (chunk: Buffer) => {
      if (over) return; // discarded: the answer is already decided
      size += chunk.length;
      if (size > READ_CAP_BYTES) {
        over = true;
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      if (!over) resolve(size === 0 ? null : Buffer.concat(chunks, size).toString('utf8'));
    });
    // Aborted by the client: settle anyway, so the handler ends.
    req.once('close', () => {
      if (!req.complete && !over) reject(new ClientGone());
    });
  });
}

/**
 * 413 with `Connection: close`: the rest of the body is never read and the connection
 * is not reused, so leftover bytes cannot be taken for a next request. Until Node
 * closes the socket, arriving data keeps flowing into readBody's discarding listener
 * (a paused socket that is then closed with unread data can reset the connection
 * before the client has read this answer).
 */
function tooLarge(req: IncomingMessage): PlainResponse {
  req.resume();
  const response = problemPlain(new PayloadTooLargeError(MAX_BODY_BYTES));
  return { ...response, headers: { ...response.headers, connection: 'close' } };
}

function send(res: ServerResponse, response: PlainResponse): void {
  if (res.headersSent || res.destroyed) return;
  try {
    for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
    const bodyless = response.statusCode === 204 || response.statusCode === 304;
    const body = bodyless ? '' : response.body;
    res.setHeader('content-length', Buffer.byteLength(body));
    res.writeHead(response.statusCode);
    res.end(body);
  } catch {
    // An invalid header from a handler is a bug; answer 500 if the head is not out yet.
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const fallback = plain(internalErrorResponse());
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.writeHead(500, { ...fallback.headers, 'content-length': Buffer.byteLength(fallback.body) });
    res.end(fallback.body);
  }
}

async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections with nothing in flight would otherwise hold close() open.
  server.closeIdleConnections();
  const grace = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
  grace.unref();
  await closed;
  clearTimeout(grace);
}

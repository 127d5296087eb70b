/**
 * The demo sign-in page served at `/_dev/demo` by the local server: the reference
 * front end for integrators. Enter a user id and a phone or email; the page enrols
 * it (the first code activates it), then signs in with a code. It shows what a good
 * code screen does: a code input with `autocomplete="one-time-code"` and
 * `inputmode="numeric"` sized by `codeLength`, WebOTP where the browser has it, a
 * resend button counting down from `resendAvailableAt`, "try another way" from the
 * user's other factors and a failed send's `alternatives`, and every problem in
 * plain words (`attemptsRemaining`, `lockedUntil`).
 *
 * In production the browser talks to your backend and your backend to onetime; the
 * API key never reaches a browser. Here, on the developer's own machine, the page
 * calls the local API itself with the development key, which the server writes into
 * the page. One self-contained string, inline script and style allowed by hash, text
 * only ever set with textContent.
 */
import { createHash } from 'node:crypto';

const STYLE = `
:root { color-scheme: light dark; --bg: #f4f5f7; --card: #fff; --ink: #1d1f23; --muted: #6b7280; --line: #d9dce1;
  --accent: #0a7cff; --bad: #d93025; --good: #188038; }
@media (prefers-color-scheme: dark) { :root { --bg: #16181c; --card: #1f2227; --ink: #e8eaed; --muted: #9aa0a6;
  --line: #33373d; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg);
  color: var(--ink); display: flex; justify-content: center; padding: 40px 16px; }
main { width: 100%; max-width: 420px; background: var(--card); border: 1px solid var(--line); border-radius: 14px;
  padding: 24px 28px; }
h1 { font-size: 22px; margin: 0 0 4px; }
.note { color: var(--muted); font-size: 12px; margin: 0 0 20px; }
label { display: block; font-weight: 600; margin: 14px 0 4px; }
input { font: inherit; width: 100%; padding: 9px 11px; border: 1px solid var(--line); border-radius: 8px;
  background: var(--bg); color: var(--ink); }
input#code { font-size: 24px; letter-spacing: .35em; font-variant-numeric: tabular-nums; text-align: center; }
button { font: inherit; padding: 9px 14px; border-radius: 8px; border: 1px solid var(--line); background: var(--bg);
  color: var(--ink); cursor: pointer; margin-top: 14px; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; width: 100%; }
button:disabled { opacity: .55; cursor: default; }
.row { display: flex; gap: 8px; flex-wrap: wrap; }
#message { min-height: 1.5em; margin: 16px 0 0; }
#message.bad { color: var(--bad); }
#message.good { color: var(--good); }
#other-ways button { font-size: 13px; }
ul.codes { columns: 2; font-family: ui-monospace, monospace; }
[hidden] { display: none !important; }
`;

const SCRIPT = `
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const key = document.querySelector('meta[name="onetime-dev-key"]').content;
  const state = { userId: '', destination: '', type: 'sms', factorId: null, mode: 'activate', resendAt: 0, timer: null, otp: null };

  function say(text, kind) {
    const m = $('message');
    m.textContent = text;
    m.className = kind || '';
  }

  function newKey() {
    return (crypto.randomUUID && crypto.randomUUID()) || String(Date.now()) + Math.random().toString(16).slice(2);
  }

  // One call to the local API; problems come back as { problem } with the problem JSON.
  async function api(method, path, body, idempotent) {
    const headers = { 'x-api-key': key };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotent) headers['idempotency-key'] = newKey();
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const json = text ? JSON.parse(text) : {};
    return response.ok ? { status: response.status, body: json } : { status: response.status, problem: json };
  }

  const user = () => '/v1/users/' + encodeURIComponent(state.userId);
  const time = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const channelWords = { sms: 'a text message', voice: 'a phone call', email: 'email' };

  // Every problem in plain words; the machine-readable code decides, never the detail.
  function explain(p) {
    switch (p.code) {
      case 'code_incorrect':
        return p.attemptsRemaining === 1
          ? "That code isn't right. You have 1 try left before a short lock."
          : "That code isn't right. You have " + p.attemptsRemaining + ' tries left.';
      case 'code_superseded':
        return 'That code was replaced by a newer one: enter the latest code we sent. This try did not count.';
      case 'code_expired':
        return 'That code has expired. Send a new one.';
      case 'code_already_used':
        return 'That code was already used. Send a new one.';
      case 'no_pending_challenge':
        return 'There is no code waiting to be entered. Send a new one.';
      case 'locked':
        return p.lockedUntil
          ? 'Too many wrong codes. You can try again at ' + time(p.lockedUntil) + '.'
          : 'Too many wrong codes. This account stays locked until support unlocks it.';
      case 'resend_too_soon':
        return 'A code was just sent. You can ask for another at ' + time(p.resendAvailableAt) + '.';
      case 'send_limit_exceeded':
        return 'Too many codes were sent for now. Try again later.';
      case 'delivery_failed':
        return 'We could not send the code by ' + (channelWords[p.channel] || p.channel) + '.' +
          (p.alternatives && p.alternatives.length ? ' Try another way below.' : '');
      case 'invalid_phone_number':
      case 'invalid_email':
        return p.detail;
      default:
        return p.detail || 'Something went wrong (' + p.code + ').';
    }
  }

  function countdown(resendAvailableAt) {
    state.resendAt = Date.parse(resendAvailableAt) || Date.now();
    clearInterval(state.timer);
    const tick = () => {
      const left = Math.ceil((state.resendAt - Date.now()) / 1000);
      const button = $('resend');
      button.disabled = left > 0;
      button.textContent = left > 0 ? 'Resend code in ' + left + ' s' : 'Resend code';
      if (left <= 0) clearInterval(state.timer);
    };
    tick();
    state.timer = setInterval(tick, 1000);
  }

  // WebOTP: Chrome on Android offers the code of an SMS that ends with "@<domain> #<code>".
  function listenForSms() {
    if (!('OTPCredential' in window) || !navigator.credentials) return;
    if (state.otp) state.otp.abort();
    state.otp = new AbortController();
    navigator.credentials.get({ otp: { transport: ['sms'] }, signal: state.otp.signal }).then((otp) => {
      if (otp && otp.code) {
        $('code').value = otp.code;
        $('verify').requestSubmit();
      }
    }).catch(() => undefined);
  }

  async function showOtherWays(extra) {
    const box = $('other-ways');
    box.replaceChildren();
    if (state.mode !== 'verify') return;
    const listed = await api('GET', user() + '/factors');
    const ways = (extra || []).concat((listed.body && listed.body.factors || [])
      .filter((f) => f.status === 'active' && f.type !== 'totp' && f.factorId !== state.factorId)
      .map((f) => ({ factorId: f.factorId, channel: f.type, destinationMasked: f.destinationMasked })));
    const seen = new Set();
    for (const way of ways) {
      if (seen.has(way.factorId)) continue;
      seen.add(way.factorId);
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Try another way: ' + (channelWords[way.channel] || way.channel) + ' to ' + way.destinationMasked;
      button.addEventListener('click', () => sendChallenge({ factorId: way.factorId }));
      box.appendChild(button);
    }
  }

  function showCodeForm(challenge) {
    state.factorId = challenge.factorId;
    $('start').hidden = true;
    $('done').hidden = true;
    $('verify').hidden = false;
    const length = challenge.codeLength || 6;
    const input = $('code');
    input.value = '';
    input.maxLength = length;
    input.size = length;
    input.placeholder = '\\u2022'.repeat(length);
    input.pattern = '[0-9]{' + length + '}';
    $('sent-to').textContent = (state.mode === 'activate' ? 'To confirm it is yours, we sent a code by ' : 'We sent a code by ') +
      (channelWords[challenge.channel] || challenge.channel) + ' to ' + challenge.destinationMasked +
      '. It works until ' + time(challenge.expiresAt) + '.';
    countdown(challenge.resendAvailableAt);
    listenForSms();
    input.focus();
    showOtherWays();
  }

  async function sendChallenge(body) {
    say('Sending\\u2026');
    const sent = await api('POST', user() + '/challenges', body || {}, true);
    if (sent.problem) {
      say(explain(sent.problem), 'bad');
      if (sent.problem.code === 'resend_too_soon') countdown(sent.problem.resendAvailableAt);
      if (sent.problem.code === 'delivery_failed') showOtherWays(sent.problem.alternatives);
      return;
    }
    state.mode = 'verify';
    say('');
    showCodeForm(sent.body);
  }

  async function enrol() {
    say('Sending\\u2026');
    const added = await api('POST', user() + '/factors', { type: state.type, destination: state.destination }, true);
    if (added.problem) {
      say(explain(added.problem), 'bad');
      if (added.problem.code === 'resend_too_soon') countdown(added.problem.resendAvailableAt);
      return;
    }
    if (added.status === 200) {
      // Already verified: this is a sign-in.
      state.factorId = added.body.factor.factorId;
      return sendChallenge({ factorId: state.factorId });
    }
    state.mode = 'activate';
    say('');
    showCodeForm(added.body.challenge);
  }

  $('start').addEventListener('submit', (event) => {
    event.preventDefault();
    state.userId = $('user').value.trim();
    state.destination = $('destination').value.trim();
    state.type = state.destination.includes('@') ? 'email' : 'sms';
    enrol();
  });

  $('resend').addEventListener('click', () => (state.mode === 'activate' ? enrol() : sendChallenge({ factorId: state.factorId })));

  $('verify').addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = $('code').value.trim();
    if (code === '') return say('Enter the code we sent.', 'bad');
    $('submit').disabled = true;
    const answer = state.mode === 'activate'
      ? await api('POST', user() + '/factors/' + encodeURIComponent(state.factorId) + '/activate', { code })
      : await api('POST', user() + '/verify', { code });
    $('submit').disabled = false;
    if (answer.problem) {
      say(explain(answer.problem), 'bad');
      $('code').select();
      return;
    }
    if (state.otp) state.otp.abort();
    clearInterval(state.timer);
    $('verify').hidden = true;
    $('done').hidden = false;
    const codes = $('recovery');
    codes.replaceChildren();
    if (state.mode === 'activate') {
      $('done-text').textContent = 'Verified: ' + answer.body.factor.destinationMasked + ' can now receive sign-in codes.';
      for (const c of answer.body.recoveryCodes || []) {
        const li = document.createElement('li');
        li.textContent = c;
        codes.appendChild(li);
      }
      $('recovery-note').hidden = !(answer.body.recoveryCodes || []).length;
      $('sign-in').hidden = false;
      say('');
    } else {
      $('done-text').textContent = 'You are signed in.';
      $('recovery-note').hidden = true;
      $('sign-in').hidden = true;
      say('Signed in with ' + answer.body.method + '.', 'good');
    }
  });

  $('sign-in').addEventListener('click', () => sendChallenge({}));
})();
`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page, with the local server's API key written into it (see the module comment). */
export function demoPageHtml(apiKey: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="onetime-dev-key" content="${escapeAttribute(apiKey)}">
<title>onetime · demo sign-in</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<main>
  <h1>Sign in</h1>
  <p class="note">Demo front end of the local server. Codes land in the <a href="/_dev/" target="outbox">outbox</a>.
  In production your backend calls onetime; the API key never reaches a browser.</p>
  <form id="start">
    <label for="user">User id</label>
    <input id="user" name="user" required value="demo-user" autocomplete="username">
    <label for="destination">Phone number or email</label>
    <input id="destination" name="destination" required placeholder="+14155550100 or you@example.com" autocomplete="tel">
    <button id="send" class="primary" type="submit">Send me a code</button>
  </form>
  <form id="verify" hidden>
    <p id="sent-to"></p>
    <label for="code">Code</label>
    <input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" required>
    <button id="submit" class="primary" type="submit">Continue</button>
    <div class="row"><button id="resend" type="button" disabled>Resend code</button></div>
    <div id="other-ways" class="row"></div>
  </form>
  <section id="done" hidden>
    <p id="done-text"></p>
    <p id="recovery-note" hidden>Keep these recovery codes somewhere safe; each works once if you lose your phone:</p>
    <ul id="recovery" class="codes"></ul>
    <button id="sign-in" class="primary" type="button" hidden>Sign in now</button>
  </section>
  <p id="message" role="alert"></p>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** Its own inline script and style by hash, requests to its own origin only. */
export const DEMO_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The development outbox page served at `/_dev/` by the local server: SMS and voice
 * messages drawn as a phone, email as a mail client, refreshed every two seconds
 * from `/_dev/outbox`. One self-contained HTML string (inline CSS and JS, nothing
 * fetched from elsewhere) so it works offline and needs no build step.
 *
 * Message text is attacker-controlled in the sense that it echoes what callers
 * sent (labels, addresses), so the script only ever puts it into the DOM with
 * `textContent` / text nodes, never `innerHTML`; the Content-Security-Policy below
 * allows exactly this page's script and style (by hash) and same-origin fetches.
 */
import { createHash } from 'node:crypto';

const STYLE = `
:root { color-scheme: light dark; --bg: #f4f5f7; --card: #fff; --ink: #1d1f23; --muted: #6b7280; --line: #d9dce1;
  --bubble: #e9e9eb; --accent: #0a7cff; --mark: #fff3b0; }
@media (prefers-color-scheme: dark) { :root { --bg: #16181c; --card: #1f2227; --ink: #e8eaed; --muted: #9aa0a6;
  --line: #33373d; --bubble: #2c2f35; --mark: #5c4d00; } }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg);
  color: var(--ink); }
header { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 12px 20px;
  border-bottom: 1px solid var(--line); background: var(--card); position: sticky; top: 0; z-index: 1; }
header h1 { font-size: 16px; margin: 0 12px 0 0; }
header input { font: inherit; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; min-width: 240px;
  background: var(--bg); color: var(--ink); }
header button { font: inherit; padding: 5px 12px; border: 1px solid var(--line); border-radius: 6px;
  background: var(--bg); color: var(--ink); cursor: pointer; }
#status { color: var(--muted); font-size: 12px; margin-left: auto; }
#status.error { color: #d93025; }
main { display: grid; grid-template-columns: minmax(300px, 380px) 1fr; gap: 24px; padding: 20px; align-items: start; }
@media (max-width: 800px) { main { grid-template-columns: 1fr; } }
h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 0 0 8px; }
.phone { border: 10px solid #111; border-radius: 36px; background: var(--card); height: 640px; display: flex;
  flex-direction: column; overflow: hidden; }
.phone .notch { height: 22px; display: flex; justify-content: center; }
.phone .notch span { width: 90px; height: 18px; background: #111; border-radius: 0 0 12px 12px; }
.thread { flex: 1; overflow-y: auto; padding: 8px 12px 16px; display: flex; flex-direction: column-reverse; gap: 10px; }
.msg .meta { font-size: 11px; color: var(--muted); margin: 0 4px 2px; }
.bubble { background: var(--bubble); border-radius: 18px; padding: 8px 12px; max-width: 92%; white-space: pre-wrap;
  overflow-wrap: anywhere; }
.call { border: 1px solid var(--line); border-radius: 14px; padding: 8px 12px; white-space: pre-wrap;
  overflow-wrap: anywhere; }
.call .label { font-weight: 600; display: block; margin-bottom: 4px; }
mark { background: var(--mark); color: inherit; border-radius: 3px; padding: 0 2px; font-weight: 600;
  font-variant-numeric: tabular-nums; }
.mail { display: grid; grid-template-columns: minmax(200px, 300px) 1fr; border: 1px solid var(--line);
  border-radius: 10px; background: var(--card); min-height: 640px; overflow: hidden; }
.inbox { border-right: 1px solid var(--line); overflow-y: auto; max-height: 640px; }
.inbox button { display: block; width: 100%; text-align: left; font: inherit; color: inherit; background: none;
  border: 0; border-bottom: 1px solid var(--line); padding: 10px 12px; cursor: pointer; }
.inbox button[aria-selected="true"] { background: var(--bubble); }
.inbox .to, .reader .to { font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
.inbox .subject { font-weight: 600; overflow-wrap: anywhere; }
.reader { padding: 16px 20px; overflow-y: auto; max-height: 640px; }
.reader h3 { margin: 0 0 4px; font-size: 18px; overflow-wrap: anywhere; }
.reader .body { white-space: pre-wrap; overflow-wrap: anywhere; margin-top: 8px; }
.reader h4 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 16px 0 0; }
.reader iframe { width: 100%; height: 420px; border: 1px solid var(--line); border-radius: 8px; background: #fff;
  margin-top: 8px; }
.call .heard { display: block; margin-bottom: 6px; }
.call .heard mark { font-size: 18px; letter-spacing: .15em; }
.empty { color: var(--muted); padding: 16px; text-align: center; }
`;

const SCRIPT = `
'use strict';
(() => {
  const REFRESH_MS = 2000;
  const CODE = /(\\b\\d{4,10}\\b)/;
  const RTL = /^(ar|he|fa|ur)(-|$)/i;
  // A voice call reads the code digit by digit ("1, 2, 3, 4, 5, 6"): such a run is a code too.
  const SPOKEN = /(\\b\\d(?:[,.\\s]+\\d){3,9}\\b)/;
  const $ = (id) => document.getElementById(id);
  const status = $('status'), thread = $('thread'), inbox = $('inbox'), reader = $('reader'), filter = $('filter');
  let signature = '', selected = null, timer = null, emails = [];

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The text as text nodes, with every digit run that looks like a code in a <mark>.
  function withCodes(parent, text, pattern) {
    const re = pattern || CODE;
    for (const part of String(text).split(re)) {
      if (part === '') continue;
      parent.appendChild(re.test(part) ? el('mark', '', part) : document.createTextNode(part));
    }
    return parent;
  }

  // The language tag as the page shows it: "de", "ar (right to left)".
  function language(m) {
    const tag = typeof m.locale === 'string' && m.locale !== '' ? m.locale : 'en';
    return RTL.test(tag) ? tag + ' (right to left)' : tag;
  }

  // Text in the message's language: the browser picks fonts by lang and lays out by dir.
  function inLanguage(node, m) {
    if (typeof m.locale === 'string' && m.locale !== '') node.lang = m.locale;
    node.dir = 'auto';
    return node;
  }

  // The code a call reads out, digits joined: the first spoken run of the transcript.
  function heardCode(text) {
    const run = SPOKEN.exec(String(text));
    return run ? run[1].replace(/\\D/g, '') : null;
  }

  function when(iso) {
    const d = new Date(iso);
    return isNaN(d.getTime()) ? String(iso) : d.toLocaleTimeString();
  }

  function renderPhone(messages) {
    thread.replaceChildren();
    const phoneMessages = messages.filter((m) => m.channel !== 'email');
    if (phoneMessages.length === 0) thread.appendChild(el('p', 'empty', 'No text messages or calls yet.'));
    // The thread is column-reverse, so the newest (first) message sits at the bottom.
    for (const m of phoneMessages) {
      const item = el('div', 'msg');
      item.appendChild(el('div', 'meta', (m.channel === 'voice' ? 'Call to ' : 'SMS to ') + m.to + ' \\u00b7 ' + language(m) + ' \\u00b7 ' + when(m.sentAt)));
      if (m.channel === 'voice') {
        const call = el('div', 'call');
        call.appendChild(el('span', 'label', '\\u260e Voice call transcript'));
        const heard = heardCode(m.body);
        if (heard) {
          const line = el('span', 'heard', 'Code read out: ');
          line.appendChild(el('mark', 'voice-code', heard));
          call.appendChild(line);
        }
        item.appendChild(withCodes(inLanguage(call, m), m.body, SPOKEN));
      } else {
        item.appendChild(withCodes(inLanguage(el('div', 'bubble'), m), m.body));
      }
      thread.appendChild(item);
    }
  }

  function renderReader() {
    reader.replaceChildren();
    const m = emails.find((e) => e.id === selected);
    if (!m) {
      reader.appendChild(el('p', 'empty', emails.length ? 'Select a message.' : 'No email yet.'));
      return;
    }
    reader.appendChild(inLanguage(el('h3', '', m.subject || '(no subject)'), m));
    reader.appendChild(el('div', 'to', 'To: ' + m.to + ' \\u00b7 ' + language(m) + ' \\u00b7 ' + new Date(m.sentAt).toLocaleString()));
    // The HTML part in a frame that runs nothing and reaches nothing (sandbox, and its own CSP).
    reader.appendChild(el('h4', '', 'HTML part'));
    const frame = el('iframe', 'html');
    frame.setAttribute('sandbox', '');
    frame.setAttribute('title', 'HTML part of the email');
    frame.setAttribute('src', '/_dev/outbox/' + encodeURIComponent(m.id) + '/html');
    reader.appendChild(frame);
    reader.appendChild(el('h4', '', 'Plain-text part'));
    reader.appendChild(withCodes(inLanguage(el('div', 'body'), m), m.body));
  }

  function renderMail(messages) {
    emails = messages.filter((m) => m.channel === 'email');
    if (!emails.some((e) => e.id === selected)) selected = emails.length ? emails[0].id : null;
    inbox.replaceChildren();
    for (const m of emails) {
      const row = el('button');
      row.type = 'button';
      row.setAttribute('aria-selected', String(m.id === selected));
      row.appendChild(inLanguage(el('div', 'subject', m.subject || '(no subject)'), m));
      row.appendChild(el('div', 'to', m.to + ' \\u00b7 ' + language(m) + ' \\u00b7 ' + when(m.sentAt)));
      row.addEventListener('click', () => {
        selected = m.id;
        renderMail(emails);
      });
      inbox.appendChild(row);
    }
    renderReader();
  }

  async function refresh() {
    clearTimeout(timer);
    try {
      const query = new URLSearchParams({ limit: '200' });
      if (filter.value.trim() !== '') query.set('to', filter.value.trim());
      const response = await fetch('/_dev/outbox?' + query, { cache: 'no-store' });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const { messages } = await response.json();
      const next = filter.value + '|' + messages.map((m) => m.id).join(',');
      // Redraw only on change, so scrolling and the selected email stay put.
      if (next !== signature) {
        signature = next;
        renderPhone(messages);
        renderMail(messages);
      }
      status.className = '';
      status.textContent = messages.length + ' message(s) \\u00b7 updated ' + new Date().toLocaleTimeString();
    } catch (error) {
      status.className = 'error';
      status.textContent = 'Cannot reach the local server (' + error.message + '); retrying\\u2026';
    }
    timer = setTimeout(refresh, REFRESH_MS);
  }

  $('clear').addEventListener('click', async () => {
    await fetch('/_dev/outbox', { method: 'DELETE' }).catch(() => undefined);
    refresh();
  });
  filter.addEventListener('input', () => refresh());
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) refresh();
  });
  refresh();
})();
`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export const OUTBOX_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>onetime · development outbox</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>onetime · development outbox</h1>
  <input id="filter" type="search" placeholder="Filter by destination (+14155550100 or a@b.example)" aria-label="Filter by destination">
  <button id="clear" type="button">Clear outbox</button>
  <span id="status" role="status">Loading…</span>
</header>
<main>
  <section aria-label="Phone">
    <h2>Phone · SMS and voice</h2>
    <div class="phone"><div class="notch"><span></span></div><div id="thread" class="thread"></div></div>
  </section>
  <section aria-label="Mail">
    <h2>Mail</h2>
    <div class="mail"><nav id="inbox" class="inbox" aria-label="Inbox"></nav><article id="reader" class="reader"></article></div>
  </section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;

/**
 * The page's Content-Security-Policy: its own inline script and style by hash, fetches
 * to its own origin only, frames of its own origin (an email's HTML part), nothing else;
 * no framing of the page itself.
 */
export const OUTBOX_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  "frame-src 'self'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * An email's HTML part, served to the page's sandboxed frame: its own inline styles
 * and data: images only, no script, no requests, sandboxed even if opened directly.
 */
export const EMAIL_HTML_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'sandbox',
  "frame-ancestors 'self'",
].join('; ');

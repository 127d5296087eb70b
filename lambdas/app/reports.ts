/**
 * "I did not ask for this code": the owner's report cancels the pending code,
 * revokes remembered devices, records a security event and notifies the owner.
 * Reachable with the API key (the app's own UI) or, without one, through the
 * sealed token of an email's report link; a link scanner's GET only shows a page.
 */
import { NotFoundError } from '../domain/errors';
import type { RequestContext } from '../domain/events';
import { escapeHtml } from '../domain/messages';
import { readReportToken } from '../domain/report-token';
import type { AppDeps } from './deps';
import { revokeAllDevices } from './devices';
import { newEvent } from './events';
import type { Reply } from './reply';

export async function reportUnrequested(
  deps: AppDeps,
  userId: string,
  challengeId: string,
  context?: RequestContext,
): Promise<Reply> {
  const now = deps.clock.now();
  const outcome = await deps.state.reportChallenge(userId, challengeId, now);
  if (outcome === 'not_found') throw new NotFoundError('No such challenge for this user.');
  // A report acts once: a repeat (a link posted again) changes nothing more.
  if (outcome === 'already_reported') {
    return { statusCode: 202, body: { status: 'reported', codeCanceled: false, alreadyReported: true } };
  }
  await revokeAllDevices(deps, userId, context);
  await deps.activity.recordEvents([newEvent(deps, userId, 'unrequested_code_reported', now, { context })]);
  await deps.notifier.notify({ userId, kind: 'unrequested_code_reported' });
  return { statusCode: 202, body: { status: 'reported', codeCanceled: outcome === 'canceled' } };
}

/**
 * The link's POST. Whoever holds the link may post it, so nothing it sends is
 * recorded: the report's event carries no context from the body.
 */
export async function reportByToken(deps: AppDeps, token: string): Promise<Reply> {
  const subject = readReportToken(await deps.secret.hmacKey(), token, deps.clock.now());
  if (!subject) throw new NotFoundError('This report link is not valid or has expired.');
  return reportUnrequested(deps, subject.userId, subject.challengeId);
}

/** The page behind the emailed link: a button that POSTs, so a scanner's GET changes nothing. */
export async function reportPage(deps: AppDeps, token: string): Promise<Reply> {
  if (!readReportToken(await deps.secret.hmacKey(), token, deps.clock.now()))
    throw new NotFoundError('This report link is not valid or has expired.');
  const serviceName = deps.messaging.serviceName;
  const name = escapeHtml(serviceName);
  const action = `/v1/reports/${encodeURIComponent(token)}`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${name}: report a code</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
button{font:inherit;padding:.7rem 1.2rem;border:0;border-radius:.4rem;background:#b42318;color:#fff;cursor:pointer}
#done{display:none;color:#067647}</style></head>
<body><h1>Didn't ask for a code?</h1>
<p>If you did not just try to sign in or confirm something, someone may know your password. Reporting cancels the code, signs out remembered devices and tells you by message.</p>
<form id="f" method="post" action="${escapeHtml(action)}"><button type="submit">Report this code</button></form>
<p id="done">Thank you. The code was canceled. Consider changing your password.</p>
<script>
document.getElementById('f').addEventListener('submit', async function (e) {
  e.preventDefault();
  var r = await fetch(this.action, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (r.ok) { this.style.display = 'none'; document.getElementById('done').style.display = 'block'; }
});
</script></body></html>`;
  return { statusCode: 200, body: html, contentType: 'text/html; charset=utf-8' };
}

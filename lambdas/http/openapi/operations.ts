/**
 * What each route of the route table takes and answers, for the OpenAPI document
 * (document.ts) and docs/api.md: the request body is the very schema its handler
 * validates with (lambdas/http/schemas.ts), the answer a schema of responses.ts,
 * and the problems the codes its use case can answer. Keyed like the handlers'
 * route tables, `METHOD resource`; a test holds these keys and ROUTES equal.
 */
import type { ZodMiniType } from 'zod/v4-mini';
import {
  activateBody,
  addFactorBody,
  confirmDeliveryBody,
  createDeliveryBody,
  deviceVerifyBody,
  optionalContextBody,
  startChallengeBody,
  verifyBody,
} from '../schemas';
import * as answers from './responses';

export interface Answer {
  readonly status: number;
  readonly description: string;
  /** JSON body; absent for 204. */
  readonly schema?: ZodMiniType;
  /** A non-JSON body (the report page, the document itself). */
  readonly contentType?: string;
}

export interface Operation {
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly body?: ZodMiniType;
  /** The body may be left out entirely (it then stands for `{}`). */
  readonly bodyOptional?: boolean;
  readonly query?: Readonly<Record<string, { readonly description: string; readonly schema: object }>>;
  /** Takes an `Idempotency-Key` header. */
  readonly idempotent?: boolean;
  readonly answers: readonly Answer[];
  /** Problem codes beyond the ones every keyed route can answer (see COMMON_PROBLEMS). */
  readonly problems: readonly string[];
}

/** What any route can answer: a body that is no JSON or fails its schema, too large, a dependency down. */
export const COMMON_PROBLEMS = ['invalid_request', 'payload_too_large', 'unavailable'] as const;
/** And every route that needs a key. */
export const KEYED_PROBLEMS = ['unauthorized', 'forbidden'] as const;

const SEND_PROBLEMS = [
  'resend_too_soon',
  'send_limit_exceeded',
  'destination_blocked',
  'delivery_failed',
  'locked',
];
const CODE_PROBLEMS = [
  'code_incorrect',
  'code_superseded',
  'code_expired',
  'code_already_used',
  'no_pending_challenge',
  'locked',
];
const optionalContext = { body: optionalContextBody, bodyOptional: true } as const;

export const OPERATIONS: Readonly<Record<string, Operation>> = {
  'GET /v1/health': {
    tag: 'Service',
    summary: 'Liveness',
    description: 'Answers without touching any dependency.',
    answers: [{ status: 200, description: 'The service runs.', schema: answers.health }],
    problems: [],
  },
  'GET /v1/openapi.json': {
    tag: 'Service',
    summary: 'This document',
    description: 'The OpenAPI 3.1 description of every route, body, answer and problem code.',
    answers: [{ status: 200, description: 'The document.', contentType: 'application/json' }],
    problems: [],
  },
  'POST /v1/users/{userId}/factors': {
    tag: 'Factors',
    summary: 'Add a factor',
    description:
      'sms, voice and email: the destination is checked and normalised, the factor is created pending and a code ' +
      '(purpose `enroll`) is sent to it. totp: answers the secret, an otpauth URI and a QR code, shown this once. ' +
      'Adding a destination that is already an active factor answers 200 with that factor and sends nothing.',
    body: addFactorBody,
    idempotent: true,
    answers: [
      {
        status: 201,
        description: 'Created: a pending factor and the code sent to it, or a TOTP factor and its secret.',
        schema: answers.enrolledOrTotp,
      },
      {
        status: 200,
        description: 'That destination is already an active factor.',
        schema: answers.factorAlreadyActive,
      },
    ],
    problems: [
      'invalid_phone_number',
      'invalid_email',
      'factor_limit_reached',
      'idempotency_key_reused',
      ...SEND_PROBLEMS,
    ],
  },
  'GET /v1/users/{userId}/factors': {
    tag: 'Factors',
    summary: 'List factors',
    answers: [{ status: 200, description: "The user's factors.", schema: answers.factorList }],
    problems: [],
  },
  'POST /v1/users/{userId}/factors/{factorId}/activate': {
    tag: 'Factors',
    summary: 'Activate a pending factor with its code',
    description:
      'Wrong codes follow the rules of verify. The first factor a user activates also answers 10 recovery codes, shown once.',
    body: activateBody,
    answers: [{ status: 200, description: 'The factor is active.', schema: answers.activated }],
    problems: ['factor_not_found', 'factor_already_active', ...CODE_PROBLEMS],
  },
  'DELETE /v1/users/{userId}/factors/{factorId}': {
    tag: 'Factors',
    summary: 'Remove a factor',
    description: "The owner's remaining factors are told.",
    ...optionalContext,
    answers: [{ status: 204, description: 'Removed.' }],
    problems: ['factor_not_found'],
  },
  'POST /v1/users/{userId}/challenges': {
    tag: 'Challenges',
    summary: 'Send a code',
    description:
      'Picks the factor named, else the active factor of the channel named, else the first active sms, voice or ' +
      'email factor. A resend while the current code of this purpose has enough life left repeats the same code ' +
      '(`reusedCode: true`); otherwise a new code supersedes the old one. `fallback` (true for the policy ladder ' +
      'ONETIME_FALLBACK, or steps like ["sms", "voice@45", "email@120"]) sends the first step now, as a new code, ' +
      'and each later step after its delay while the challenge is pending, with the same code; a step of a channel ' +
      "the user has no active factor for is skipped. `factorId` then names the first step's factor; `channel` is not used.",
    body: startChallengeBody,
    idempotent: true,
    answers: [{ status: 202, description: 'The code is on its way.', schema: answers.sentChallenge }],
    problems: ['no_active_factor', 'factor_not_found', 'idempotency_key_reused', ...SEND_PROBLEMS],
  },
  'GET /v1/users/{userId}/challenges/{challengeId}': {
    tag: 'Challenges',
    summary: "A challenge's status and its message's delivery",
    answers: [{ status: 200, description: 'The challenge.', schema: answers.challengeStatus }],
    problems: ['not_found'],
  },
  'POST /v1/users/{userId}/challenges/{challengeId}/next': {
    tag: 'Challenges',
    summary: "Send the fallback ladder's next step now",
    description:
      "Sends the next waiting step at once, with the same code; its channel's cooldown and every cap apply. A step " +
      'without an active factor, or refused at hand-off, is passed over for the one after it. A step a concurrent ' +
      'call (or its timer) sent first is not sent again: that call answers 200 with the challenge as it stands.',
    ...optionalContext,
    answers: [
      { status: 202, description: 'The step is on its way.', schema: answers.sentChallenge },
      {
        status: 200,
        description: 'A concurrent call sent the step: the challenge.',
        schema: answers.challengeStatus,
      },
    ],
    problems: ['not_found', 'no_pending_challenge', 'fallback_exhausted', ...SEND_PROBLEMS],
  },
  'POST /v1/users/{userId}/challenges/{challengeId}/report': {
    tag: 'Challenges',
    summary: 'The owner did not ask for this code',
    description:
      'Cancels the pending code, revokes remembered devices, records a security event and notifies the owner. ' +
      'A repeat answers 202 and does nothing more.',
    ...optionalContext,
    answers: [{ status: 202, description: 'Reported.', schema: answers.reported }],
    problems: ['not_found'],
  },
  'POST /v1/users/{userId}/verify': {
    tag: 'Verify',
    summary: 'Check a code',
    description:
      '`method` defaults to recovery_code for a code of that form, else challenge when one of the purpose is ' +
      'pending, else totp when the user has an active TOTP factor. Every counted answer says how many attempts remain.',
    body: verifyBody,
    answers: [{ status: 200, description: 'Approved.', schema: answers.approved }],
    problems: ['no_active_factor', ...CODE_PROBLEMS],
  },
  'POST /v1/users/{userId}/recovery-codes': {
    tag: 'Verify',
    summary: 'New recovery codes',
    description: '10 new single-use codes, shown once; the old set stops working.',
    ...optionalContext,
    answers: [{ status: 201, description: 'The new codes.', schema: answers.recoveryCodes }],
    problems: [],
  },
  'POST /v1/users/{userId}/devices/verify': {
    tag: 'Devices',
    summary: 'Is this a remembered device?',
    body: deviceVerifyBody,
    answers: [{ status: 200, description: 'Trusted or not.', schema: answers.deviceCheck }],
    problems: [],
  },
  'GET /v1/users/{userId}/devices': {
    tag: 'Devices',
    summary: 'List remembered devices',
    answers: [{ status: 200, description: 'The devices.', schema: answers.deviceList }],
    problems: [],
  },
  'DELETE /v1/users/{userId}/devices/{deviceId}': {
    tag: 'Devices',
    summary: 'Forget a device',
    ...optionalContext,
    answers: [{ status: 204, description: 'Revoked.' }],
    problems: ['not_found'],
  },
  'GET /v1/users/{userId}/events': {
    tag: 'Account',
    summary: 'Account activity, newest first',
    query: {
      limit: {
        description: 'Events per page, 1 to 100 (default 25).',
        schema: { type: 'string', pattern: '^\\d{1,3}$' },
      },
      cursor: { description: 'The nextCursor of the previous page.', schema: { type: 'string' } },
    },
    answers: [{ status: 200, description: 'A page of events.', schema: answers.eventPage }],
    problems: [],
  },
  'DELETE /v1/users/{userId}/lockout': {
    tag: 'Account',
    summary: 'Support unlock',
    description: 'Ends a lock, hard locks included, and resets the count; recorded as an event.',
    ...optionalContext,
    answers: [{ status: 204, description: 'Unlocked.' }],
    problems: [],
  },
  'DELETE /v1/users/{userId}': {
    tag: 'Account',
    summary: 'Erase a user',
    description: 'Erases everything held about the user, their deliveries included.',
    answers: [{ status: 204, description: 'Erased.' }],
    problems: [],
  },
  'POST /v1/deliveries': {
    tag: 'Deliveries',
    summary: 'Create a delivery and send its code',
    description:
      'The code is sent now and stays the same for this delivery; it is accepted only inside the window. Name the ' +
      "user's factor (factorId), or a channel (the user's active factor of it), or a channel and a destination.",
    body: createDeliveryBody,
    answers: [{ status: 201, description: 'Created and sent.', schema: answers.delivery }],
    problems: [
      'delivery_exists',
      'invalid_phone_number',
      'invalid_email',
      'factor_not_found',
      'no_active_factor',
      'resend_too_soon',
      'send_limit_exceeded',
      'destination_blocked',
      'delivery_failed',
    ],
  },
  'GET /v1/deliveries/{deliveryId}': {
    tag: 'Deliveries',
    summary: 'Read a delivery',
    answers: [{ status: 200, description: 'The delivery.', schema: answers.deliveryRead }],
    problems: ['delivery_not_found'],
  },
  'POST /v1/deliveries/{deliveryId}/resend': {
    tag: 'Deliveries',
    summary: 'Send the same code again',
    description: 'Cooldown and caps apply.',
    ...optionalContext,
    answers: [{ status: 202, description: 'Sent again.', schema: answers.deliveryResent }],
    problems: [
      'delivery_not_found',
      'already_confirmed',
      'outside_window',
      'resend_too_soon',
      'send_limit_exceeded',
      'delivery_failed',
    ],
  },
  'POST /v1/deliveries/{deliveryId}/confirm': {
    tag: 'Deliveries',
    summary: 'The courier confirms the code at the door',
    description:
      'Confirmed at most once. Wrong codes are counted per delivery: after 5 the delivery is locked for good ' +
      '(`lockedUntil: null`) and the sender creates a new one.',
    body: confirmDeliveryBody,
    answers: [{ status: 200, description: 'Delivered.', schema: answers.deliveryConfirmed }],
    problems: ['delivery_not_found', 'already_confirmed', 'outside_window', 'code_incorrect', 'locked'],
  },
  'POST /v1/reports/{reportToken}': {
    tag: 'Reports',
    summary: 'Report an unrequested code from the emailed link (no key)',
    description:
      "The token in the email's link is the credential. Acts once; a repeat answers 202 and does nothing more. " +
      'No context from the body is recorded.',
    ...optionalContext,
    answers: [{ status: 202, description: 'Reported.', schema: answers.reported }],
    problems: ['not_found'],
  },
  'GET /report/{reportToken}': {
    tag: 'Reports',
    summary: 'The page behind the emailed report link (no key)',
    description: 'A small page whose button makes the POST; a link scanner fetching it changes nothing.',
    answers: [{ status: 200, description: 'An HTML page.', contentType: 'text/html' }],
    problems: ['not_found'],
  },
};

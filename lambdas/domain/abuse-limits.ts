/**
 * Abuse limits on SMS and voice (docs/api.md, "Abuse defences"): whoever controls
 * user ids and phone numbers can make a service send thousands of paid messages,
 * so besides the per-user and per-destination caps, every SMS and voice send counts
 * toward its number prefix, its country, the end user's IP (when the caller passes
 * one), the API key, and the whole service's spend circuit breaker. Each is a
 * counter per clock hour that refuses to pass its cap. Email is never counted here.
 */
import type { Policy } from './policy';
import type { DeliveryChannel } from './channel';

export type AbuseScope = 'prefix' | 'country' | 'ip' | 'key' | 'service';

/** The service-wide counter is split so that no single item takes every send. */
export const SERVICE_SHARDS = 8;

export interface AbuseCounter {
  readonly scope: AbuseScope;
  /** What is counted (a keyed hash where it could identify a person). */
  readonly key: string;
  readonly max: number;
}

/** The E.164 number without its last 4 digits: the block a pumping attack rents numbers in. */
export function phonePrefix(e164: string): string {
  return e164.slice(0, -4);
}

export interface AbuseSubject {
  readonly channel: DeliveryChannel;
  /** Keyed hash of the number's prefix. */
  readonly prefixHash: string;
  /** ISO 3166 alpha-2 country of the number, when known. */
  readonly country?: string;
  /** Keyed hash of the end user's IP, when the caller passed one. */
  readonly ipHash?: string;
  /** The API key's name. */
  readonly keyName: string;
  /** Which service shard this send counts on (0 ≤ shard < SERVICE_SHARDS). */
  readonly shard: number;
}

/**
 * The counters one SMS or voice send takes. The API key's count rides on the
 * service shard's item (its cap split like the service's), so a send writes at most
 * four counters.
 */
export function abuseCounters(s: AbuseSubject, policy: Policy): AbuseCounter[] {
  if (s.channel === 'email') return [];
  const serviceMax = s.channel === 'sms' ? policy.maxSmsPerHour : policy.maxVoicePerHour;
  return [
    { scope: 'prefix', key: s.prefixHash, max: policy.maxSendsPerPrefixPerHour },
    ...(s.country
      ? [{ scope: 'country' as const, key: s.country, max: policy.maxSendsPerCountryPerHour }]
      : []),
    ...(s.ipHash ? [{ scope: 'ip' as const, key: s.ipHash, max: policy.maxSendsPerIpPerHour }] : []),
    { scope: 'service', key: `${s.channel}#${s.shard}`, max: Math.ceil(serviceMax / SERVICE_SHARDS) },
    {
      scope: 'key',
      key: `${s.keyName}#${s.shard}`,
      max: Math.ceil(policy.maxSendsPerKeyPerHour / SERVICE_SHARDS),
    },
  ];
}

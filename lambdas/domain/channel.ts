/** The ways a code reaches a person, and the factor types that carry them. */
export const DELIVERY_CHANNELS = ['sms', 'voice', 'email'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const FACTOR_TYPES = ['sms', 'voice', 'email', 'totp'] as const;
export type FactorType = (typeof FACTOR_TYPES)[number];

export function isDeliveryChannel(value: string): value is DeliveryChannel {
  return (DELIVERY_CHANNELS as readonly string[]).includes(value);
}

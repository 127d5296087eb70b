/**
 * The messages the domain renders for a channel, in the shape every sender takes:
 * a text for SMS, SSML and text for voice, subject, text and HTML for email.
 */
/**
 * Which delivery of which code a message is, carried through the provider (SES
 * message tags, voice context) so its delivery events can be matched back.
 */
export interface DeliveryReference {
  readonly userId: string;
  readonly challengeId: string;
  readonly deliveryIndex: number;
}

export interface SmsMessage {
  /** BCP 47 tag of the language the message is written (or spoken) in. @default 'en' */
  readonly locale?: string;
  readonly channel: 'sms';
  readonly reference?: DeliveryReference;
  /** E.164 phone number. */
  readonly to: string;
  readonly body: string;
}

export interface VoiceMessage {
  /** BCP 47 tag of the language the message is written (or spoken) in. @default 'en' */
  readonly locale?: string;
  readonly channel: 'voice';
  readonly reference?: DeliveryReference;
  /** E.164 phone number. */
  readonly to: string;
  /** SSML that reads the digits one by one, twice. */
  readonly ssml: string;
  /** The same words as plain text (outbox, logs of length only). */
  readonly text: string;
}

export interface EmailMessage {
  /** BCP 47 tag of the language the message is written (or spoken) in. @default 'en' */
  readonly locale?: string;
  readonly channel: 'email';
  readonly reference?: DeliveryReference;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export type OutboundMessage = SmsMessage | VoiceMessage | EmailMessage;

/**
 * The QR code of an `otpauth://` URI as an SVG tag (./qr-code-encoder.ts). Only TOTP
 * enrolment draws one, so the encoder with qrcode inside (~21 KiB) is the
 * `@onetime/qr-code` module of the stack's library layer rather than part of the
 * factors bundle; tsconfig `paths` and jest resolve that name to the source.
 */
export { qrCodeSvg } from '@onetime/qr-code';

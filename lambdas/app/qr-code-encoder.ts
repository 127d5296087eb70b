/**
 * The QR code of an `otpauth://` URI as an SVG tag, from qrcode's own encoder and
 * SVG renderer. The package's entry point also loads its PNG renderer (with pngjs),
 * its terminal and UTF-8 renderers; importing the two modules used here keeps ~45 KiB
 * out, and the output is byte for byte what `QRCode.toString(text, { type: 'svg', ... })`
 * gives (a unit test holds them together).
 *
 * This is the `@onetime/qr-code` module of the stack's library layer: import it
 * through ./qr-code-svg.ts, never by path (a path import would be bundled).
 */
import { create } from 'qrcode/lib/core/qrcode';
import { render } from 'qrcode/lib/renderer/svg-tag';

/** Error correction M (15 %) and a quiet zone of 2 modules: what authenticator apps scan reliably on screen. */
export function qrCodeSvg(text: string): string {
  return render(create(text, { errorCorrectionLevel: 'M' }), { margin: 2 });
}

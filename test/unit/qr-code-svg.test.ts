/**
 * The authenticator QR code: built from qrcode's encoder and SVG renderer alone, it
 * must be exactly what the package's own `toString(..., { type: 'svg' })` draws, so
 * skipping the package entry point (and its PNG renderer) changes nothing users scan.
 */
import fc from 'fast-check';
import QRCode from 'qrcode';
import { qrCodeSvg } from '../../lambdas/app/qr-code-svg';

const uri = 'otpauth://totp/Acme:jane.doe%40example.org?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Acme';

describe('Module: qr-code-svg', () => {
  it('draws the same SVG as the qrcode package entry point', async () => {
    // Act
    const svg = qrCodeSvg(uri);
    // Assess
    expect(svg).toBe(await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1" /);
  });

  it('agrees with the entry point for any text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 300 }), async (text) => {
        const expected = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
        return qrCodeSvg(text) === expected;
      }),
      { numRuns: 50 },
    );
  });
});

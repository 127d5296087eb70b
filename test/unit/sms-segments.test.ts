/**
 * The segment counter: GSM-7 septets with the extension table counted twice, UCS-2
 * UTF-16 units for anything else, and the segment arithmetic of concatenated SMS. Every
 * "one segment" claim of the message tests rests on it, so it is checked here against
 * hand-counted texts and against a reference count written independently below.
 */
import fc from 'fast-check';
import {
  SMS_MAX_SEPTETS,
  SMS_MAX_UCS2_UNITS,
  countSegments,
  fitsOneSegment,
  gsm7Length,
  isGsm7,
  smsEncoding,
  toGsm7,
  truncateToUnits,
} from '../../lambdas/domain/sms-segments';

// The 3GPP TS 23.038 default alphabet and extension table, written out again on purpose.
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '\f^{}\\[~]|€';

function referenceCount(text: string): { encoding: string; units: number } {
  const chars = [...text];
  if (chars.every((c) => BASIC.includes(c) || EXTENSION.includes(c))) {
    return { encoding: 'GSM-7', units: chars.reduce((n, c) => n + (EXTENSION.includes(c) ? 2 : 1), 0) };
  }
  return { encoding: 'UCS-2', units: text.length };
}

describe('Module: sms-segments', () => {
  describe('Function: countSegments', () => {
    it('counts 160 plain septets as one GSM-7 segment and 161 as two', () => {
      // Act
      const full = countSegments('a'.repeat(160));
      const over = countSegments('a'.repeat(161));

      // Assess
      expect(full).toEqual({ encoding: 'GSM-7', units: 160, limit: SMS_MAX_SEPTETS, segments: 1 });
      expect(over).toEqual({ encoding: 'GSM-7', units: 161, limit: SMS_MAX_SEPTETS, segments: 2 });
    });

    it('counts each extension character as two septets', () => {
      // Act
      const euros = countSegments('€'.repeat(80));
      const oneTooMany = countSegments(`${'€'.repeat(80)}a`);
      const mixed = countSegments('{[~]}|^\\\f€');

      // Assess
      expect(euros).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
      expect(oneTooMany).toMatchObject({ encoding: 'GSM-7', units: 161, segments: 2 });
      expect(mixed).toMatchObject({ encoding: 'GSM-7', units: 20 });
    });

    it('lets one character outside GSM-7 turn the whole text into UCS-2 of 70 units', () => {
      // Prepare
      const gsm = 'a'.repeat(69);

      // Act
      const withCedilla = countSegments(`${gsm}ç`); // ç lower case is not in the basic table
      const seventyOne = countSegments(`${gsm}çx`);

      // Assess
      expect(countSegments(gsm)).toMatchObject({ encoding: 'GSM-7', units: 69 });
      expect(withCedilla).toEqual({
        encoding: 'UCS-2',
        units: 70,
        limit: SMS_MAX_UCS2_UNITS,
        segments: 1,
      });
      expect(seventyOne).toMatchObject({ encoding: 'UCS-2', units: 71, segments: 2 });
    });

    it('counts a character outside the BMP as two UTF-16 units', () => {
      // Act
      const emoji = countSegments('🙂'.repeat(35));
      const oneMore = countSegments(`${'🙂'.repeat(35)}a`);

      // Assess
      expect(emoji).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
      expect(oneMore).toMatchObject({ encoding: 'UCS-2', units: 71, segments: 2 });
    });

    it('uses 153 septets or 67 units per part once a text is split', () => {
      expect(countSegments('a'.repeat(306)).segments).toBe(2);
      expect(countSegments('a'.repeat(307)).segments).toBe(3);
      expect(countSegments('я'.repeat(134)).segments).toBe(2);
      expect(countSegments('я'.repeat(135)).segments).toBe(3);
      expect(countSegments('').segments).toBe(0);
    });

    it('agrees with an independent count on any text', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: fc.constantFrom(...[...BASIC, ...EXTENSION]), maxLength: 200 }),
            fc.string({ unit: 'grapheme', maxLength: 120 }),
            fc.string({ unit: 'binary', maxLength: 120 }),
          ),
          (text) => {
            // Act
            const count = countSegments(text);

            // Assess
            expect({ encoding: count.encoding, units: count.units }).toEqual(referenceCount(text));
            expect(fitsOneSegment(text)).toBe(count.units <= count.limit);
            expect(smsEncoding(text)).toBe(count.encoding);
          },
        ),
        { numRuns: 500 },
      );
    });
  });

  describe('Function: gsm7Length / isGsm7', () => {
    it('knows the characters GSM-7 lacks that look like ones it has', () => {
      for (const ch of ['ç', 'á', 'í', 'ó', 'ú', 'ê', 'ő', 'ș', 'ı', '’', '“', '—', '\u00A0']) {
        expect(isGsm7(ch)).toBe(false);
        expect(gsm7Length(ch)).toBe(Number.POSITIVE_INFINITY);
      }
      for (const ch of ['Ç', 'é', 'è', 'à', 'ù', 'ì', 'ò', 'ä', 'ö', 'ü', 'ß', 'å', 'æ', 'ø', 'ñ', 'Δ']) {
        expect(isGsm7(ch)).toBe(true);
        expect(gsm7Length(ch)).toBe(1);
      }
    });
  });

  describe('Function: toGsm7 / truncateToUnits', () => {
    it('maps look-alikes and no-break spaces instead of dropping them', () => {
      expect(toGsm7('Açaí “Bänk” — 10\u00A0min')).toBe('AÇai "Bänk" - 10 min');
    });

    it('never cuts an extension character or a surrogate pair in half', () => {
      expect(truncateToUnits('ab€', 3, 'GSM-7')).toBe('ab');
      expect(truncateToUnits('ab€', 4, 'GSM-7')).toBe('ab€');
      expect(truncateToUnits('a🙂b', 2, 'UCS-2')).toBe('a');
      expect(truncateToUnits('a🙂b', 3, 'UCS-2')).toBe('a🙂');
    });
  });
});

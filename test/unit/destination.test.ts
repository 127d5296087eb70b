import { maskEmail, maskPhone, normaliseEmail, normalisePhone } from '../../lambdas/domain/destination';

describe('Module: destination', () => {
  describe('Function: normalisePhone', () => {
    it('normalises to E.164', () => {
      expect(normalisePhone('+1 (415) 555-0100')).toBe('+14155550100');
      expect(normalisePhone('+44 7911 123456')).toBe('+447911123456');
    });
    it.each(['4155550100', '+1 555', 'phone', '+999999999999', ''])('rejects %p', (input) => {
      expect(() => normalisePhone(input)).toThrow(expect.objectContaining({ code: 'invalid_phone_number' }));
    });
  });
  describe('Function: normalisePhone with allowed countries', () => {
    it('accepts numbers of the allowed countries only', () => {
      expect(normalisePhone('+14155550100', ['US', 'CA'])).toBe('+14155550100');
      expect(() => normalisePhone('+447911123456', ['US', 'CA'])).toThrow(
        expect.objectContaining({ code: 'invalid_phone_number' }),
      );
    });
  });
  describe('Function: normaliseEmail', () => {
    it('lower-cases the domain only', () => {
      expect(normaliseEmail(' Jane.Doe@Example.COM ')).toBe('Jane.Doe@example.com');
    });
    it.each(['jane', 'jane@', '@example.com', 'a..b@example.com', 'jane@example', 'ja ne@example.com'])(
      'rejects %p',
      (input) => {
        expect(() => normaliseEmail(input)).toThrow(expect.objectContaining({ code: 'invalid_email' }));
      },
    );
  });
  describe('Function: masks', () => {
    it('masks as SPEC §2 shows', () => {
      expect(maskPhone('+14155550100')).toBe('+1*******0100');
      expect(maskPhone('+447911123456')).toBe('+44*******3456');
      expect(maskEmail('jane@example.com')).toBe('j***@example.com');
    });
  });
});

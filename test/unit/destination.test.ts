/**
 * Destinations: what is accepted as a phone number or an email address, its
 * normalised form (what messages go to) and its mask (what responses show).
 */
import { answered } from './answered';
import {
  maskEmail,
  maskPhone,
  normaliseDestination,
  normaliseEmail,
  normalisePhone,
} from '../../lambdas/domain/destination';

const SMS = { channel: 'sms' } as const;

describe('Module: destination', () => {
  describe('Function: normalisePhone', () => {
    it('normalises to E.164 and masks all but the country code and the last four digits', async () => {
      await expect(normalisePhone('+1 (415) 555-0100', SMS)).resolves.toEqual({
        value: '+14155550100',
        masked: '+1*******0100',
      });
      await expect(normalisePhone('+44 7911 123456', SMS)).resolves.toEqual({
        value: '+447911123456',
        masked: '+44*******3456',
      });
      await expect(normalisePhone('+353 85 123 4567', SMS)).resolves.toEqual({
        value: '+353851234567',
        masked: '+353*******4567',
      });
    });
    it.each(['4155550100', '+1 555', 'phone', '+999999999999', ''])('rejects %p', async (input) => {
      await expect(normalisePhone(input, SMS)).rejects.toMatchObject({ code: 'invalid_phone_number' });
    });
    it('refuses premium-rate numbers, which cannot receive codes and invite SMS pumping', async () => {
      await expect(normalisePhone('+1 900 555 0100', SMS)).rejects.toMatchObject({
        code: 'invalid_phone_number',
      });
    });
  });
  describe('Function: normalisePhone with allowed countries', () => {
    it('accepts numbers of the allowed countries only', async () => {
      await expect(
        normalisePhone('+14155550100', { ...SMS, allowedCountries: ['US', 'CA'] }),
      ).resolves.toMatchObject({
        value: '+14155550100',
      });
      await expect(
        normalisePhone('+447911123456', { ...SMS, allowedCountries: ['US', 'CA'] }).then(
          () => undefined,
          answered,
        ),
      ).resolves.toMatchObject({
        status: 403,
        code: 'destination_blocked',
        reason: 'country_not_allowed',
      });
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
  describe('Function: normaliseDestination', () => {
    it('normalises and masks by channel', async () => {
      await expect(normaliseDestination('email', 'Jane@Example.com')).resolves.toEqual({
        value: 'Jane@example.com',
        masked: 'J***@example.com',
      });
      await expect(normaliseDestination('voice', '+1 415 555 0100')).resolves.toEqual({
        value: '+14155550100',
        masked: '+1*******0100',
      });
    });
  });
  describe('Function: maskPhone / maskEmail', () => {
    it('keeps the country code and the last four digits / the first letter and the domain', () => {
      expect(maskPhone('+14155550100', '1')).toBe('+1*******0100');
      expect(maskPhone('+447911123456', '44')).toBe('+44*******3456');
      expect(maskEmail('jane@example.com')).toBe('j***@example.com');
    });
  });
});

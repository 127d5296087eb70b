/**
 * The phone number library is loaded on first use (from the stack's layer in Lambda).
 * If it cannot be loaded, the request answers 503 `unavailable` (nothing has been
 * written yet) and the next request tries again instead of failing for good.
 */
import type { phoneNumberParser as PhoneNumberParser } from '../../lambdas/domain/phone-numbers';

describe('Module: phone-numbers', () => {
  afterEach(() => jest.resetModules());

  it('answers unavailable when the library cannot be loaded, and loads it on the next call', async () => {
    // Prepare
    let missing = true;
    jest.doMock('libphonenumber-js/max', () => {
      if (missing) throw new Error('Cannot find package libphonenumber-js');
      return jest.requireActual('libphonenumber-js/max');
    });
    let parser!: typeof PhoneNumberParser;
    jest.isolateModules(() => {
      ({ phoneNumberParser: parser } = jest.requireActual('../../lambdas/domain/phone-numbers'));
    });
    // Act & Assess
    await expect(parser()).rejects.toMatchObject({ code: 'unavailable', status: 503 });
    missing = false;
    const parse = await parser();
    expect(parse('+1 415 555 0100')?.number).toBe('+14155550100');
  });
});

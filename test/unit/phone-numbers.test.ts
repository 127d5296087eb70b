/**
 * The phone number library is loaded on first use (from the stack's layer in Lambda).
 * If it cannot be loaded, the request answers 503 `unavailable` (nothing has been
 * written yet) and the next request tries again instead of failing for good.
 */
import type { DomainError } from '../../lambdas/domain/errors';
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
    // The answer is read with the same (isolated) module registry's error classes.
    let answered!: (error: DomainError) => unknown;
    jest.isolateModules(() => {
      ({ phoneNumberParser: parser } = jest.requireActual('../../lambdas/domain/phone-numbers'));
      ({ problemOf: answered } = jest.requireActual('../../lambdas/http/problem-response'));
    });
    // Act & Assess
    await expect(parser().then(() => undefined, answered)).resolves.toMatchObject({
      code: 'unavailable',
      status: 503,
    });
    missing = false;
    const parse = await parser();
    expect(parse('+1 415 555 0100')?.number).toBe('+14155550100');
  });
});

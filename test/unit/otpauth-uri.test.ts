/**
 * The otpauth:// URI read back the ways authenticator apps read it: the label
 * split at its one literal colon, and the decoded label with the `issuer`
 * parameter's prefix stripped (otplib's own parser stands in for the app). A colon
 * inside the issuer or the account must not move the split.
 */
import fc from 'fast-check';
import { parseURI } from '@otplib/uri';
import { totpUri } from '../../lambdas/domain/otpauth-uri';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** Splits the raw label at its literal colons, as the Key Uri Format's grammar does. */
function splitLabel(uri: string): { parts: string[]; issuerParam: string | null; secret: string | null } {
  const url = new URL(uri);
  return {
    parts: url.pathname.slice(1).split(':').map(decodeURIComponent),
    issuerParam: url.searchParams.get('issuer'),
    secret: url.searchParams.get('secret'),
  };
}

/** The decoded label minus `<issuer param>:`, what an app that decodes first shows. */
function accountAfterIssuer(uri: string): string | undefined {
  const { label, params } = parseURI(uri);
  const prefix = `${params.issuer}:`;
  return label.startsWith(prefix) ? label.slice(prefix.length) : undefined;
}

describe('Function: totpUri', () => {
  it('keeps an account with colons whole (a user id like org:bob:work)', () => {
    // Act
    const uri = totpUri({ issuer: 'onetime', account: 'bob:work', secret: SECRET });
    // Assess
    expect(uri).toBe(`otpauth://totp/onetime:bob%3Awork?secret=${SECRET}&issuer=onetime`);
    expect(splitLabel(uri)).toEqual({
      parts: ['onetime', 'bob:work'],
      issuerParam: 'onetime',
      secret: SECRET,
    });
    expect(accountAfterIssuer(uri)).toBe('bob:work');
  });

  it('keeps an issuer with a colon whole', () => {
    // Act
    const uri = totpUri({ issuer: 'Acme: Bank', account: 'jane', secret: SECRET });
    // Assess
    expect(splitLabel(uri).parts).toEqual(['Acme: Bank', 'jane']);
    expect(splitLabel(uri).issuerParam).toBe('Acme: Bank');
    expect(accountAfterIssuer(uri)).toBe('jane');
  });

  it('encodes the characters a URI gives a meaning to (@ ? & # / % + and spaces)', () => {
    // Act
    const uri = totpUri({ issuer: 'A&B?#', account: 'j+d@x.org/100% ok', secret: SECRET });
    // Assess
    expect(splitLabel(uri)).toEqual({
      parts: ['A&B?#', 'j+d@x.org/100% ok'],
      issuerParam: 'A&B?#',
      secret: SECRET,
    });
  });

  it('reads back whole for any issuer and account (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.string({ minLength: 1, maxLength: 64 }),
        (issuer, account) => {
          const uri = totpUri({ issuer, account, secret: SECRET });
          const read = splitLabel(uri);
          return (
            read.parts.length === 2 &&
            read.parts[0] === issuer &&
            read.parts[1] === account &&
            read.issuerParam === issuer &&
            read.secret === SECRET &&
            accountAfterIssuer(uri) === account
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

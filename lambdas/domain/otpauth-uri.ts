/**
 * The `otpauth://` URI an authenticator app scans (Google's Key Uri Format):
 * `otpauth://totp/<issuer>:<account>?secret=…&issuer=…`.
 *
 * The label's one literal colon separates issuer from account, so each part is
 * percent-encoded on its own and a colon inside either becomes `%3A`. A user id
 * such as `org:jane` (docs/api.md, Routes allows colons) then stays one account, where the
 * library's builder, which splits the label at every colon, wrote
 * `onetime:org:jane` and apps showed the account as `org`. The `issuer`
 * parameter repeats the issuer whole, so an app that decodes the label before
 * splitting it can still strip the `issuer:` prefix and keep the account whole.
 * SHA-1, 6 digits and 30-second steps are the format's defaults and are left out.
 */
export function totpUri(input: { issuer: string; account: string; secret: string }): string {
  const issuer = encodeURIComponent(input.issuer);
  const account = encodeURIComponent(input.account);
  return `otpauth://totp/${issuer}:${account}?secret=${encodeURIComponent(input.secret)}&issuer=${issuer}`;
}

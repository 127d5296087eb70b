/**
 * The plugins otplib's TOTP runs on: Node's own crypto for HMAC and random bytes,
 * scure for Base32. The `otplib` umbrella package defaults to noble's pure-JS
 * hashes and imports them even when another crypto is passed; the packages used
 * here keep them (13 KiB) out of the verify and factors bundles.
 */
import { ScureBase32Plugin } from '@otplib/plugin-base32-scure';
import { NodeCryptoPlugin } from '@otplib/plugin-crypto-node';

export const otpCrypto = new NodeCryptoPlugin();
export const otpBase32 = new ScureBase32Plugin();

/**
 * API keys and their scopes (docs/api.md, "API keys"). Locally the server checks the
 * `x-api-key` value against its keys: `ONETIME_API_KEY` with every scope, and
 * `ONETIME_API_KEYS` (`name:key:scope+scope,…`) beside it. In AWS, API Gateway has
 * already checked the key; the stack tells the functions which key id has which
 * scopes (`ONETIME_API_KEY_SCOPES`, `id=name:scope+scope,…`), read from the event's
 * `requestContext.identity.apiKeyId`.
 */
import { safeEqual } from '../domain/codes';
import { KEY_SCOPES, type KeyScope } from '../contract/routes';

export interface KeyIdentity {
  /** The key's name: what the abuse limits count a key by, and what logs may show. */
  readonly name: string;
  readonly scopes: readonly KeyScope[];
}

export interface KeyRing {
  /** By the key's value (local server); undefined for no such key. */
  byValue(value: string): KeyIdentity | undefined;
  /** By API Gateway's key id (AWS), when the stack declared scoped keys. */
  byId(id: string): KeyIdentity | undefined;
  /** Whether API Gateway checks the values (AWS) and only scopes are checked here. */
  readonly gatewayChecksValues: boolean;
}

export class KeySettingError extends Error {
  override readonly name = 'KeySettingError';
}

function parseScopes(text: string, setting: string): KeyScope[] {
  const scopes = text.split('+').map((s) => s.trim());
  for (const s of scopes) {
    if (!(KEY_SCOPES as readonly string[]).includes(s))
      throw new KeySettingError(`${setting}: unknown scope "${s}" (scopes: ${KEY_SCOPES.join(', ')})`);
  }
  return scopes as KeyScope[];
}

/** `name:key:scope+scope,…` into named keys; the key value is never echoed in an error. */
export function parseLocalKeys(text: string | undefined): Array<KeyIdentity & { key: string }> {
  if (!text?.trim()) return [];
  return text.split(',').map((entry, i) => {
    const [name, key, scopes, ...rest] = entry.trim().split(':');
    if (!name || !key || !scopes || rest.length > 0)
      throw new KeySettingError(`ONETIME_API_KEYS: entry ${i + 1} is not name:key:scope+scope`);
    if (key.length < 16)
      throw new KeySettingError(`ONETIME_API_KEYS: the key of "${name}" is shorter than 16 characters`);
    return { name, key, scopes: parseScopes(scopes, 'ONETIME_API_KEYS') };
  });
}

/** The local server's keys: the main key with every scope, and the named ones. */
export function localKeyRing(mainKey: string, named: ReadonlyArray<KeyIdentity & { key: string }>): KeyRing {
  const keys = [{ name: 'default', key: mainKey, scopes: [...KEY_SCOPES] }, ...named];
  return {
    gatewayChecksValues: false,
    byValue: (value) => {
      // Every key is compared, so the time taken does not tell which one matched.
      let found: KeyIdentity | undefined;
      for (const k of keys) if (safeEqual(value, k.key) && !found) found = { name: k.name, scopes: k.scopes };
      return found;
    },
    byId: () => undefined,
  };
}

/** `id=name:scope+scope,…` from the stack; without it every key API Gateway accepts has every scope. */
export function gatewayKeyRing(text: string | undefined): KeyRing {
  const byId = new Map<string, KeyIdentity>();
  for (const entry of text?.trim() ? text.split(',') : []) {
    const [id, rest] = entry.trim().split('=');
    const [name, scopes] = (rest ?? '').split(':');
    if (!id || !name || !scopes)
      throw new KeySettingError('ONETIME_API_KEY_SCOPES: an entry is not id=name:scope+scope');
    byId.set(id, { name, scopes: parseScopes(scopes, 'ONETIME_API_KEY_SCOPES') });
  }
  const everything: KeyIdentity = { name: 'default', scopes: [...KEY_SCOPES] };
  return {
    gatewayChecksValues: true,
    byValue: () => undefined,
    byId: (id) => (byId.size === 0 ? everything : byId.get(id)),
  };
}

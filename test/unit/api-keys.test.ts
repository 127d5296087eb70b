/** API key settings: parsed strictly, never echoing a key; scopes looked up by value or by gateway id. */
import { KeySettingError, gatewayKeyRing, localKeyRing, parseLocalKeys } from '../../lambdas/http/api-keys';

describe('Module: api-keys', () => {
  it('parses name:key:scope+scope lists', () => {
    expect(
      parseLocalKeys('courier:0123456789abcdefgh:courier, shop:abcdefghij0123456789:deliveries+verify'),
    ).toEqual([
      { name: 'courier', key: '0123456789abcdefgh', scopes: ['courier'] },
      { name: 'shop', key: 'abcdefghij0123456789', scopes: ['deliveries', 'verify'] },
    ]);
    expect(parseLocalKeys(undefined)).toEqual([]);
  });

  it('refuses unknown scopes, short keys and malformed entries without echoing the key', () => {
    for (const bad of ['a:0123456789abcdefgh:admin', 'a:short:verify', 'a:0123456789abcdefgh', 'justtext']) {
      expect(() => parseLocalKeys(bad)).toThrow(KeySettingError);
      try {
        parseLocalKeys(bad);
      } catch (error) {
        expect((error as Error).message).not.toContain('0123456789abcdefgh');
      }
    }
  });

  it('finds a local key by value: the main key has every scope, an unknown one none', () => {
    const ring = localKeyRing('main-key', parseLocalKeys('c:0123456789abcdefgh:courier'));
    expect(ring.byValue('main-key')?.scopes).toEqual(['verify', 'deliveries', 'courier', 'support']);
    expect(ring.byValue('0123456789abcdefgh')).toEqual({ name: 'c', scopes: ['courier'] });
    expect(ring.byValue('0123456789abcdefgX')).toBeUndefined();
  });

  it('maps API Gateway key ids to scopes, and gives every scope when the stack declared none', () => {
    const ring = gatewayKeyRing('k1a2b3=courier:courier,k9z8=shop:deliveries');
    expect(ring.byId('k1a2b3')).toEqual({ name: 'courier', scopes: ['courier'] });
    expect(ring.byId('other')).toBeUndefined();
    expect(gatewayKeyRing(undefined).byId('anything')?.scopes).toHaveLength(4);
    expect(() => gatewayKeyRing('k1=courier:root')).toThrow(KeySettingError);
  });
});

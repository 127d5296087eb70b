/**
 * The harness's clock: it starts from the real time, so every record's TTL lies
 * in the real future and DynamoDB Local's TTL sweeper leaves the items alone,
 * whatever day the suite runs on.
 */
import { TTL_ATTRIBUTE } from '../../lambdas/adapters/dynamodb/keys';
import { activeSmsFactor, scanTable, testApp, testEpoch } from './harness';

const HOUR_MS = 3_600_000;

describe('Harness: test clock', () => {
  it.each([
    ['in the middle of an hour', Date.UTC(2031, 4, 6, 7, 31, 12, 345)], // fixture instants, not a clock
    ['on a whole hour', Date.UTC(2031, 4, 6, 7, 0, 0, 0)], // fixture
    ['a millisecond before one', Date.UTC(2031, 4, 6, 7, 59, 59, 999)], // fixture
  ])('starts 5 s into the next whole UTC hour when the real clock is %s', (_when, realNow) => {
    // Act
    const start = testEpoch(realNow);
    // Assess
    expect(start).toBeGreaterThan(realNow);
    expect(start - realNow).toBeLessThanOrEqual(HOUR_MS + 5_000);
    expect((start - 5_000) % HOUR_MS).toBe(0);
  });

  it('gives every record a TTL in the real future', async () => {
    // Prepare
    const app = await testApp();
    // Act
    await activeSmsFactor(app, 'ttl-user');
    const items = await scanTable(app);
    // Assess
    const ttls = items.map((i) => i[TTL_ATTRIBUTE]).filter((t): t is number => typeof t === 'number');
    expect(ttls.length).toBeGreaterThan(0);
    for (const ttl of ttls) expect(ttl * 1000).toBeGreaterThan(Date.now());
  });
});

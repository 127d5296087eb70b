/** `npm run bench`: every benchmark, one after the other; figures are printed, never asserted. */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

async function main(): Promise<void> {
  const { benchApiLatency } = await import('./api-latency');
  await benchApiLatency();
  const { benchFraudGuard } = await import('./fraud-guard');
  await benchFraudGuard();
  const bundles = await import('./bundles').catch(() => undefined);
  if (bundles) await bundles.benchBundles();
  const { benchInvocations } = await import('./invocations');
  await benchInvocations();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * Bundle benchmark (issue 3, item 10): builds every function's bundle with esbuild
 * and the stack's own options (lib/bundling.ts), twice — AWS SDK left to the runtime
 * and SDK bundled — then prints each bundle's size and its module init time: the
 * median wall time of fresh `node` processes that load the bundle, minus the median
 * of bare `node -e ''`. Targets: at most 400 KiB, at most 80 ms over bare node.
 *
 * Bundles are written under node_modules/.cache so an external `@aws-sdk/*` import
 * resolves to this repository's copy, as it would to the runtime's copy in Lambda.
 * The stack's library layer (lib/library-layer.ts) is built beside them, where
 * their imports of its modules resolve as they do to /opt/nodejs/node_modules in
 * Lambda: init times include the X-Ray SDK every function loads from it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { entryFile } from '../lambdas/contract/routes';
import { ALL_FUNCTIONS } from '../lib/access';
import { esbuildOptions, NODE_OPTIONS } from '../lib/bundling';
import { COLD_START_ENV } from './cold-start-env';
import { median } from './stats';
import { buildLibraryLayer, type BuiltLayerModule } from '../lib/library-layer';

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'node_modules', '.cache', 'onetime-bench');
const SIZE_TARGET_KIB = 400;
const INIT_TARGET_MS = 80;

export interface BundleBenchOptions {
  /** Fresh processes per measurement; the median is reported. @default 11 (BENCH_BUNDLE_RUNS) */
  readonly runs?: number;
}

type Variant = 'external' | 'bundled';
const VARIANTS: readonly Variant[] = ['external', 'bundled'];

interface Measured {
  readonly kib: number;
  readonly initMs: number;
  readonly error?: string;
}

/** Wall time of one fresh node process, in ms; the process's stderr when it fails. */
function runNode(args: readonly string[]): { ms: number; error?: string } {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: OUT_DIR,
    env: { PATH: process.env.PATH ?? '', ...COLD_START_ENV },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0)
    return { ms, error: (result.stderr || String(result.error)).trim().split('\n')[0] };
  return { ms };
}

interface Built {
  readonly outfile: string;
  /** KiB in the output per package (or per source folder of this repository). */
  readonly byPackage: ReadonlyMap<string, number>;
}

async function buildBundle(fn: string, entry: string, variant: Variant): Promise<Built> {
  const outfile = path.join(OUT_DIR, `${fn}-${variant}`, 'index.mjs');
  const result = await build(esbuildOptions(path.join(ROOT, entry), outfile, variant === 'bundled'));
  const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.mjs'))?.[1];
  const byPackage = new Map<string, number>();
  for (const [file, input] of Object.entries(output?.inputs ?? {})) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? file.split('/').slice(0, 2).join('/');
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + input.bytesInOutput / 1024);
  }
  return { outfile, byPackage };
}

/**
 * Builds the stack's layer into OUT_DIR/layer and links OUT_DIR/node_modules to its
 * `nodejs/node_modules`, so bundles under OUT_DIR resolve the layer's modules first.
 */
function buildLayer(): BuiltLayerModule[] {
  const layerDir = path.join(OUT_DIR, 'layer');
  fs.rmSync(layerDir, { recursive: true, force: true });
  const built = buildLibraryLayer(ROOT, layerDir);
  const link = path.join(OUT_DIR, 'node_modules');
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(path.join(layerDir, 'nodejs', 'node_modules'), link, 'dir');
  return built;
}

/** What a function's first phone number costs: importing the layer's libphonenumber-js and parsing once. */
const FIRST_PHONE_NUMBER =
  "const { parsePhoneNumberFromString: p } = await import('libphonenumber-js/max'); if (!p('+14155550100').isValid()) process.exit(1);";

/** The largest contributors to a bundle, e.g. `libphonenumber-js 190, zod 58`. */
function largest(byPackage: ReadonlyMap<string, number>, count = 6): string {
  return [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([pkg, kib]) => `${pkg} ${kib.toFixed(0)}`)
    .join(', ');
}

function functionsToBench(): { fn: string; entry: string }[] {
  return ALL_FUNCTIONS.map((fn) => ({ fn, entry: entryFile(fn) }));
}

const pad = (s: string, n: number) => s.padEnd(n);
const num = (v: number, digits = 1, width = 7) => v.toFixed(digits).padStart(width);
/** Each figure against its target (size/init): `ok` or `over`; FAIL when the bundle does not load. */
const marks = (m: Measured) =>
  m.error !== undefined
    ? '   FAIL  '
    : `${m.kib <= SIZE_TARGET_KIB ? '  ok' : 'over'}/${m.initMs <= INIT_TARGET_MS ? 'ok  ' : 'over'}`;

export async function benchBundles(options: BundleBenchOptions = {}): Promise<void> {
  const runs = options.runs ?? Number(process.env.BENCH_BUNDLE_RUNS ?? 11);
  console.log(
    `\nLambda bundles (esbuild, options of lib/bundling.ts; init = median of ${runs} fresh node processes − bare node)`,
  );
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const layer = buildLayer();

  const fns = functionsToBench();
  const built = new Map<string, Built>();
  for (const { fn, entry } of fns) {
    for (const variant of VARIANTS) built.set(`${fn}/${variant}`, await buildBundle(fn, entry, variant));
  }

  // One pass per variant, each interleaving bare node with that variant's bundles so that machine noise hits
  // them alike. The passes are kept apart because the external variant's many small files measurably slow
  // the bundled runs they are mixed with (~10 ms here).
  const bare = new Map<Variant, number[]>();
  const firstPhone: number[] = [];
  const samples = new Map<string, number[]>();
  const errors = new Map<string, string>();
  runNode(['-e', '']); // warm the file-system cache once
  for (const variant of VARIANTS) {
    for (let i = 0; i < runs; i++) {
      bare.set(variant, [...(bare.get(variant) ?? []), runNode(['-e', '']).ms]);
      if (variant === 'bundled') {
        const run = runNode([NODE_OPTIONS, '--input-type=module', '-e', FIRST_PHONE_NUMBER]);
        if (run.error !== undefined) errors.set('first phone number', run.error);
        firstPhone.push(run.ms);
      }
      for (const { fn } of fns) {
        const key = `${fn}/${variant}`;
        // Loading the bundle as the entry module runs its top level, as Lambda's import of the handler does.
        const run = runNode([NODE_OPTIONS, built.get(key)!.outfile]);
        if (run.error !== undefined) errors.set(key, run.error);
        samples.set(key, [...(samples.get(key) ?? []), run.ms]);
      }
    }
  }
  const bareMs = median(bare.get('bundled') ?? []);
  const measured = (key: string): Measured => {
    const variant = key.slice(key.lastIndexOf('/') + 1) as Variant;
    const kib = fs.statSync(built.get(key)!.outfile).size / 1024;
    const initMs = median(samples.get(key) ?? [NaN]) - median(bare.get(variant) ?? []);
    const error = errors.get(key);
    return error === undefined ? { kib, initMs } : { kib, initMs, error };
  };

  console.log(
    `  bare node -e '': ${bareMs.toFixed(1)} ms (Node ${process.versions.node}); targets ≤ ${SIZE_TARGET_KIB} KiB, ≤ ${INIT_TARGET_MS} ms`,
  );
  for (const built of layer) {
    const kib = fs.statSync(built.path).size / 1024;
    const when =
      built.module.specifier === 'libphonenumber-js/max'
        ? errors.has('first phone number')
          ? `FAILED to load and parse a number: ${errors.get('first phone number')}`
          : `imported on a function's first phone number: ${(median(firstPhone) - bareMs).toFixed(1)} ms once (load and parse one number)`
        : 'imported by every function at init (included in the init figures below)';
    console.log(`  layer: ${built.module.specifier} ${built.version}, ${kib.toFixed(1)} KiB, ${when}`);
  }
  const columns = '    KiB  init ms  size/init';
  console.log(
    `  ${pad('function', 16)}| ${pad("SDK external (runtime's)", 29)}| ${pad('SDK bundled', 29)}| starts faster`,
  );
  console.log(`  ${pad('', 16)}| ${columns}  | ${columns}  |`);
  let externalWins = 0;
  for (const { fn } of fns) {
    const ext = measured(`${fn}/external`);
    const bun = measured(`${fn}/bundled`);
    const faster = ext.initMs <= bun.initMs ? 'SDK external' : 'SDK bundled';
    if (ext.initMs <= bun.initMs) externalWins++;
    console.log(
      `  ${pad(fn, 16)}| ${num(ext.kib)} ${num(ext.initMs, 1, 8)}  ${marks(ext)}  | ${num(bun.kib)} ${num(bun.initMs, 1, 8)}  ${marks(bun)}  | ${faster}`,
    );
    for (const [variant, m] of [
      ['external', ext],
      ['bundled', bun],
    ] as const) {
      if (m.error !== undefined) console.log(`    ${fn} (${variant}) failed to load: ${m.error}`);
    }
    const best = ext.initMs <= bun.initMs ? 'external' : 'bundled';
    if ((best === 'external' ? ext : bun).kib > SIZE_TARGET_KIB) {
      console.log(
        `    largest in ${fn} (SDK ${best}), KiB: ${largest(built.get(`${fn}/${best}`)!.byPackage)}`,
      );
    }
  }
  const verdict =
    externalWins * 2 > fns.length
      ? `the runtime's SDK starts faster for ${externalWins} of ${fns.length} functions: deploy with -c bundleAwsSdk=false`
      : `the bundled SDK starts faster for ${fns.length - externalWins} of ${fns.length} functions: keep bundleAwsSdk=true (the default)`;
  console.log(`  Verdict: ${verdict}.`);
  console.log(
    "  Note: locally the external SDK is this repository's node_modules copy; in Lambda it is the runtime's, " +
      'already in the page cache of a warm host, so the external figures are an upper bound.',
  );
}

// `npx tsx bench/bundles.ts` runs this benchmark alone.
if (require.main === module) {
  benchBundles().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

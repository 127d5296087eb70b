/**
 * The stack's own Lambda layer: large modules that every function (or many) would
 * otherwise bundle, each built into ONE minified ES module that functions import by
 * name (`FROM_LAYER` in lib/bundling.ts leaves them out of the bundles).
 *
 * - `libphonenumber-js/max`, whose full metadata (190 KiB) precise validation and
 *   number types need, built from the version package-lock.json pins. Only adding a
 *   phone factor or a delivery to a phone parses a number, so
 *   `lambdas/domain/phone-numbers.ts` imports it on first use: no function parses it
 *   at init.
 * - This repository's own large modules (`OWN_LAYER_MODULES`): the message
 *   catalogue in 31 languages (~125 KiB built), which in every bundle put each one
 *   over 400 KiB, and the QR code encoder only TOTP enrolment uses. Deployed once;
 *   functions load the catalogue at init, as fast as bundled.
 *
 * (The X-Ray SDK that Powertools Tracer needed was here too; the functions no longer
 * trace with it, decision 45.)
 *
 * `npm run bench` builds the same layer and loads functions against it. Since
 * Node.js 18, Lambda resolves ES module imports through NODE_PATH, which holds the
 * layer's `nodejs/node_modules`.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import { ESM_BUILD, FROM_LAYER, OWN_LAYER_MODULES } from './bundling';

export interface LayerModule {
  /** What functions import, e.g. `libphonenumber-js/max`: one of `FROM_LAYER`. */
  readonly specifier: string;
  /** The npm package it belongs to. */
  readonly packageName: string;
  /** Its subpath in the package's `exports`: `.` or e.g. `./max`. */
  readonly exportPath: string;
  /** The file in the layer's copy of the package. */
  readonly file: string;
  /** A CommonJS package is re-exported by default and by each name; an ES module with `export *`. */
  readonly format: 'commonjs' | 'esm';
  /** A module of this repository: its source file (relative to the project root), built as it is. */
  readonly source?: string;
}

/** How each of `FROM_LAYER` is built. */
export const LAYER_MODULES: readonly LayerModule[] = FROM_LAYER.map((specifier): LayerModule => {
  const source = OWN_LAYER_MODULES[specifier];
  if (source !== undefined)
    return { specifier, packageName: specifier, exportPath: '.', file: 'index.mjs', format: 'esm', source };
  switch (specifier) {
    case 'libphonenumber-js/max':
      return {
        specifier,
        packageName: 'libphonenumber-js',
        exportPath: './max',
        file: 'max.mjs',
        format: 'esm',
      };
    default:
      throw new Error(`no layer build for ${specifier}`);
  }
});

export interface BuiltLayerModule {
  readonly module: LayerModule;
  /** Absolute path of the built file. */
  readonly path: string;
  /** The package version inside, as locked in package-lock.json (this repository's own, for its modules). */
  readonly version: string;
}

function lockedVersion(requireFromProject: NodeJS.Require, module: LayerModule): string {
  const packageName = module.source === undefined ? module.packageName : './package.json';
  const manifest = module.source === undefined ? `${packageName}/package.json` : packageName;
  return (requireFromProject(manifest) as { version: string }).version;
}

/** The source esbuild bundles for one module: a faithful stand-in for the package's own entry point. */
function reexport(module: LayerModule, projectRoot: string): string {
  if (module.format === 'esm') {
    return `export * from '${module.specifier}';\nexport { default } from '${module.specifier}';`;
  }
  // Every name the package exports, by name as well as by default: code may import either; naming them
  // all keeps the module a faithful stand-in. Read in a child process: loading a package may have side
  // effects (the X-Ray SDK, once here, turned on an async hook) that synth (or jest) should not carry.
  const keys = JSON.parse(
    execFileSync(
      process.execPath,
      [
        '-e',
        `process.stdout.write(JSON.stringify(Object.keys(require(${JSON.stringify(module.specifier)}))))`,
      ],
      { cwd: projectRoot, encoding: 'utf8' },
    ),
  ) as string[];
  const names = keys.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  return [
    `import m from '${module.specifier}';`,
    'export default m;',
    `export const { ${names.join(', ')} } = m;`,
  ].join('\n');
}

/**
 * Writes the layer's content under `outDir`: for each module,
 * `nodejs/node_modules/<package>/<file>` (minified, source-mapped, with every
 * dependency inside) and a package.json whose `exports` name it.
 */
export function buildLibraryLayer(projectRoot: string, outDir: string): BuiltLayerModule[] {
  const requireFromProject = createRequire(path.join(projectRoot, 'package.json'));
  return LAYER_MODULES.map((module) => {
    const version = lockedVersion(requireFromProject, module);
    const packageDir = path.join(outDir, 'nodejs', 'node_modules', module.packageName);
    const file = path.join(packageDir, module.file);
    fs.mkdirSync(packageDir, { recursive: true });
    buildSync({
      ...(module.source === undefined
        ? {
            stdin: {
              contents: reexport(module, projectRoot),
              resolveDir: projectRoot,
              sourcefile: `${module.packageName.replace('/', '-')}-layer.mjs`,
              loader: 'js',
            },
          }
        : { entryPoints: [path.join(projectRoot, module.source)] }),
      ...ESM_BUILD,
      // Text as it is (UTF-8), not \u-escaped: the catalogue's scripts would take up to twice the bytes.
      charset: 'utf8',
      outfile: file,
    });
    const manifest = {
      name: module.packageName,
      version,
      description: `${module.specifier} ${version} bundled into one ES module for onetime`,
      type: 'module',
      exports: { [module.exportPath]: `./${module.file}` },
    };
    fs.writeFileSync(path.join(packageDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return { module, path: file, version };
  });
}

export interface LibraryLayerProps {
  /** Directory holding package.json and package-lock.json. */
  readonly projectRoot: string;
}

export class LibraryLayer extends Construct {
  readonly layer: lambda.LayerVersion;

  constructor(scope: Construct, id: string, props: LibraryLayerProps) {
    super(scope, id);
    this.layer = new lambda.LayerVersion(this, 'Layer', {
      description: `onetime libraries at the versions of package-lock.json: ${FROM_LAYER.join(', ')}`,
      // Plain JavaScript: the runtime is what matters, not the processor.
      compatibleRuntimes: [lambda.Runtime.NODEJS_22_X],
      compatibleArchitectures: [lambda.Architecture.ARM_64, lambda.Architecture.X86_64],
      // The source directory only names the asset: the content is what tryBundle writes.
      code: lambda.Code.fromAsset(__dirname, {
        // The layer changes exactly when its built content does (a locked version, or this build).
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // Never pulled: local bundling always succeeds (esbuild is a dev dependency, as NodejsFunction requires).
          image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
          local: {
            tryBundle(outputDir: string): boolean {
              buildLibraryLayer(props.projectRoot, outputDir);
              return true;
            },
          },
        },
      }),
    });
  }
}

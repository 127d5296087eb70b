// Jest transformer: TypeScript and ESM-only packages compiled to CommonJS by esbuild
// (already a dependency for bundling). @swc/jest was the first choice, but the package
// registry this project installs from lacks swc's binaries for other platforms, which
// leaves `npm ci` unable to use the lock file.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const loader = /\.tsx?$/.test(filename) ? 'ts' : 'js';
    const { code, map } = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node20',
      sourcemap: 'external',
      sourcefile: filename,
      // Keep `await import(...)` working in CommonJS: it becomes a require.
      supported: { 'dynamic-import': false },
    });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return require('node:crypto').createHash('sha1').update(`v1\0${filename}\0${source}`).digest('hex');
  },
};

/**
 * Typed readers for environment variables. Configuration is read once, at start-up,
 * through these helpers; nothing else in the code base touches `process.env`.
 * A malformed value fails fast with the variable's name rather than silently
 * falling back to a default.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function readInt(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min) throw new ConfigError(`${name} must be at least ${min}, got ${value}`);
  return value;
}

export function readString(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  return raw === undefined || raw === '' ? fallback : raw;
}

export function readOptional(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}

export function readRequired(env: Env, name: string): string {
  const raw = readOptional(env, name);
  if (raw === undefined) throw new ConfigError(`${name} must be set`);
  return raw;
}

export function readList(env: Env, name: string): string[] {
  const raw = readOptional(env, name);
  return raw === undefined
    ? []
    : raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}

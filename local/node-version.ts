/**
 * The Node.js versions the local server runs on. The deployed functions run Node 22
 * (lib/ sets the Lambda runtime); local development works on Node 20 and later,
 * which package.json's `engines` states too (a test keeps the two in step).
 */
export const MIN_NODE_MAJOR = 20;

/** Why this Node cannot run the local server, or undefined when it can. */
export function nodeVersionProblem(version: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1] ?? NaN);
  if (major >= MIN_NODE_MAJOR) return undefined;
  return `onetime needs Node.js ${MIN_NODE_MAJOR} or later (the deployed functions run Node 22); this is Node ${version}`;
}

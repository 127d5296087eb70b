/**
 * The Node.js versions the local server runs on. The deployed functions run Node 22
 * (lib/ sets the Lambda runtime); local development works on Node 20.6 and later
 * (`npm start` loads TypeScript with `node --import tsx`, which needs 20.6), as
 * package.json's `engines` states too (a test keeps the two in step).
 */
export const MIN_NODE = { major: 20, minor: 6 } as const;
export const MIN_NODE_TEXT = `${MIN_NODE.major}.${MIN_NODE.minor}`;

/** Why this Node cannot run the local server, or undefined when it can. */
export function nodeVersionProblem(version: string): string | undefined {
  const match = /^v?(\d+)\.(\d+)\./.exec(version);
  const major = Number(match?.[1] ?? NaN);
  const minor = Number(match?.[2] ?? NaN);
  if (major > MIN_NODE.major || (major === MIN_NODE.major && minor >= MIN_NODE.minor)) return undefined;
  return `onetime needs Node.js ${MIN_NODE_TEXT} or later (the deployed functions run Node 22); this is Node ${version}`;
}

/**
 * The start-up check of Node's version: refused below the minimum with a line that
 * says what is needed and what runs; accepted from the minimum on.
 */
import { MIN_NODE_TEXT, nodeVersionProblem } from '../../local/node-version';

describe('Module: local/node-version', () => {
  it.each(['v18.20.4', 'v19.9.0', 'v20.0.0', 'v20.5.1', 'not a version'])('refuses %s', (version) => {
    // Act
    const problem = nodeVersionProblem(version);
    // Assess
    expect(problem).toBe(
      `onetime needs Node.js ${MIN_NODE_TEXT} or later (the deployed functions run Node 22); this is Node ${version}`,
    );
  });

  it.each(['v20.6.0', 'v20.20.2', 'v22.11.0', 'v24.1.0', 'v100.0.0'])('accepts %s', (version) => {
    // Act / Assess
    expect(nodeVersionProblem(version)).toBeUndefined();
  });
});

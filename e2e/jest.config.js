// End-to-end suites: real temporary workspaces, the packed packages installed from tarballs, the
// real `nx` and `codewaves` binaries in child processes, and the local OpenAI-compatible server
// running in the Jest process. They need the built dist/ folders: `npm test` builds first.
/** @type {import('jest').Config} */
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Used when this config runs alone; under the root config Jest ignores a project's testTimeout,
  // so support/jest-setup.ts sets the same timeout.
  testTimeout: 300_000,
  setupFilesAfterEnv: ['<rootDir>/support/jest-setup.ts'],
};

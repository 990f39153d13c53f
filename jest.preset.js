// Shared by every Jest project. @swc/jest keeps transform cost low; worker threads never see this
// transform, so code that runs in a worker is always loaded from the built dist/ folders.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  setupFilesAfterEnv: [require('node:path').join(__dirname, 'tools/testing/jest-setup.ts')],
};

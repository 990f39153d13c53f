// `npm test` runs every project: unit tests of each package and the end-to-end suites.
/** @type {import('jest').Config} */
module.exports = {
  projects: ['<rootDir>/packages/core', '<rootDir>/packages/nx', '<rootDir>/tools', '<rootDir>/e2e'],
};

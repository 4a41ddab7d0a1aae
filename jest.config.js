/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['<rootDir>/test/support/synth-env.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  testTimeout: 120000,
};

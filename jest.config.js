const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// Node scripts' entry points run for real inside `npm test` (build, checks); their logic lives in
// imported modules, which the unit tests cover.
const SCRIPT_ENTRY_POINTS = [
  'scripts/build/buildLwc.ts',
  'scripts/checks/checkSoqlSchema.ts',
  'scripts/checks/analyzeApex.ts',
  'scripts/checks/checkMetadata.ts',
  'scripts/checks/checkPrerequisites.ts',
  'scripts/checks/checkApexCompile.ts',
  'scripts/checks/checkApexRules.ts',
  'scripts/preview/cli.ts',
  'scripts/demo/cli.ts',
  'scripts/soql-engine/bench.ts',
  'scripts/bench/preview.ts',
  'scripts/bench/apexRuntime.ts',
  'scripts/bench/cli.ts',
  // Reached only by the spawned `adoption` end-to-end tests: it imports the sources dynamically.
  'scripts/cli/openSource.ts'
];

// The preview's browser code and bundler run in Chromium, in the browser tests (npm run
// test:browser), which collect no coverage.
const BROWSER_TESTED = ['scripts/preview/bundle.ts', 'scripts/preview/client/**'];

/** Node scripts and their tests: TypeScript through Babel, CommonJS for jest. */
const nodeProject = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/jest/setupNode.ts'],
  // Components and the KPI library are measured by the lwc project only: two transforms of one file
  // give different statement maps, and merging them corrupts the coverage figures.
  coveragePathIgnorePatterns: ['/node_modules/', '<rootDir>/force-app/'],
  transform: {
    '^.+\\.ts$': [
      'babel-jest',
      {
        babelrc: false,
        configFile: false,
        presets: [['@babel/preset-typescript', { allowDeclareFields: true }]],
        plugins: ['@babel/plugin-transform-modules-commonjs']
      }
    ]
  }
};

module.exports = {
  projects: [
    {
      ...lwcJestConfig,
      displayName: 'lwc',
      transform: {
        ...lwcJestConfig.transform,
        '^.+\\.(js|ts|html|css)$': '<rootDir>/jest/lwcTransformer.js'
      },
      testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.ts'],
      setupFilesAfterEnv: [...lwcJestConfig.setupFilesAfterEnv, '<rootDir>/jest/setupLwc.ts'],
      moduleFileExtensions: [...lwcJestConfig.moduleFileExtensions, 'json'],
      moduleNameMapper: {
        '^test-utils$': '<rootDir>/jest/lwcTestUtils.ts',
        '^lightning/platformResourceLoader$': '<rootDir>/jest/mocks/platformResourceLoader.ts',
        '^@salesforce/resourceUrl/(.*)$': '<rootDir>/jest/mocks/resourceUrl.ts'
      },
      modulePathIgnorePatterns: ['<rootDir>/.localdevserver', '<rootDir>/.tmp']
    },
    {
      ...nodeProject,
      displayName: 'node',
      testMatch: ['<rootDir>/scripts/**/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.test\\.ts$']
    },
    {
      ...nodeProject,
      displayName: 'browser',
      testMatch: ['<rootDir>/scripts/**/__tests__/**/*.browser.test.ts']
    }
  ],
  collectCoverageFrom: [
    'force-app/**/lwc/**/*.ts',
    'scripts/**/*.ts',
    '!**/__tests__/**',
    '!**/*.d.ts',
    ...[...SCRIPT_ENTRY_POINTS, ...BROWSER_TESTED].map((entry) => `!${entry}`)
  ],
  coverageReporters: ['text-summary', 'lcov'],
  coverageThreshold: {
    global: { lines: 90, statements: 90, functions: 90, branches: 80 }
  }
};

const { defineConfig, globalIgnores } = require('eslint/config');
const eslintJs = require('@eslint/js');
const jestPlugin = require('eslint-plugin-jest');
const lwcConfig = require('@salesforce/eslint-config-lwc/recommended-ts');
const tseslint = require('typescript-eslint');
const globals = require('globals');

module.exports = defineConfig([
  globalIgnores([
    'node_modules/**',
    'coverage/**',
    '.sf/**',
    '.sfdx/**',
    '.tmp/**',
    // Build products: emitted from the .ts sources and from node_modules.
    'force-app/main/default/lwc/**/*.js',
    'force-app/main/default/staticresources/**'
  ]),

  // Lightning Web Components (TypeScript sources and their tests).
  {
    files: ['force-app/**/lwc/**/*.ts'],
    extends: [lwcConfig, ...tseslint.configs.recommended],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module' }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['force-app/**/lwc/**/__tests__/**/*.ts'],
    extends: [jestPlugin.configs['flat/recommended']],
    languageOptions: { globals: { ...globals.node, ...jestPlugin.environments.globals.globals } },
    rules: {
      '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
      // jest.mock factories are hoisted above imports, so they must require() what they use.
      '@typescript-eslint/no-require-imports': 'off'
    }
  },

  // Node scripts, checks and their tests.
  {
    files: ['scripts/**/*.ts', 'jest/**/*.ts', 'types/**/*.ts'],
    extends: [eslintJs.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } }
  },
  {
    files: ['scripts/**/__tests__/**/*.ts'],
    extends: [jestPlugin.configs['flat/recommended']],
    languageOptions: { globals: { ...jestPlugin.environments.globals.globals } },
    // The browser tests assert through `eventually`, which re-reads the page before expecting.
    rules: { 'jest/expect-expect': ['warn', { assertFunctionNames: ['expect', 'eventually'] }] }
  },
  {
    files: ['*.js', 'jest/**/*.js'],
    extends: [eslintJs.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
  }
]);

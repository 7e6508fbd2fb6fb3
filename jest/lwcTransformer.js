/**
 * @lwc/jest-transformer, with jest's `instrument` flag added to its cache key: without it, a file
 * transformed by a plain `jest` run is reused uninstrumented by `jest --coverage`, and coverage
 * silently reads 0% for it.
 */
const lwcTransformer = require('@lwc/jest-transformer');

module.exports = {
  ...lwcTransformer,
  getCacheKey(sourceText, sourcePath, transformOptions) {
    const key = lwcTransformer.getCacheKey(sourceText, sourcePath, transformOptions);
    return transformOptions.instrument ? `${key}:instrumented` : key;
  }
};

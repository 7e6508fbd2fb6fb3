#!/usr/bin/env node
/**
 * The `adoption` executable (package.json "bin"): registers tsx, loads the TypeScript CLI and
 * hands it the process. This package is CommonJS, so tsx compiles main.ts and its imports as
 * CommonJS: both of tsx's hooks are needed (the ESM one for this import, the CommonJS one for
 * main.ts's own imports). Node 22 is required: jsforce needs it, and on Node 20 tsx cannot load
 * this CommonJS TypeScript from an ES module (ERR_REQUIRE_CYCLE_MODULE). `npx adoption` and
 * `npm run adoption` run on the project's own Node 22 (the `node` devDependency).
 */
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `Error: adoption needs Node.js 22 or later; this is ${process.version}. ` +
      "Run it as `npx adoption …` or `npm run adoption -- …`, which use the project's Node 22.\n"
  );
  process.exit(1);
}

const { register } = await import('tsx/esm/api');
const { register: registerCommonJs } = await import('tsx/cjs/api');
registerCommonJs();
register();
const { run } = await import('../main.ts');
process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
  columns: process.stderr.columns
});

/**
 * npm run demo — generate a demo org, print its counts and digest, optionally write CSV files.
 * `npx tsx scripts/demo/cli.ts --help` for the options; the logic lives in command.ts.
 */
import { runDemoCli } from './command';

runDemoCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text)
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`demo failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  }
);

/**
 * Stores a Salesforce CLI login to a fake org, as `sf org login access-token` would, for the
 * `--target-org` tests. Run as a child process with HOME set to a temporary folder (jest's
 * sandbox breaks @salesforce/core's file handling, and the machine's own logins stay untouched):
 *
 *   HOME=<tmp> SF_ACCESS_TOKEN=<token> node --require tsx/cjs storeLogin.ts <alias> <username> <instanceUrl>
 */
import { AuthInfo } from '@salesforce/core';

async function storeLogin(alias: string, username: string, instanceUrl: string): Promise<void> {
  const auth = await AuthInfo.create({
    username,
    accessTokenOptions: {
      username,
      // Supplied so that no user or org information is fetched from the fake.
      orgId: '00D5g0000000001AAA',
      isDevHub: false,
      namespacePrefix: null,
      accessToken: process.env.SF_ACCESS_TOKEN,
      instanceUrl,
      loginUrl: instanceUrl
    }
  });
  await auth.save();
  await auth.setAlias(alias);
}

const [alias, username, instanceUrl] = process.argv.slice(2);
storeLogin(alias, username, instanceUrl).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

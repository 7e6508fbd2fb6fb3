/**
 * The Chromium the browser tests drive and the prerequisites check looks for: Debian's package,
 * unless CHROMIUM_PATH names another binary.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

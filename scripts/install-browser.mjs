// Installs what the browser tests need on a Debian or Ubuntu machine: Debian's chromium and the
// Liberation fonts (screenshots depend on them). Does nothing when chromium is already there.
// Playwright's own browser download is not used: this project's machines cannot reach it.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.NEGOSIM_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(CHROMIUM)) {
  console.log(`chromium found at ${CHROMIUM}`);
  process.exit(0);
}
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = root ? '' : 'sudo ';
const command = `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation`;
console.log(`installing the test browser: ${command}`);
try {
  execSync(command, { stdio: 'inherit', shell: '/bin/bash' });
} catch {
  console.error(
    'Could not install chromium. On another system, install Chromium or Chrome and set NEGOSIM_CHROMIUM to its path.',
  );
  process.exit(1);
}

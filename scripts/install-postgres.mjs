// Installs what the classroom server's tests need on a Debian or Ubuntu machine: Debian's
// PostgreSQL 15 (the tests start throwaway clusters with its initdb and pg_ctl, on free
// loopback ports). Does nothing when it is already there.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const BIN = process.env.NEGOSIM_PG_BIN ?? '/usr/lib/postgresql/15/bin';
if (existsSync(`${BIN}/initdb`)) {
  console.log(`PostgreSQL found in ${BIN}`);
  process.exit(0);
}
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = root ? '' : 'sudo ';
const command = `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql`;
console.log(`installing PostgreSQL for the tests: ${command}`);
try {
  execSync(command, { stdio: 'inherit', shell: '/bin/bash' });
} catch {
  console.error('Could not install PostgreSQL. Install PostgreSQL 15 and set NEGOSIM_PG_BIN to its bin folder.');
  process.exit(1);
}

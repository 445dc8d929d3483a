#!/usr/bin/env node
// NegoSim's command line: the build in dist-cli/ (made by `npm ci` through the `prepare` script,
// and by `npm run build:cli`), so a command starts without compiling TypeScript.
import { createInterface } from 'node:readline';

// A reader that stops early (`negosim play … | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
let main;
try {
  ({ main } = await import('../dist-cli/negosim.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write('negosim: the command is not built yet — run `npm run build:cli` (npm ci does it too).\n');
  process.exit(2);
}

// Lines are queued as they arrive: with piped input they come all at once, before any prompt.
let rl;
const lines = [];
const waiting = [];
let closed = false;
function startReading() {
  rl = createInterface({ input: process.stdin, terminal: false });
  rl.on('line', (line) => (waiting.length ? waiting.shift()(line) : lines.push(line)));
  rl.on('close', () => {
    closed = true;
    while (waiting.length) waiting.shift()(undefined);
  });
}
const io = {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  readLine: (prompt) => {
    if (!rl) startReading();
    // Prompts on stderr, like a shell's `read -p`: stdout carries only the transcript or the JSON.
    process.stderr.write(prompt);
    if (lines.length) return Promise.resolve(lines.shift());
    if (closed) return Promise.resolve(undefined);
    return new Promise((resolve) => waiting.push(resolve));
  },
};

const code = await main(process.argv.slice(2), io, process.env);
rl?.close();
process.exitCode = code;

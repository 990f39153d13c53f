#!/usr/bin/env node
// Completes package-lock.json with the platform-specific optional packages that npm left out.
//
// Why: the registry this project's machines reach serves only the packages for this platform, so
// `npm install` cannot read the manifests of e.g. @swc/core-darwin-arm64 and leaves them out of the
// lock, and `npm ci` then refuses the lock as out of sync ("Missing: @swc/core-darwin-arm64@ from
// lock file"). Each missing optional package gets an entry with its version and the os/cpu/libc its
// name states, so npm ci skips it on other platforms and the lock still installs everywhere.
// Run after every `npm install`: node tools/scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd', 'wasm32'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32', 'universal'];
let added = 0;

for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = `${path}/node_modules/${name}`;
    if (lock.packages[key] || lock.packages[nested]) continue;
    const tokens = name.split('/').pop().split('-');
    const os = tokens.find((t) => OS.includes(t)) ?? (tokens.includes('win32') ? 'win32' : undefined);
    const cpu = tokens.find((t) => CPU.includes(t)) ?? (tokens.includes('eabi') || tokens.includes('gnueabihf') || tokens.includes('musleabihf') ? 'arm' : undefined);
    if (!os && !cpu) continue; // not a platform package: leave it to npm
    const version = String(range).replace(/^[\^~=]/, '');
    lock.packages[key] = {
      version,
      ...(cpu ? { cpu: [cpu === 'universal' ? 'arm64' : cpu] } : {}),
      ...(entry.dev ? { dev: true } : {}),
      ...(tokens.includes('musl') || tokens.includes('musleabihf') ? { libc: ['musl'] } : tokens.includes('gnu') || tokens.includes('gnueabihf') || tokens.includes('msvc') ? (os === 'linux' ? { libc: ['glibc'] } : {}) : {}),
      optional: true,
      ...(os ? { os: [os === 'wasm32' ? 'wasm32' : os] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform-specific optional package(s)`);

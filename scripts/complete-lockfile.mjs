#!/usr/bin/env node
/**
 * Adds to package-lock.json the platform-specific optional packages that npm left out.
 *
 * Why: the package registry these machines reach serves only Linux builds of native packages
 * (e.g. @pagefind/darwin-arm64 answers 404), so `npm install` cannot read their manifests and
 * writes a lockfile without them, which `npm ci` then rejects as out of sync. An entry with the
 * version and the os/cpu read from the package name is enough: `npm ci` skips packages for
 * other platforms without fetching them. Run after `npm install` changes the lockfile
 * (`npm run lock:complete`); a unit test fails when the lockfile needs it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const LOCKFILE = new URL('../package-lock.json', import.meta.url);

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'sunos', 'win32', 'aix', 'netbsd'];
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32', 'mips64el'];

/** The os and cpu a platform package is for, read from its name (e.g. `@x/binding-win32-arm64-msvc`). */
export function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.map((part) => (part === 'windows' ? 'win32' : part)).find((part) => OS.includes(part));
  const cpu = parts.find((part) => CPU.includes(part));
  return { os, cpu };
}

/** Returns the lock with an entry for every optional dependency that has none; lists what it added. */
export function completeLock(lock) {
  const packages = lock.packages;
  const added = [];
  for (const [path, info] of Object.entries(packages)) {
    for (const [name, version] of Object.entries(info.optionalDependencies ?? {})) {
      // npm resolves a dependency from the nearest node_modules upwards.
      const base = path === '' ? '' : `${path}/`;
      const candidates = [];
      let prefix = base;
      while (true) {
        candidates.push(`${prefix}node_modules/${name}`);
        const index = prefix.lastIndexOf('node_modules/');
        if (index === -1) break;
        prefix = prefix.slice(0, index);
      }
      if (!candidates.includes(`node_modules/${name}`)) candidates.push(`node_modules/${name}`);
      if (candidates.some((candidate) => packages[candidate]?.version === version)) continue;
      const { os, cpu } = platformOf(name);
      if (!os && !cpu) continue;
      const target = packages[`node_modules/${name}`]
        ? `${base}node_modules/${name}`
        : `node_modules/${name}`;
      packages[target] = {
        version,
        ...(info.dev ? { dev: true } : {}),
        optional: true,
        ...(os ? { os: [os] } : {}),
        ...(cpu ? { cpu: [cpu] } : {}),
      };
      added.push(`${target}@${version}`);
    }
  }
  lock.packages = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
  );
  return added;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const lock = JSON.parse(readFileSync(LOCKFILE, 'utf8'));
  const added = completeLock(lock);
  writeFileSync(LOCKFILE, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(
    added.length ? `Added ${added.length} entries:\n${added.join('\n')}` : 'package-lock.json is complete.',
  );
}

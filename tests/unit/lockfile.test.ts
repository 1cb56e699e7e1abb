import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { completeLock, platformOf } from '../../scripts/complete-lockfile.mjs';

describe('package-lock.json', () => {
  it('lists every platform package, so that npm ci accepts it (run `npm run lock:complete`)', () => {
    const lock: unknown = JSON.parse(
      readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8'),
    );
    expect(completeLock(lock)).toEqual([]);
  });

  it('reads the platform from a package name', () => {
    expect(platformOf('@astrojs/compiler-binding-win32-arm64-msvc')).toEqual({ os: 'win32', cpu: 'arm64' });
    expect(platformOf('@pagefind/windows-x64')).toEqual({ os: 'win32', cpu: 'x64' });
    expect(platformOf('@astrojs/compiler-binding-wasm32-wasi')).toEqual({ os: undefined, cpu: 'wasm32' });
  });
});

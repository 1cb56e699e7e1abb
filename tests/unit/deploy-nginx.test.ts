import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/site';

const readme = readFileSync(ROOT + 'README.md', 'utf8');
/** The server block that tests/e2e/security-headers.test.ts runs in real nginx. */
const serverBlock = readFileSync(ROOT + 'deploy/nginx/site.conf.template', 'utf8');

describe('the nginx server block of the README', () => {
  it('is, word for word, the block the browser tests serve the site with', () => {
    const deploying = readme.slice(readme.indexOf('\n## Deploying'), readme.indexOf('\n## How it is built'));
    const shown = [...deploying.matchAll(/```nginx\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(shown).toEqual([serverBlock]);
  });

  it('is filled in by envsubst with the three values the README names', () => {
    const placeholders = new Set([...serverBlock.matchAll(/\$\{(\w+)\}/g)].map((match) => match[1]));
    expect([...placeholders].sort()).toEqual(['BASE_PATH', 'LISTEN', 'WEB_ROOT']);
    expect(readme).toContain(`envsubst '$LISTEN $WEB_ROOT $BASE_PATH' < deploy/nginx/site.conf.template`);
  });

  it('needs nginx for the tests, which the README and .ci/run install', () => {
    expect(readme).toContain('apt-get install -y nginx-light');
    const ciRun = readFileSync(ROOT + '.ci/run', 'utf8');
    expect(ciRun).toContain('[ -x /usr/sbin/nginx ] || missing+=(nginx-light)');
    expect(ciRun).toContain('apt-get install -y -qq "${missing[@]}"');
  });
});

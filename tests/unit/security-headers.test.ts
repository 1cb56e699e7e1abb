import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScripts, scriptHash } from '../../scripts/security-headers.mjs';

describe('security headers', () => {
  it('finds inline scripts and leaves scripts with src alone', () => {
    const html =
      '<script>a()</script><script type="module" src="/x.js"></script><script type="module">b()</script>';
    expect(inlineScripts(html)).toEqual(['a()', 'b()']);
  });

  it('hashes a script as browsers do', () => {
    const expected = createHash('sha256').update('a()').digest('base64');
    expect(scriptHash('a()')).toBe(`'sha256-${expected}'`);
  });

  it('allows inline scripts by hash only', () => {
    const csp = contentSecurityPolicy(new Set([scriptHash('a()')]));
    expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' ${scriptHash('a()')}`);
    expect(csp).not.toContain("'unsafe-inline' 'sha256");
    expect(csp).toContain("object-src 'none'");
  });
});

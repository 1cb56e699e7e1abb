import { describe, expect, it } from 'vitest';
import { memoize } from '../../src/lib/memo';

describe('memoize', () => {
  it('computes once per list of arguments, and shares a pending promise', async () => {
    const calls: string[] = [];
    const slow = memoize(async (guide: string, lang: string) => {
      calls.push(`${guide}/${lang}`);
      await Promise.resolve();
      return `${guide} in ${lang}`;
    });
    const results = await Promise.all([
      slow('hp', 'ja'),
      slow('hp', 'ja'),
      slow('hp', 'en'),
      slow('hp', 'ja'),
    ]);
    expect(results).toEqual(['hp in ja', 'hp in ja', 'hp in en', 'hp in ja']);
    expect(calls).toEqual(['hp/ja', 'hp/en']);
  });

  it('keeps arguments apart that would join into the same text', () => {
    const joined = memoize((a: string, b: string) => [a, b]);
    expect(joined('a,b', 'c')).not.toBe(joined('a', 'b,c'));
  });
});

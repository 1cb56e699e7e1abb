import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORD_FIELDS } from '../../src/lib/records';
import { validateRecord } from '../../src/lib/record-validation';
import { ROOT } from '../support/site';

/**
 * Issue 13: a rule the site states rests on the source document of the procedure it is shown in,
 * or says it is the site's own advice. These are the rules one source states and another does not.
 */

const now = new Date('2026-06-01T12:00:00');
const validate = (id: string, raw: string) => validateRecord(id, raw, { records: {}, now });

interface GuideJson {
  id: string;
  records: { id: string; step: string; kind: string }[];
  recordTexts: Record<'ja' | 'en', Record<string, { label: string; hint: string }>>;
}
const guideJson = (id: string) =>
  JSON.parse(readFileSync(join(ROOT, 'src/content/guides', `${id}.json`), 'utf8')) as GuideJson;

describe('the HP account email', () => {
  const hp = guideJson('hp');

  it('has no hint claiming the source asks for a company-domain address (the HP source does not)', () => {
    for (const lang of ['ja', 'en'] as const) {
      const hints = Object.values(hp.recordTexts[lang]).map((text) => `${text.label} ${text.hint}`);
      expect(hints.join(' ')).not.toMatch(/会社|company|domain|ドメイン/i);
    }
  });

  it('gives no free-mail warning, a rule of other vendors', () => {
    const email = hp.records.find((field) => field.kind === 'email');
    expect(email).toBeDefined();
    expect(validate(email!.id, 'taro@gmail.com')).toEqual({
      ok: true,
      value: 'taro@gmail.com',
      warnings: [],
    });
  });
});

describe('the Microsoft reserved words', () => {
  it('are not checked on the organisation account sign-in name', () => {
    expect(validate('ms-user-name', 'admin@contoso.onmicrosoft.com')).toEqual({
      ok: true,
      value: 'admin@contoso.onmicrosoft.com',
      warnings: [],
    });
  });

  it('are checked on the 第一連絡先 email, at the step that asks for it', () => {
    const contact = RECORD_FIELDS.find((field) => field.id === 'ms-primary-contact-email');
    expect(contact?.step).toBe('ms-aicpp-enter-company-info');
    expect(validate('ms-primary-contact-email', 'admin@contoso.co.jp')).toMatchObject({
      ok: true,
      warnings: ['reserved-word'],
    });
    expect(validate('ms-primary-contact-email', 'taro@hotmail.com')).toMatchObject({
      ok: true,
      warnings: ['free-mail'],
    });
    expect(validate('ms-primary-contact-email', 'taro.yamada@contoso.co.jp')).toMatchObject({
      ok: true,
      warnings: [],
    });
  });
});

describe('the name-conflict workaround in English', () => {
  const files = [
    'src/content/docs/en/microsoft.mdx',
    ...readdirSync(join(ROOT, 'src/content/faq/en')).map((file) => `src/content/faq/en/${file}`),
  ];
  const texts = files.map((file) => [file, readFileSync(join(ROOT, file), 'utf8')] as const);

  it('keeps the hedge of the source (回避できるかと存じますので、お試しください)', () => {
    const workaround = texts.filter(([, text]) => text.includes('「（株）」 (its abbreviation)'));
    expect(workaround.map(([file]) => file)).toContain('src/content/faq/en/ms-name-already-exists.md');
    for (const [, text] of workaround) {
      expect(text).not.toContain('This should get you past the error');
      expect(text).toMatch(/\(its abbreviation\)[^.]*\. This may get you past the error/);
    }
  });
});

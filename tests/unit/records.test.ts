import { describe, expect, it } from 'vitest';
import { CLOCK_TOLERANCE_MS, EARLIEST_TIME, type RecordValue } from '../../src/lib/progress-data';
import { COMMON_ERRORS, MESSAGES_BY_KIND, warningsOfField } from '../../src/lib/record-messages';
import {
  MAX_RECORD_LENGTH,
  EARLIEST_RECORD_DATE,
  RECORD_DATE_TOLERANCE_DAYS,
  RECORD_FIELDS,
  checkStoredRecord,
  getRecordField,
  isRecordFieldId,
  parseCalendarDate,
  recordFieldsOfStep,
  type RecordFieldId,
} from '../../src/lib/records';
import {
  FREE_MAIL_DOMAINS,
  RESERVED_USER_NAME_WORDS,
  isFreeMailDomain,
  validateRecord,
} from '../../src/lib/record-validation';
import { extractSteps } from '../../src/lib/steps';
import { readDoc } from '../support/site';
import { withSeeds } from './support/seeds';

const MICROSOFT_SEED = 'microsoft-csp-indirect-reseller-mpa.ja.txt';
const REDHAT_SEED = 'redhat-partner-connect-account.ja.md';
/** The field whose source states both the free-mail and the reserved-word rules. */
const CONTACT = 'ms-primary-contact-email';

// Built with the local-time constructor so that "today" is 7 May 2026 whatever the machine's time zone.
const NOW = new Date(2026, 4, 7, 12, 0, 0);
const AT = '2026-05-01T01:02:03.000Z';

function context(records: Record<string, string> = {}) {
  const stored: Record<string, RecordValue> = {};
  for (const [id, value] of Object.entries(records)) stored[id] = { value, updatedAt: AT };
  return { records: stored, now: NOW };
}

const validate = (id: RecordFieldId, raw: string, records?: Record<string, string>) =>
  validateRecord(id, raw, context(records));

describe('record fields', () => {
  it('has exactly the agreed fields, each once', () => {
    expect(RECORD_FIELDS.map((field) => field.id).sort()).toEqual([
      'hp-account-email',
      'ms-domain',
      'ms-mpa-accepted-by',
      'ms-mpa-accepted-on',
      'ms-partner-id-global',
      'ms-partner-id-location',
      'ms-primary-contact-email',
      'ms-user-name',
      'rh-login',
      'rh-partner-type',
    ]);
  });

  it.each(RECORD_FIELDS.map((field) => [field.id, field] as const))(
    'shows %s at a step its guide has in both languages',
    (_id, field) => {
      const ja = extractSteps(readDoc(`${field.guide}.mdx`)).map((step) => step.id);
      const en = extractSteps(readDoc(`en/${field.guide}.mdx`)).map((step) => step.id);
      expect(ja).toContain(field.step);
      expect(en).toContain(field.step);
    },
  );

  it('has no field for a password or any other secret', () => {
    for (const field of RECORD_FIELDS) {
      expect(`${field.id} ${field.kind}`).not.toMatch(/pass|secret|pin\b|パスワード/i);
    }
    expect(JSON.stringify(RECORD_FIELDS)).not.toMatch(/password|パスワード/i);
  });

  it('requires for the hand-off only the MPA date, who accepted it and the Partner ID (location)', () => {
    const required = RECORD_FIELDS.filter(
      (field) => 'requiredForHandoff' in field && field.requiredForHandoff,
    );
    expect(required.map((field) => field.id)).toEqual([
      'ms-partner-id-location',
      'ms-mpa-accepted-on',
      'ms-mpa-accepted-by',
    ]);
  });

  withSeeds((seeds) => {
    it("offers the partner types of the Red Hat document's table, in its order", () => {
      const field = getRecordField('rh-partner-type');
      expect(field?.kind).toBe('choice');
      const table = [...seeds.read(REDHAT_SEED).matchAll(/^\s*\|([^|]+)\|[^|]+\|\s*$/gm)]
        .map((row) => row[1]?.trim() ?? '')
        .filter((name) => !/^-+$/.test(name) && name !== '英語表記');
      expect(field?.choices).toEqual(table);
      expect(table).toHaveLength(7);
    });
  });

  it('gives choices to choice fields only', () => {
    for (const field of RECORD_FIELDS) expect('choices' in field).toBe(field.kind === 'choice');
  });

  it('finds fields by id and by step', () => {
    expect(isRecordFieldId('ms-domain')).toBe(true);
    expect(isRecordFieldId('ms-password')).toBe(false);
    expect(getRecordField('nope')).toBeUndefined();
    expect(recordFieldsOfStep('ms-account-save').map((field) => field.id)).toEqual([
      'ms-domain',
      'ms-user-name',
    ]);
    expect(recordFieldsOfStep('ms-mpa-accept').map((field) => field.id)).toEqual([
      'ms-mpa-accepted-on',
      'ms-mpa-accepted-by',
    ]);
    expect(recordFieldsOfStep('hp-open-japan-portal')).toEqual([]);
  });
});

describe('validateRecord: every field', () => {
  it.each(RECORD_FIELDS.map((field) => field.id))('treats an empty or blank %s as clearing it', (id) => {
    expect(validate(id, '')).toEqual({ ok: true, value: '', warnings: [] });
    expect(validate(id, ' \t\u3000 ')).toEqual({ ok: true, value: '', warnings: [] });
  });

  it.each(RECORD_FIELDS.map((field) => field.id))('refuses a %s longer than the cap', (id) => {
    expect(validate(id, '1'.repeat(MAX_RECORD_LENGTH + 1))).toEqual({ ok: false, error: 'too-long' });
  });

  it('counts the cap after trimming', () => {
    const name = 'a'.repeat(MAX_RECORD_LENGTH);
    expect(validate('ms-mpa-accepted-by', `  ${name}  `)).toEqual({ ok: true, value: name, warnings: [] });
  });

  it('refuses control characters', () => {
    expect(validate('ms-mpa-accepted-by', 'Taro\u0000Yamada')).toEqual({
      ok: false,
      error: 'control-character',
    });
    expect(validate('rh-login', 'taro\u001b[31m')).toEqual({ ok: false, error: 'control-character' });
  });

  it('refuses an id this site does not know', () => {
    expect(validateRecord('ms-password', 'x', context())).toEqual({
      ok: false,
      error: 'unknown-field',
    });
  });
});

describe('validateRecord: e-mail addresses', () => {
  it('accepts a company address, trimmed, with the domain lower-cased', () => {
    expect(validate('hp-account-email', '  Taro.Yamada@Example.CO.JP ')).toEqual({
      ok: true,
      value: 'Taro.Yamada@example.co.jp',
      warnings: [],
    });
  });

  it('accepts an address typed with full-width characters', () => {
    expect(validate('hp-account-email', 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ')).toEqual({
      ok: true,
      value: 'taro@example.jp',
      warnings: [],
    });
  });

  it.each([
    'taro',
    'taro@',
    '@example.jp',
    'taro@example',
    'taro@@example.jp',
    'taro yamada@example.jp',
    'taro@exa mple.jp',
    'taro..yamada@example.jp',
    '.taro@example.jp',
    'taro@-example.jp',
    'taro@example.j',
    'taro@example..jp',
    '"taro"@example.jp',
  ])('refuses %j', (raw) => {
    expect(validate('hp-account-email', raw)).toEqual({ ok: false, error: 'not-email' });
  });

  it('gives no free-mail warning where the source states no such rule (HP)', () => {
    expect(validate('hp-account-email', 'taro@gmail.com')).toEqual({
      ok: true,
      value: 'taro@gmail.com',
      warnings: [],
    });
  });

  it.each(FREE_MAIL_DOMAINS)(
    'warns about the free-mail domain %s on the Microsoft 第一連絡先 email',
    (domain) => {
      expect(validate(CONTACT, `taro@${domain}`)).toEqual({
        ok: true,
        value: `taro@${domain}`,
        warnings: ['free-mail'],
      });
    },
  );

  it('warns about free-mail whatever the case and about its subdomains', () => {
    expect(validate(CONTACT, 'taro@GMAIL.com')).toMatchObject({
      ok: true,
      warnings: ['free-mail'],
    });
    expect(validate(CONTACT, 'user@mail.gmail.com')).toMatchObject({
      ok: true,
      warnings: ['free-mail'],
    });
  });

  it('does not mistake company domains that merely contain a free-mail domain', () => {
    for (const domain of [
      'gmail.com.example.jp',
      'notgmail.com',
      'mygmail.com',
      'outlook.com.au',
      'live.company.jp',
    ]) {
      expect(validate(CONTACT, `taro@${domain}`)).toEqual({
        ok: true,
        value: `taro@${domain}`,
        warnings: [],
      });
    }
  });
});

describe('isFreeMailDomain', () => {
  withSeeds((seeds) => {
    it('names the personal addresses of the Microsoft document', () => {
      const seed = seeds.read(MICROSOFT_SEED);
      for (const domain of ['hotmail.com', 'live.com', 'outlook.com']) {
        expect(seed).toContain(domain);
        expect(FREE_MAIL_DOMAINS).toContain(domain);
      }
    });
  });

  it('matches whole labels only', () => {
    expect(isFreeMailDomain('i.softbank.jp')).toBe(true);
    expect(isFreeMailDomain('x.i.softbank.jp')).toBe(true);
    expect(isFreeMailDomain('softbank.jp')).toBe(false);
    expect(isFreeMailDomain('yahoo.co.jp.')).toBe(true);
    expect(isFreeMailDomain('co.jp')).toBe(false);
    expect(isFreeMailDomain('ahoo.co.jp')).toBe(false);
  });

  it('keeps its domains lower-case and unique', () => {
    expect(FREE_MAIL_DOMAINS.every((domain) => domain === domain.toLowerCase())).toBe(true);
    expect(new Set(FREE_MAIL_DOMAINS).size).toBe(FREE_MAIL_DOMAINS.length);
  });
});

describe('validateRecord: the organisation domain', () => {
  it('accepts a domain, trimmed and lower-cased, without a trailing dot', () => {
    expect(validate('ms-domain', ' Contoso.OnMicrosoft.com. ')).toEqual({
      ok: true,
      value: 'contoso.onmicrosoft.com',
      warnings: [],
    });
  });

  it.each([
    'contoso',
    'contoso..onmicrosoft.com',
    'contoso_jp.onmicrosoft.com',
    'user@contoso.com',
    '-x.com',
    'x.1',
  ])('refuses %j', (raw) => {
    expect(validate('ms-domain', raw)).toEqual({ ok: false, error: 'not-domain' });
  });

  it('gives no free-mail warning: the source states that rule for the 第一連絡先 email only', () => {
    expect(validate('ms-domain', 'outlook.jp')).toMatchObject({ ok: true, warnings: [] });
  });

  it('warns when it differs from the domain of the recorded user name', () => {
    const records = { 'ms-user-name': 'taro@contoso.onmicrosoft.com' };
    expect(validate('ms-domain', 'fabrikam.onmicrosoft.com', records)).toMatchObject({
      ok: true,
      warnings: ['domain-mismatch'],
    });
    expect(validate('ms-domain', 'CONTOSO.onmicrosoft.com', records)).toMatchObject({
      ok: true,
      warnings: [],
    });
  });
});

describe('validateRecord: the sign-in name', () => {
  it('accepts user@domain with the domain lower-cased', () => {
    expect(validate('ms-user-name', ' Taro@Contoso.OnMicrosoft.com ')).toEqual({
      ok: true,
      value: 'Taro@contoso.onmicrosoft.com',
      warnings: [],
    });
  });

  it.each(['taro', 'taro@contoso', '@contoso.onmicrosoft.com', 'taro@contoso.onmicrosoft.com extra'])(
    'refuses %j',
    (raw) => {
      expect(validate('ms-user-name', raw)).toEqual({ ok: false, error: 'not-sign-in-name' });
    },
  );

  withSeeds((seeds) => {
    it('lists the words the Microsoft document forbids in the user name of the 第一連絡先 email', () => {
      const seed = seeds.read(MICROSOFT_SEED);
      for (const word of RESERVED_USER_NAME_WORDS) expect(seed).toContain(`"${word}`);
      // The rule follows the 第一連絡先 email on the 「会社情報」 screen, not the organisation account.
      const rule = seed.indexOf('"info"');
      expect(seed.lastIndexOf('第一連絡先のメール', rule)).toBeGreaterThan(
        seed.lastIndexOf('「保存」', rule),
      );
    });
  });

  it.each([
    ['info@contoso.co.jp'],
    ['salesinfo@contoso.co.jp'],
    ['Admin@contoso.co.jp'],
    ['sysadmin2@contoso.co.jp'],
    ['email@contoso.co.jp'],
    ['marketing@contoso.co.jp'],
  ])('warns about a reserved word in the 第一連絡先 email %s', (raw) => {
    expect(validate(CONTACT, raw)).toMatchObject({ ok: true, warnings: ['reserved-word'] });
  });

  it.each([['emailer@contoso.co.jp'], ['marketingteam@contoso.co.jp'], ['taro@info.co.jp']])(
    'does not warn about %s, where the word is not what the document forbids',
    (raw) => {
      expect(validate(CONTACT, raw)).toMatchObject({ ok: true, warnings: [] });
    },
  );

  it('holds no reserved word against the sign-in name, which the rule is not about', () => {
    expect(validate('ms-user-name', 'admin@contoso.onmicrosoft.com')).toMatchObject({
      ok: true,
      warnings: [],
    });
  });

  it('warns when the domain differs from the recorded organisation domain', () => {
    const records = { 'ms-domain': 'contoso.onmicrosoft.com' };
    expect(validate('ms-user-name', 'taro@fabrikam.onmicrosoft.com', records)).toMatchObject({
      ok: true,
      warnings: ['domain-mismatch'],
    });
    expect(validate('ms-user-name', 'taro@Contoso.onmicrosoft.com', records)).toMatchObject({
      ok: true,
      warnings: [],
    });
  });

  it('gives every warning that applies', () => {
    expect(validate(CONTACT, 'admin@hotmail.com')).toEqual({
      ok: true,
      value: 'admin@hotmail.com',
      warnings: ['free-mail', 'reserved-word'],
    });
  });
});

describe('validateRecord: Partner IDs', () => {
  it.each(['ms-partner-id-global', 'ms-partner-id-location'] as const)('accepts digits only for %s', (id) => {
    expect(validate(id, ' 1234567 ')).toEqual({ ok: true, value: '1234567', warnings: [] });
    expect(validate(id, '６１２３４５６')).toEqual({ ok: true, value: '6123456', warnings: [] });
    expect(validate(id, '1')).toEqual({ ok: true, value: '1', warnings: [] });
    expect(validate(id, '0012345678901')).toEqual({ ok: true, value: '0012345678901', warnings: [] });
  });

  it.each(['123 4567', '123-4567', '12345a', '-1234', '1.5', 'ID 1234567', '١٢٣'])('refuses %j', (raw) => {
    expect(validate('ms-partner-id-location', raw)).toEqual({ ok: false, error: 'not-digits' });
  });
});

describe('validateRecord: the MPA acceptance date', () => {
  it('accepts a real date from 1 January 2000 to tomorrow on the user’s clock', () => {
    for (const date of ['2026-05-07', '2026-05-08', '2000-01-01', '2024-02-29'])
      expect(validate('ms-mpa-accepted-on', ` ${date} `)).toEqual({ ok: true, value: date, warnings: [] });
    expect(validate('ms-mpa-accepted-on', '２０２６－０５－０１')).toEqual({
      ok: true,
      value: '2026-05-01',
      warnings: [],
    });
  });

  it('allows tomorrow, as stored times allow a clock one day ahead', () => {
    expect(Date.parse(EARLIEST_RECORD_DATE)).toBe(EARLIEST_TIME);
    expect(RECORD_DATE_TOLERANCE_DAYS * 24 * 60 * 60 * 1000).toBe(CLOCK_TOLERANCE_MS);
  });

  // 0506-02-02 is what a slip of the year gives; the native date field also lets a year of five or
  // six digits through (up to 275760).
  it.each([
    '0506-02-02',
    '0002-02-02',
    '1999-12-31',
    '2026-05-09',
    '2027-01-01',
    '2999-12-31',
    '20260-05-06',
  ])('refuses %s, which is outside the plausible range', (raw) => {
    expect(validate('ms-mpa-accepted-on', raw)).toEqual({ ok: false, error: 'date-out-of-range' });
  });

  it.each([
    '2026/05/07',
    '2026-5-7',
    '07-05-2026',
    '2025-02-29',
    '2100-02-29',
    '2026-13-01',
    '2026-04-31',
    '2026-00-10',
    '20260-13-01',
    'yesterday',
    '2026-05-07T00:00',
  ])('refuses %j', (raw) => {
    expect(validate('ms-mpa-accepted-on', raw)).toEqual({ ok: false, error: 'not-date' });
  });

  it('says a partly typed date is incomplete, instead of reading it as a cleared field', () => {
    // A date input with the year left blank reports an empty value and validity.badInput.
    expect(validateRecord('ms-mpa-accepted-on', '', context(), true)).toEqual({
      ok: false,
      error: 'incomplete',
    });
    expect(validateRecord('ms-mpa-accepted-on', '', context(), false)).toEqual({
      ok: true,
      value: '',
      warnings: [],
    });
  });

  it('refuses a stored or imported date outside the range as a typed one', () => {
    expect(checkStoredRecord('ms-mpa-accepted-on', '0506-02-02', NOW)).toBe('date-out-of-range');
    expect(checkStoredRecord('ms-mpa-accepted-on', '2026-05-08', NOW)).toBeUndefined();
  });

  it('reads calendar dates without time zones', () => {
    expect(parseCalendarDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parseCalendarDate('1900-02-29')).toBeUndefined();
    expect(parseCalendarDate('2026-12-31')).toEqual({ year: 2026, month: 12, day: 31 });
  });
});

describe('validateRecord: names, logins and choices', () => {
  it('keeps a name as typed, on one line', () => {
    expect(validate('ms-mpa-accepted-by', ' 山田\u3000太郎 ')).toEqual({
      ok: true,
      value: '山田\u3000太郎',
      warnings: [],
    });
    expect(validate('ms-mpa-accepted-by', 'Taro\n  Yamada')).toEqual({
      ok: true,
      value: 'Taro Yamada',
      warnings: [],
    });
  });

  it('accepts a Red Hat login as text', () => {
    expect(validate('rh-login', ' rhn-taro ')).toEqual({ ok: true, value: 'rhn-taro', warnings: [] });
  });

  it('accepts each partner type, in its own spelling whatever the case', () => {
    for (const choice of getRecordField('rh-partner-type')?.choices ?? []) {
      expect(validate('rh-partner-type', choice)).toEqual({ ok: true, value: choice, warnings: [] });
    }
    expect(validate('rh-partner-type', ' solution provider ')).toEqual({
      ok: true,
      value: 'Solution Provider',
      warnings: [],
    });
  });

  it.each(['Reseller', 'リセラー', 'Solution'])('refuses the partner type %j', (raw) => {
    expect(validate('rh-partner-type', raw)).toEqual({ ok: false, error: 'not-a-choice' });
  });
});

describe('the messages each kind of field carries to the page', () => {
  const samples = [
    'x',
    'abc',
    'a@b',
    'taro@gmail.com',
    'info@contoso.onmicrosoft.com',
    'gmail.com',
    '12-3',
    '2999-01-01',
    '2026-02-30',
    'Nope',
    'x'.repeat(201),
    'a\u0007b',
  ];
  it.each(RECORD_FIELDS.map((field) => [field.id, field] as const))(
    '%s gives only messages it carries',
    (_, field) => {
      const { errors } = MESSAGES_BY_KIND[field.kind];
      const warnings = warningsOfField(field);
      const records = {
        'ms-domain': { value: 'other.example', updatedAt: '2026-01-01T00:00:00Z' },
        'ms-user-name': { value: 'a@other.example', updatedAt: '2026-01-01T00:00:00Z' },
      };
      const seen = samples.map((sample) =>
        validateRecord(field.id, sample, { records, now: new Date('2026-06-01T12:00:00') }),
      );
      for (const result of seen) {
        if (result.ok) expect(warnings).toEqual(expect.arrayContaining(result.warnings));
        else expect([...COMMON_ERRORS, ...errors]).toContain(result.error);
      }
    },
  );
});

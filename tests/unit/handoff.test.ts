import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HANDOFF_REQUIRED_FIELDS, composeHandoff, stepsStillToTick } from '../../src/lib/handoff';
import { formatRecordDate, formatRecordValue } from '../../src/lib/record-format';
import { HANDOFF_GUIDE, REPORTED_STEPS, addressedLines, messageLines } from '../../src/lib/handoff-template';
import type { RecordValue } from '../../src/lib/progress-data';
import { RECORD_FIELDS } from '../../src/lib/records';
import { REGISTRATION_NAME_PLACEHOLDER } from '../../src/lib/record-kinds';
import { ROOT } from '../support/site';

const AT = '2026-05-07T09:00:00.000Z';

function records(values: Record<string, string>): Record<string, RecordValue> {
  return Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value, updatedAt: AT }]));
}

const REQUIRED = {
  'ms-mpa-accepted-on': '2026-05-07',
  'ms-mpa-accepted-by': '山田 太郎',
  'ms-partner-id-location': '6123456',
};

describe('composeHandoff in Japanese', () => {
  it('writes a polite message with the required lines only when nothing else is recorded', () => {
    expect(composeHandoff(records(REQUIRED), 'ja', messageLines('ja'))).toEqual({
      status: 'ready',
      text: [
        'お世話になっております。',
        'Microsoft CSP 間接リセラーの登録について、MPA（Microsoft Partner Agreement）への同意が完了しましたのでご連絡いたします。',
        '',
        '同意日: 2026年5月7日',
        '同意者: 山田 太郎',
        'CSP 登録に関連付けたパートナー ID（ロケーション）: 6123456',
        '',
        'お手数をおかけしますが、ご確認のほどよろしくお願いいたします。',
      ].join('\n'),
    });
  });

  it('adds the Partner ID (global) and the organisation domain when they are recorded', () => {
    const result = composeHandoff(
      records({ ...REQUIRED, 'ms-partner-id-global': '5123456', 'ms-domain': 'contoso.onmicrosoft.com' }),
      'ja',
      messageLines('ja'),
    );
    expect(result.status).toBe('ready');
    const lines = result.status === 'ready' ? result.text.split('\n') : [];
    expect(lines.slice(3, 8)).toEqual([
      '同意日: 2026年5月7日',
      '同意者: 山田 太郎',
      'CSP 登録に関連付けたパートナー ID（ロケーション）: 6123456',
      'パートナー ID（グローバル）: 5123456',
      '組織アカウントのドメイン: contoso.onmicrosoft.com',
    ]);
    expect(lines.at(-1)).toMatch(/よろしくお願いいたします。$/);
  });

  it('leaves out what is not a hand-off matter and never names the company', () => {
    const result = composeHandoff(
      records({ ...REQUIRED, 'ms-user-name': 'taro@contoso.onmicrosoft.com', 'hp-account-email': 'a@b.jp' }),
      'ja',
      messageLines('ja'),
    );
    expect(result.status === 'ready' && result.text).not.toMatch(/taro@|a@b\.jp|株式会社|会社名/);
  });
});

describe('composeHandoff in English', () => {
  it('writes a business message with every recorded line', () => {
    const result = composeHandoff(
      records({
        ...REQUIRED,
        'ms-mpa-accepted-by': 'Taro Yamada',
        'ms-partner-id-global': '5123456',
        'ms-domain': 'contoso.onmicrosoft.com',
      }),
      'en',
      messageLines('en'),
    );
    expect(result).toEqual({
      status: 'ready',
      text: [
        'Hello,',
        '',
        'I am writing to let you know that we have accepted the Microsoft Partner Agreement (MPA) for our Microsoft CSP indirect reseller enrollment.',
        '',
        'Date accepted: 7 May 2026',
        'Accepted by: Taro Yamada',
        'Partner ID (location) linked to the CSP enrollment: 6123456',
        'Partner ID (global): 5123456',
        'Organization account domain: contoso.onmicrosoft.com',
        '',
        'Please let me know if you need anything else.',
        '',
        'Kind regards,',
      ].join('\n'),
    });
  });

  it('leaves out the optional lines when they are not recorded', () => {
    const result = composeHandoff(records(REQUIRED), 'en', messageLines('en'));
    expect(result.status === 'ready' && result.text).not.toMatch(/global|domain/i);
  });
});

describe('composeHandoff for a named registration', () => {
  it('names the company after the opening, in Japanese', () => {
    const result = composeHandoff(records(REQUIRED), 'ja', messageLines('ja'), '株式会社サンプル');
    expect(result.status === 'ready' && result.text.split('\n').slice(1, 5)).toEqual([
      'Microsoft CSP 間接リセラーの登録について、MPA（Microsoft Partner Agreement）への同意が完了しましたのでご連絡いたします。',
      '',
      '会社名: 株式会社サンプル',
      '同意日: 2026年5月7日',
    ]);
  });

  it('names the company after the opening, in English', () => {
    const result = composeHandoff(records(REQUIRED), 'en', messageLines('en'), 'Sample K.K.');
    expect(result.status === 'ready' && result.text.split('\n').slice(2, 6)).toEqual([
      'I am writing to let you know that we have accepted the Microsoft Partner Agreement (MPA) for our Microsoft CSP indirect reseller enrollment.',
      '',
      'Company: Sample K.K.',
      'Date accepted: 7 May 2026',
    ]);
  });

  it('leaves the line out for a registration without a name', () => {
    for (const lang of ['ja', 'en'] as const) {
      const result = composeHandoff(records(REQUIRED), lang, messageLines(lang), '');
      expect(result.status === 'ready' && result.text).not.toMatch(/会社名|Company:/);
    }
  });

  it('keeps the placeholder of the name apart from every record field id', () => {
    expect(RECORD_FIELDS.map((field) => field.id)).not.toContain(REGISTRATION_NAME_PLACEHOLDER);
  });
});

describe('composeHandoff addressed to the distributor', () => {
  it('puts the opening in place of the neutral greeting, in each language', () => {
    const opening = ['例示流通株式会社', 'ご担当者様', '', 'お世話になっております。'];
    const ja = composeHandoff(records(REQUIRED), 'ja', addressedLines(opening, 'ja', messageLines('ja')));
    expect(ja.status === 'ready' && ja.text.split('\n').slice(0, 5)).toEqual([
      '例示流通株式会社',
      'ご担当者様',
      '',
      'お世話になっております。',
      'Microsoft CSP 間接リセラーの登録について、MPA（Microsoft Partner Agreement）への同意が完了しましたのでご連絡いたします。',
    ]);
    const en = composeHandoff(
      records(REQUIRED),
      'en',
      addressedLines(['Dear Example Distribution K.K. team,'], 'en', messageLines('en')),
    );
    expect(en.status === 'ready' && en.text.split('\n').slice(0, 3)).toEqual([
      'Dear Example Distribution K.K. team,',
      '',
      'I am writing to let you know that we have accepted the Microsoft Partner Agreement (MPA) for our Microsoft CSP indirect reseller enrollment.',
    ]);
  });
});

describe('composeHandoff with missing records', () => {
  it('lists every required field when nothing is recorded', () => {
    expect(composeHandoff({}, 'ja', messageLines('ja'))).toEqual({
      status: 'missing',
      missing: ['ms-partner-id-location', 'ms-mpa-accepted-on', 'ms-mpa-accepted-by'],
    });
  });

  it.each(Object.keys(REQUIRED))('asks for %s when only it is missing, in both languages', (id) => {
    const values: Record<string, string> = { ...REQUIRED, 'ms-partner-id-global': '5123456' };
    delete values[id];
    expect(composeHandoff(records(values), 'ja', messageLines('ja'))).toEqual({
      status: 'missing',
      missing: [id],
    });
    expect(composeHandoff(records(values), 'en', messageLines('en'))).toEqual({
      status: 'missing',
      missing: [id],
    });
  });

  it('counts a blank value as missing', () => {
    expect(
      composeHandoff(records({ ...REQUIRED, 'ms-mpa-accepted-by': '  ' }), 'en', messageLines('en')),
    ).toEqual({
      status: 'missing',
      missing: ['ms-mpa-accepted-by'],
    });
  });

  it('requires exactly what the Microsoft document asks to pass on', () => {
    expect([...HANDOFF_REQUIRED_FIELDS].sort()).toEqual(Object.keys(REQUIRED).sort());
  });
});

describe('formatRecordDate', () => {
  it.each([
    ['2026-05-07', '2026年5月7日', '7 May 2026'],
    ['2026-01-01', '2026年1月1日', '1 January 2026'],
    ['2025-12-31', '2025年12月31日', '31 December 2025'],
    ['2024-02-29', '2024年2月29日', '29 February 2024'],
  ])('writes %s as %s and %s', (value, ja, en) => {
    expect(formatRecordDate(value, 'ja')).toBe(ja);
    expect(formatRecordDate(value, 'en')).toBe(en);
  });

  it('does not move the date whatever the time zone, since it never goes through Date', () => {
    const original = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Tokyo']) {
        process.env.TZ = zone;
        expect(formatRecordDate('2026-01-01', 'en')).toBe('1 January 2026');
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it('shows a value that is not a date as it is rather than inventing one', () => {
    expect(formatRecordDate('sometime in May', 'en')).toBe('sometime in May');
  });
});

describe('formatRecordValue', () => {
  const labels = { 'Solution Provider': 'リセラー（Solution Provider）' };

  it('writes dates in the page language', () => {
    expect(formatRecordValue('ms-mpa-accepted-on', '2026-05-07', 'ja')).toBe('2026年5月7日');
    expect(formatRecordValue('ms-mpa-accepted-on', '2026-05-07', 'en')).toBe('7 May 2026');
  });

  it('shows a choice by its label, or as stored when it has none', () => {
    expect(formatRecordValue('rh-partner-type', 'Solution Provider', 'ja', labels)).toBe(
      'リセラー（Solution Provider）',
    );
    expect(formatRecordValue('rh-partner-type', 'Embedded', 'ja', labels)).toBe('Embedded');
    expect(formatRecordValue('rh-partner-type', 'toString', 'ja', labels)).toBe('toString');
  });

  it('shows other values, and values of fields it does not know, as stored', () => {
    expect(formatRecordValue('ms-partner-id-location', '6123456', 'en', labels)).toBe('6123456');
    expect(formatRecordValue('ms-future-field', '2026-05-07', 'ja')).toBe('2026-05-07');
  });
});

describe('the values the message needs', () => {
  const guides = readdirSync(join(ROOT, 'src/content/guides'))
    .filter((name) => name.endsWith('.json'))
    .map(
      (name) =>
        JSON.parse(readFileSync(join(ROOT, 'src/content/guides', name), 'utf8')) as {
          recordTexts: Record<'ja' | 'en', Record<string, { availableWhen?: string }>>;
        },
    );

  const cases = HANDOFF_REQUIRED_FIELDS.flatMap((id) =>
    (['ja', 'en'] as const).map((lang): [string, 'ja' | 'en'] => [id, lang]),
  );
  it.each(cases)('say when %s can be entered, in %s, instead of asking for it now', (id, lang) => {
    const texts = guides.map((guide) => guide.recordTexts[lang][id]?.availableWhen).filter(Boolean);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(lang === 'ja' ? /後に入力します。/ : /^Entered once /);
  });
});

describe('steps the message reports', () => {
  it('come from the content: the partner ID linked to the CSP enrollment and the MPA acceptance', () => {
    expect(HANDOFF_GUIDE).toBe('microsoft');
    expect(REPORTED_STEPS).toEqual(['ms-csp-link-partner-id', 'ms-mpa-accept']);
  });

  it('lists those not ticked, none once all are', () => {
    const tick = { tickedAt: AT };
    expect(stepsStillToTick(undefined, ['a', 'b'])).toEqual(['a', 'b']);
    expect(stepsStillToTick({ b: tick, c: tick }, ['a', 'b'])).toEqual(['a']);
    expect(stepsStillToTick({ a: tick, b: tick }, ['a', 'b'])).toEqual([]);
    // Names of Object's members are not ticks.
    expect(stepsStillToTick({}, ['constructor'])).toEqual(['constructor']);
  });
});

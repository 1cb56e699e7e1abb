import { describe, expect, it } from 'vitest';
import {
  PROGRESS_VERSION,
  emptyProgress,
  withRecord,
  withStep,
  type ProgressData,
} from '../../src/lib/progress-data';
import {
  MAX_IMPORT_BYTES,
  TRANSFER_FORMAT,
  applyImport,
  exportFileName,
  exportProgress,
  parseImport,
  planImport,
} from '../../src/lib/transfer';

const AT = '2026-05-01T01:02:03.000Z';
const LATER = '2026-05-03T04:05:06.000Z';
const NOW = new Date('2026-05-07T09:00:00.000Z');

/** Progress with a few ticks (one guide left with no tick) and records. */
function sample(): ProgressData {
  let data = emptyProgress();
  data = withStep(data, 'hp', 'hp-a', AT);
  data = withStep(data, 'microsoft', 'ms-account-save', AT);
  data = withStep(data, 'microsoft', 'ms-mpa-accept', LATER);
  data = withStep(withStep(data, 'redhat', 'rh-a', AT), 'redhat', 'rh-a', undefined);
  data = withRecord(data, 'ms-partner-id-location', '6123456', new Date(AT));
  data = withRecord(data, 'ms-mpa-accepted-by', '山田　太郎', new Date(LATER));
  data = withRecord(data, 'ms-future-field', 'kept though unknown', new Date(AT));
  return data;
}

const file = (value: unknown) => JSON.stringify(value);
const ours = (rest: Record<string, unknown>) =>
  file({ format: TRANSFER_FORMAT, version: PROGRESS_VERSION, exportedAt: NOW.toISOString(), ...rest });

describe('exportProgress', () => {
  it('writes the marked, versioned format with the time of export', () => {
    const data = sample();
    expect(JSON.parse(exportProgress(data, NOW))).toEqual({
      format: 'partner-guides-progress',
      version: 2,
      exportedAt: '2026-05-07T09:00:00.000Z',
      guides: data.guides,
      records: data.records,
    });
  });
});

describe('exportFileName', () => {
  it('names the file after the local calendar date, zero-padded', () => {
    expect(exportFileName(new Date(2026, 4, 7, 9, 0))).toBe('partner-guides-progress-2026-05-07.json');
    expect(exportFileName(new Date(2026, 11, 31, 23, 59, 59))).toBe(
      'partner-guides-progress-2026-12-31.json',
    );
  });

  it("uses the user's own clock, not UTC, around midnight", () => {
    const justAfterMidnight = new Date(2027, 0, 1, 0, 5);
    expect(exportFileName(justAfterMidnight)).toBe('partner-guides-progress-2027-01-01.json');
  });
});

describe('round trip', () => {
  it('gives back the same progress when applied to empty progress', () => {
    const data = sample();
    const parsed = parseImport(exportProgress(data, NOW));
    expect(parsed).toEqual({ ok: true, data, exportedAt: NOW.toISOString() });
    if (!parsed.ok) return;
    expect(applyImport(emptyProgress(), parsed.data)).toEqual(data);
  });

  it('changes nothing when the same file is applied a second time', () => {
    const parsed = parseImport(exportProgress(sample(), NOW));
    if (!parsed.ok) throw new Error('the export did not parse');
    let local = withStep(emptyProgress(), 'hp', 'hp-a', LATER);
    local = withRecord(local, 'ms-partner-id-location', '1111111', new Date(AT));
    expect(planImport(local, parsed.data).changes).not.toEqual([]);
    const once = applyImport(local, parsed.data);
    expect(planImport(once, parsed.data)).toEqual({
      changes: [],
      counts: { tick: { added: 0, overwritten: 0 }, record: { added: 0, overwritten: 0 } },
    });
    expect(applyImport(once, parsed.data)).toEqual(once);
  });
});

describe('parseImport', () => {
  it('accepts a version 1 file, which has no records, and upgrades it', () => {
    const text = file({
      format: TRANSFER_FORMAT,
      version: 1,
      exportedAt: AT,
      guides: { hp: { 'hp-a': { tickedAt: AT } } },
    });
    expect(parseImport(text)).toEqual({
      ok: true,
      data: { version: 2, guides: { hp: { 'hp-a': { tickedAt: AT } } }, records: {} },
      exportedAt: AT,
    });
  });

  it('accepts a file without exportedAt', () => {
    const text = file({ format: TRANSFER_FORMAT, version: 2, guides: {}, records: {} });
    expect(parseImport(text)).toEqual({ ok: true, data: emptyProgress() });
  });

  it.each([['{"format":'], ['not json at all'], ['']])('refuses %j as not JSON', (text) => {
    expect(parseImport(text)).toEqual({ ok: false, error: 'not-json' });
  });

  it.each([
    ['a stored progress value (no marker)', file({ version: 2, guides: {}, records: {} })],
    ['another format', file({ format: 'something-else', version: 2, guides: {}, records: {} })],
    ['an array', file([{ format: TRANSFER_FORMAT }])],
    ['a string', file(TRANSFER_FORMAT)],
    ['null', 'null'],
  ])('refuses %s as not ours', (_name, text) => {
    expect(parseImport(text)).toEqual({ ok: false, error: 'not-ours' });
  });

  it('refuses a file from a newer version of the site', () => {
    expect(parseImport(ours({ version: PROGRESS_VERSION + 1, guides: {}, records: {} }))).toEqual({
      ok: false,
      error: 'newer-version',
    });
  });

  it('refuses a file larger than the limit, counting bytes, before reading it', () => {
    const padding = (length: number) => ours({ guides: {}, records: {}, padding: 'x'.repeat(length) });
    const fits = padding(0);
    const limit = MAX_IMPORT_BYTES - fits.length;
    expect(parseImport(padding(limit)).ok).toBe(true);
    expect(parseImport(padding(limit + 1))).toEqual({ ok: false, error: 'too-large' });
    // Three bytes each in UTF-8: fewer characters than the limit, more bytes.
    const wide = ours({ guides: {}, records: {}, padding: 'あ'.repeat(MAX_IMPORT_BYTES / 3) });
    expect(wide.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(parseImport(wide)).toEqual({ ok: false, error: 'too-large' });
    expect(parseImport(`${'{'.repeat(MAX_IMPORT_BYTES + 1)}`)).toEqual({ ok: false, error: 'too-large' });
  });

  const good = {
    guides: { hp: { 'hp-a': { tickedAt: AT } } },
    records: { 'ms-domain': { value: 'a.jp', updatedAt: AT } },
  };

  it.each([
    ['no version', file({ format: TRANSFER_FORMAT, ...good })],
    ['a version that is a string', ours({ ...good, version: '2' })],
    ['version 0', ours({ ...good, version: 0 })],
    ['version 1.5', ours({ ...good, version: 1.5 })],
    ['an exportedAt that is not a time', ours({ ...good, exportedAt: 'last week' })],
    ['no guides', ours({ records: good.records })],
    ['guides as a list', ours({ ...good, guides: [] })],
    ['a guide that is not an object', ours({ ...good, guides: { hp: true } })],
    ['a tick without a time', ours({ ...good, guides: { hp: { 'hp-a': {} } } })],
    ['a tick with a bad time', ours({ ...good, guides: { hp: { 'hp-a': { tickedAt: 'yesterday' } } } })],
    ['a tick that is true', ours({ ...good, guides: { hp: { 'hp-a': true, 'hp-b': { tickedAt: AT } } } })],
    ['a __proto__ step', `${ours(good).slice(0, -1)},"guides":{"hp":{"__proto__":{"tickedAt":"${AT}"}}}}`],
    ['no records in a version 2 file', ours({ guides: good.guides })],
    ['records as a string', ours({ ...good, records: 'x' })],
    ['a record that is a bare string', ours({ ...good, records: { 'ms-domain': 'a.jp' } })],
    ['a record without a time', ours({ ...good, records: { 'ms-domain': { value: 'a.jp' } } })],
    [
      'a record with a number value',
      ours({ ...good, records: { 'ms-domain': { value: 1, updatedAt: AT } } }),
    ],
    [
      'a record with an empty value',
      ours({ ...good, records: { 'ms-domain': { value: ' ', updatedAt: AT } } }),
    ],
    ['a version 1 file carrying records it would silently drop', ours({ ...good, version: 1 })],
  ])('refuses a file with %s as bad content, all or nothing', (_name, text) => {
    expect(parseImport(text)).toEqual({ ok: false, error: 'bad-content' });
  });

  it('keeps ticks and records whose guide, step or field this version does not know', () => {
    const text = ours({
      guides: { 'new-guide': { 'new-step': { tickedAt: AT } } },
      records: { 'new-field': { value: 'x', updatedAt: AT } },
    });
    expect(parseImport(text)).toMatchObject({
      ok: true,
      data: {
        guides: { 'new-guide': { 'new-step': { tickedAt: AT } } },
        records: { 'new-field': { value: 'x', updatedAt: AT } },
      },
    });
  });

  it('keeps only the known properties of each entry', () => {
    const text = ours({
      guides: { hp: { 'hp-a': { tickedAt: AT, extra: 1 } } },
      records: { 'ms-domain': { value: 'a.jp', updatedAt: AT, extra: 2 } },
    });
    expect(parseImport(text)).toMatchObject({
      ok: true,
      data: {
        guides: { hp: { 'hp-a': { tickedAt: AT } } },
        records: { 'ms-domain': { value: 'a.jp', updatedAt: AT } },
      },
    });
  });
});

describe('planImport and applyImport', () => {
  let local = emptyProgress();
  local = withStep(local, 'hp', 'hp-kept', AT);
  local = withStep(local, 'hp', 'hp-same', AT);
  local = withStep(local, 'hp', 'hp-older', AT);
  local = withRecord(local, 'ms-domain', 'contoso.onmicrosoft.com', new Date(AT));
  local = withRecord(local, 'ms-partner-id-location', '1111111', new Date(AT));
  local = withRecord(local, 'rh-login', 'taro', new Date(AT));

  let incoming = emptyProgress();
  incoming = withStep(incoming, 'hp', 'hp-same', AT);
  incoming = withStep(incoming, 'hp', 'hp-older', LATER);
  incoming = withStep(incoming, 'redhat', 'rh-new', LATER);
  incoming = withRecord(incoming, 'ms-domain', 'contoso.onmicrosoft.com', new Date(LATER));
  incoming = withRecord(incoming, 'ms-partner-id-location', '6123456', new Date(LATER));
  incoming = withRecord(incoming, 'ms-mpa-accepted-by', '山田 太郎', new Date(LATER));

  it('lists what would be added or overwritten, and nothing else', () => {
    expect(planImport(local, incoming)).toEqual({
      changes: [
        {
          type: 'tick',
          key: 'hp/hp-older',
          guide: 'hp',
          step: 'hp-older',
          change: 'overwritten',
          before: AT,
          after: LATER,
        },
        {
          type: 'tick',
          key: 'redhat/rh-new',
          guide: 'redhat',
          step: 'rh-new',
          change: 'added',
          after: LATER,
        },
        {
          type: 'record',
          key: 'ms-partner-id-location',
          change: 'overwritten',
          before: '1111111',
          after: '6123456',
        },
        { type: 'record', key: 'ms-mpa-accepted-by', change: 'added', after: '山田 太郎' },
      ],
      counts: { tick: { added: 1, overwritten: 1 }, record: { added: 1, overwritten: 1 } },
    });
  });

  it("keeps what the file does not mention, adds what is new, takes the file's differing values", () => {
    expect(applyImport(local, incoming)).toEqual({
      version: PROGRESS_VERSION,
      guides: {
        hp: { 'hp-kept': { tickedAt: AT }, 'hp-same': { tickedAt: AT }, 'hp-older': { tickedAt: LATER } },
        redhat: { 'rh-new': { tickedAt: LATER } },
      },
      records: {
        // Same value: the local record, with its own time, stays.
        'ms-domain': { value: 'contoso.onmicrosoft.com', updatedAt: AT },
        'ms-partner-id-location': { value: '6123456', updatedAt: LATER },
        'rh-login': { value: 'taro', updatedAt: AT },
        'ms-mpa-accepted-by': { value: '山田 太郎', updatedAt: LATER },
      },
    });
  });

  it('takes an older tick time from the file too: the file wins wherever it differs', () => {
    const newer = withStep(emptyProgress(), 'hp', 'hp-a', LATER);
    const older = withStep(emptyProgress(), 'hp', 'hp-a', AT);
    expect(applyImport(newer, older).guides.hp).toEqual({ 'hp-a': { tickedAt: AT } });
  });

  it('leaves both inputs untouched', () => {
    const before = JSON.stringify([local, incoming]);
    applyImport(local, incoming);
    planImport(local, incoming);
    expect(JSON.stringify([local, incoming])).toBe(before);
  });

  it('never removes anything, even when the file is empty', () => {
    expect(planImport(local, emptyProgress()).changes).toEqual([]);
    expect(applyImport(local, emptyProgress())).toEqual(local);
  });
});

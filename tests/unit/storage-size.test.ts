import { describe, expect, it } from 'vitest';
import {
  exportedRegistrations,
  readGuideContent,
  registrationIdOf,
  registrationNameOf,
  storedBytes,
  storedRegistrations,
  withGuideUnticked,
} from '../../scripts/support/storage-size';
import { GUIDE_IDS } from '../../src/lib/guides';
import { decodeProgress, encodeProgress } from '../../src/lib/progress-data';
import { RECORD_FIELDS } from '../../src/lib/records';
import { decodeRegistrations, encodeRegistrations } from '../../src/lib/registrations';
import { isRegistrationId } from '../../src/lib/tab-registration';
import { MAX_IMPORT_BYTES, exportRegistrations, parseTransfer } from '../../src/lib/transfer';

const guides = readGuideContent();
const EXPORTED_AT = '2026-06-01T00:00:00.000Z';
const NOW = new Date('2026-06-01T00:00:00.000Z');

describe('the documents of the storage size figures (scripts/support/storage-size.ts)', () => {
  it('cover every guide and record field the site has', () => {
    expect(guides.map((guide) => guide.id)).toEqual([...GUIDE_IDS]);
    expect(guides.flatMap((guide) => guide.records.map((field) => field.id)).sort()).toEqual(
      RECORD_FIELDS.map((field) => field.id).sort(),
    );
    expect(guides.every((guide) => guide.steps.length > 0)).toBe(true);
  });

  it('are the very texts the stores write, every record accepted by its checks', () => {
    const items = storedRegistrations(guides, 3);
    const progress = items.get(`partner-guides:progress:${registrationIdOf(2)}`) ?? '';
    const decoded = decodeProgress(progress, { now: NOW });
    expect(decoded.status).toBe('ok');
    expect(encodeProgress(decoded.data)).toBe(progress);
    expect(Object.keys(decoded.data.records)).toHaveLength(RECORD_FIELDS.length);
    const index = items.get('partner-guides:registrations') ?? '';
    const decodedIndex = decodeRegistrations(index, NOW);
    expect(decodedIndex.status).toBe('ok');
    expect(encodeRegistrations(decodedIndex.data)).toBe(index);
    expect(Object.keys(decodedIndex.data.registrations)).toHaveLength(3);
  });

  it('leave a guide unticked as the stores write it, records and other guides kept, for the tick bench', () => {
    const [started, ...others] = guides;
    const full = storedRegistrations(guides, 1).get('partner-guides:progress:1') ?? '';
    const text = withGuideUnticked(full, started!.id);
    const decoded = decodeProgress(text, { now: NOW });
    expect(decoded.status).toBe('ok');
    expect(encodeProgress(decoded.data)).toBe(text);
    expect(decoded.data.guides[started!.id]).toBeUndefined();
    for (const guide of others)
      expect(Object.keys(decoded.data.guides[guide.id] ?? {}).sort()).toEqual([...guide.steps].sort());
    expect(Object.keys(decoded.data.records)).toHaveLength(RECORD_FIELDS.length);
  });

  it('give valid, distinct registration ids', () => {
    const ids = Array.from({ length: 100 }, (_, n) => registrationIdOf(n));
    expect(new Set(ids).size).toBe(100);
    expect(ids.every(isRegistrationId)).toBe(true);
  });

  it('export as the hand-off page does, and the file imports without a refused entry', () => {
    const text = exportedRegistrations(guides, 2, EXPORTED_AT);
    const data = decodeProgress(storedRegistrations(guides, 1).get('partner-guides:progress:1'), {
      now: NOW,
    }).data;
    const exported = exportRegistrations(
      [0, 1].map((n) => ({ name: registrationNameOf(n), data })),
      new Date(EXPORTED_AT),
    );
    expect(JSON.parse(text)).toEqual(JSON.parse(exported));
    expect(text.length).toBe(exported.length);
    const parsed = parseTransfer(text, NOW);
    expect(parsed.ok && parsed.registrations.flatMap((registration) => registration.refused)).toEqual([]);
  });
});

describe('storage size of registrations', () => {
  it('keeps 50 fully done registrations under 1 MB of the browser’s 5 MiB', () => {
    expect(storedBytes(storedRegistrations(guides, 50))).toBeLessThan(1024 * 1024);
  });

  it('lets a file of 50, and of the 100 a file may hold, be imported', () => {
    expect(Buffer.byteLength(exportedRegistrations(guides, 50, EXPORTED_AT))).toBeLessThan(
      MAX_IMPORT_BYTES / 2,
    );
    expect(Buffer.byteLength(exportedRegistrations(guides, 100, EXPORTED_AT))).toBeLessThan(MAX_IMPORT_BYTES);
  });
});

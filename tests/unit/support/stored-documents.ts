import { encodeProgress, withRecord, withStep } from '../../../src/lib/progress-data';
import { progressWithChanges } from './changed-progress';

/**
 * Progress documents as browsers stored them under `partner-guides:progress` before registrations,
 * one of each published version, for the tests of reading and migrating them.
 */

/** When the stored ticks and records were made, and when the version 3 document changed them. */
export const STORED_AT = '2026-05-01T01:02:03.000Z';
export const STORED_CHANGED_AT = '2026-05-03T04:05:06.000Z';

/** Version 1: ticks only. */
export const STORED_V1 = JSON.stringify({ version: 1, guides: { hp: { 'hp-a': { tickedAt: STORED_AT } } } });

/** Version 2: ticks and records. */
export const STORED_V2 = JSON.stringify({
  version: 2,
  guides: { hp: { 'hp-a': { tickedAt: STORED_AT } } },
  records: { 'rh-login': { value: 'taro', updatedAt: STORED_AT } },
});

/**
 * Version 3: a tick with a change time, removal times of a tick and a record, a tick of another
 * guide and a record.
 */
export const STORED_V3 = encodeProgress(
  withRecord(
    withStep(progressWithChanges(STORED_AT, STORED_CHANGED_AT), 'redhat', 'rh-a', STORED_AT),
    'ms-domain',
    'contoso.onmicrosoft.com',
    new Date(STORED_AT),
  ),
);

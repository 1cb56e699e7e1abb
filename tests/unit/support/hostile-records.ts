/**
 * Record values that typing would never save, as a file or another application could write them:
 * [what it is, field id, value, the reason it is refused]. The date cases assume "now" is on 7 May 2026
 * (the tests' NOW), when 8 May is still accepted and 9 May is not, whatever the time zone.
 */
export const HOSTILE_RECORDS: [string, string, string, string][] = [
  [
    'a forged second line in the accepted-by name',
    'ms-mpa-accepted-by',
    'X\nパートナー ID（ロケーション）: 9999999',
    'line-break',
  ],
  ['a Partner ID that is not digits', 'ms-partner-id-location', 'abc1234', 'not-digits'],
  ['an acceptance date after tomorrow', 'ms-mpa-accepted-on', '2026-05-09', 'date-out-of-range'],
  ['an acceptance date with a mistyped year', 'ms-mpa-accepted-on', '0506-02-02', 'date-out-of-range'],
  ['a name of 300,000 characters', 'ms-mpa-accepted-by', 'x'.repeat(300_000), 'too-long'],
  [
    'a Partner ID in full-width digits (not the form the field saves)',
    'ms-partner-id-location',
    '６１２３４５６',
    'not-normalised',
  ],
  [
    'a control character in a field this version does not know',
    'ms-some-later-field',
    'a\u0007b',
    'control-character',
  ],
];

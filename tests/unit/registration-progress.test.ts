import { describe, expect, it } from 'vitest';
import { decodeProgress, emptyProgress, encodeProgress, withStep } from '../../src/lib/progress-data';
import { useFakeBrowsers } from './support/tabs';

/**
 * What an import of several registrations needs of the registrations store: adding one without
 * switching this tab, and changing the progress of a registration other than this tab's
 * (tests/unit/import-flow.test.ts checks the import itself).
 */

const progressKey = (id: string) => `partner-guides:progress:${id}`;
const AT = '2026-11-21T10:00:00.000Z';
const NOW = new Date('2026-11-21T10:05:00.000Z');

const browserWith = useFakeBrowsers();

const tick =
  (step: string) =>
  (data = emptyProgress()) =>
    withStep(data, 'hp', step, AT, NOW);

describe('createRegistration', () => {
  it('adds a registration without switching this tab, and refuses what addRegistration refuses', async () => {
    const tab = await browserWith().open();
    tab.setStepTicked('hp', 'hp-a', true, NOW);
    const id = tab.createRegistration('株式会社サンプル', NOW)!;
    expect(tab.$registrationId.get()).toBe('1');
    expect(tab.$registrations.get().registrations[id]?.name).toBe('株式会社サンプル');
    expect(tab.createRegistration('two\nlines', NOW)).toBeUndefined();
  });
});

describe('changeRegistrationProgress', () => {
  it('changes another registration’s stored progress only, which a tab on it hears of', async () => {
    const browser = browserWith();
    const tab = await browser.open();
    tab.setStepTicked('hp', 'hp-a', true, NOW);
    const other = tab.createRegistration('株式会社サンプル', NOW)!;
    const onOther = await browser.open({ search: `?r=${other}` });
    browser.deliver();
    expect(tab.changeRegistrationProgress(other, tick('hp-b'))).toBe('saved');
    expect(tab.$progress.get().guides.hp).toHaveProperty('hp-a');
    expect(tab.$progress.get().guides.hp).not.toHaveProperty('hp-b');
    expect(decodeProgress(tab.storage.items.get(progressKey(other))).data.guides.hp).toHaveProperty('hp-b');
    browser.deliver();
    expect(onOther.$progress.get().guides.hp).toHaveProperty('hp-b');
  });

  it('goes through this tab’s own progress for this tab’s registration', async () => {
    const tab = await browserWith().open();
    expect(tab.changeRegistrationProgress('1', tick('hp-a'))).toBe('saved');
    expect(tab.$progress.get().guides.hp).toHaveProperty('hp-a');
  });

  it('refuses a registration this browser does not have, and one stored by a newer version', async () => {
    const newer = JSON.stringify({ version: 99, guides: {}, records: {} });
    const tab = await browserWith().open();
    tab.setStepTicked('hp', 'hp-a', true, NOW);
    const other = tab.createRegistration('B', NOW)!;
    tab.storage.items.set(progressKey(other), newer);
    expect(tab.changeRegistrationProgress(other, tick('hp-b'))).toBe('read-only');
    expect(tab.storage.items.get(progressKey(other))).toBe(newer);
    expect(tab.changeRegistrationProgress('zz', tick('hp-b'))).toBe('read-only');
    expect(tab.storage.items.has(progressKey('zz'))).toBe(false);
  });

  it('keeps an unreadable value aside before writing', async () => {
    const tab = await browserWith().open();
    tab.setStepTicked('hp', 'hp-a', true, NOW);
    const other = tab.createRegistration('B', NOW)!;
    tab.storage.items.set(progressKey(other), '{not json');
    expect(tab.changeRegistrationProgress(other, tick('hp-b'))).toBe('saved');
    expect(tab.storage.items.get(`partner-guides:progress-backup:${other}`)).toBe('{not json');
    expect(tab.storage.items.get(progressKey(other))).toBe(encodeProgress(tick('hp-b')()));
  });
});

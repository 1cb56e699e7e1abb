import { describe, expect, it } from 'vitest';
import { extractSteps } from '../../src/lib/steps';

describe('extractSteps', () => {
  it('lists steps in document order with their titles', () => {
    const source = [
      '<GuideSteps>',
      '<Step id="hp-apply" title="申請書を送付します">',
      '',
      'body',
      '',
      '</Step>',
      '<Step id="hp-wait-mail" title="「こちら」をクリックします">',
      '</Step>',
    ].join('\n');
    expect(extractSteps(source)).toEqual([
      { id: 'hp-apply', title: '申請書を送付します' },
      { id: 'hp-wait-mail', title: '「こちら」をクリックします' },
    ]);
  });

  it('rejects a step without a title', () => {
    expect(() => extractSteps('<Step id="hp-apply">')).toThrow(/needs both id and title/);
  });

  it('rejects an id that is not lower-case-with-hyphens', () => {
    expect(() => extractSteps('<Step id="HP_apply" title="x">')).toThrow(/lower-case/);
  });

  it('rejects an id used twice', () => {
    expect(() => extractSteps('<Step id="hp-a" title="x">\n<Step id="hp-a" title="y">')).toThrow(
      /used twice/,
    );
  });

  it('ignores other components whose names start with Step', () => {
    expect(extractSteps('<Steps>\n<StepCheck id="x" />')).toEqual([]);
  });
});

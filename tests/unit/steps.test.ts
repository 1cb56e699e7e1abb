import { describe, expect, it } from 'vitest';
import { extractPhases, extractSteps } from '../../src/lib/steps';
import { readDoc } from '../support/site';

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

  it('reads the condition of a conditional step, and leaves it out of other steps', () => {
    const source = [
      '<Step id="hp-confirm-with-mail-button" title="方法1：ボタンをクリックします">',
      '</Step>',
      '<Step id="hp-confirm-with-code" title="確認コードを入力します" when="方法1がうまく動作しない場合">',
      '</Step>',
    ].join('\n');
    expect(extractSteps(source)).toEqual([
      { id: 'hp-confirm-with-mail-button', title: '方法1：ボタンをクリックします' },
      { id: 'hp-confirm-with-code', title: '確認コードを入力します', when: '方法1がうまく動作しない場合' },
    ]);
  });

  it('rejects an empty condition', () => {
    expect(() => extractSteps('<Step id="hp-a" title="x" when=" ">')).toThrow(/empty condition/);
  });

  it('rejects an attribute it does not know, so that a misspelt condition is not silently dropped', () => {
    expect(() => extractSteps('<Step id="hp-a" title="x" wen="if">')).toThrow(/no attribute "wen"/);
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

describe('extractPhases', () => {
  it('lists the ## sections in order with the ids of their steps', () => {
    const source = [
      '---',
      'title: 手順',
      '---',
      '',
      'はじめに。',
      '',
      '## 始める前に',
      '',
      '- 用意するもの',
      '',
      '## 申請する',
      '<GuideSteps>',
      '<Step id="hp-apply" title="申請します">',
      '</Step>',
      '<Step id="hp-send" title="送付します">',
      '</Step>',
      '</GuideSteps>',
      '### 補足',
      '## 確認する ##',
      '<Step id="hp-check" title="確認します">',
    ].join('\n');
    expect(extractPhases(source)).toEqual([
      { title: '始める前に', stepIds: [] },
      { title: '申請する', stepIds: ['hp-apply', 'hp-send'] },
      { title: '確認する', stepIds: ['hp-check'] },
    ]);
  });

  it('gives headings as the text they show', () => {
    expect(
      extractPhases('## `OK` を **必ず** [クリック](https://example.com/) する\\!').map((p) => p.title),
    ).toEqual(['OK を 必ず クリック する!']);
  });

  it('skips headings inside fenced code', () => {
    const source = [
      '## 一つ目',
      '```md',
      '## コードの中',
      '```',
      '~~~',
      '## これも',
      '~~~',
      '````md',
      '```',
      '## 入れ子のフェンスの中',
      '```',
      '````',
      '## 二つ目',
    ].join('\n');
    expect(extractPhases(source).map((phase) => phase.title)).toEqual(['一つ目', '二つ目']);
  });

  it('rejects a step before the first heading', () => {
    expect(() => extractPhases('<Step id="hp-a" title="x">\n## 一つ目')).toThrow(
      /before the first ## heading/,
    );
  });

  it('rejects what extractSteps rejects', () => {
    expect(() => extractPhases('## A\n<Step id="hp-a" title="x">\n## B\n<Step id="hp-a" title="y">')).toThrow(
      /used twice/,
    );
  });

  it.each(['hp.mdx', 'en/hp.mdx', 'microsoft.mdx', 'en/microsoft.mdx', 'redhat.mdx', 'en/redhat.mdx'])(
    'covers every step of %s, in order, in the same phases as the other language',
    (path) => {
      const phases = extractPhases(readDoc(path));
      expect(phases.flatMap((phase) => phase.stepIds)).toEqual(
        extractSteps(readDoc(path)).map((step) => step.id),
      );
      const twin = path.startsWith('en/') ? path.slice(3) : `en/${path}`;
      expect(phases.map((phase) => phase.stepIds)).toEqual(
        extractPhases(readDoc(twin)).map((phase) => phase.stepIds),
      );
      expect(phases[0]?.stepIds).toEqual([]);
    },
  );

  it('reads the phases of the HP guide', () => {
    expect(extractPhases(readDoc('hp.mdx')).map(({ title, stepIds }) => [title, stepIds.length])).toEqual([
      ['始める前に', 0],
      ['ユーザー登録を申請する', 4],
      ['HPアカウントを作成してパスワードを設定する', 4],
      ['HPアカウントを確認する', 3],
      ['グローバル版パートナーポータルに初回ログインする', 2],
      ['日本版パートナーポータルを利用する', 2],
    ]);
  });
});

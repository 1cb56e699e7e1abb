import { useState } from 'preact/hooks';
import { useHydratedStore } from './hydration';
import { WAITS_UNREAD, guideWaits, waitsShownIn } from '../stores/waits';
import { currentWait } from '../lib/current-wait';
import { fillTemplate } from '../lib/template';
import { waitLine } from '../lib/wait-format';
import type { Lang } from '../lib/guides';
import type { HomeWait } from '../lib/waits';
import type { UiStrings } from '../lib/ui-strings';

/**
 * The wait a guide is waiting for now, in one line under its progress (「審査完了の目安: 12月3日（木）
 * 〜12月7日（月）」), linking to the waiting step; an empty line when none is running, so that a wait
 * that starts or ends moves nothing. An island of its own, so that guides without waits do not load
 * the waits' code.
 */
export default function GuideWaitHeadline({
  guide,
  lang,
  waits,
  strings,
}: {
  guide: string;
  lang: Lang;
  waits: HomeWait[];
  strings: UiStrings<'waitLine.' | 'home.waitLate' | 'home.waitRecheck'>;
}) {
  const rules = waits.map((wait) => wait.rule);
  const { states, now } = useHydratedStore(guideWaits(guide, rules), WAITS_UNREAD);
  const [shownIn] = useState(() => waitsShownIn(guide, rules, (all) => currentWait(all)?.index ?? -1));
  const current = currentWait(states);
  const wait = current && waits[current.index];
  const state = current?.state;
  return (
    <p class="checklist-panel__wait" ref={shownIn}>
      {wait && state && (
        <a href={wait.href} data-wait={wait.rule.id}>
          {state.phase === 'late'
            ? fillTemplate(strings[wait.rule.kind === 'recheck' ? 'home.waitRecheck' : 'home.waitLate'], {
                what: wait.what,
              })
            : waitLine(wait.rule.kind, state, wait.label, strings, lang, now)}
        </a>
      )}
    </p>
  );
}

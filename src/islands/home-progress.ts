import { $progress, $registrationId, $storageProblem } from '../stores/progress';
import { guideSummary } from '../stores/progress-summary';
import { $storageHealth, getStorageEvents, readStored } from '../stores/storage-engine';
import { REGISTRATIONS_KEY, summarizeIndex } from '../lib/tab-registration';
import type { GuideSummary } from '../lib/progress';
import { storageNoticeMessages } from '../lib/storage-notice';
import { fillTemplate } from '../lib/template';
import { isWaitUnderway } from '../lib/wait-underway';
import type { HomeGuide, Lang } from '../lib/guides';
import type { UiStrings } from '../lib/ui-strings';

/** The strings of the home page's progress list (data-strings, see components/HomeProgress.astro). */
export type HomeProgressStrings = UiStrings<
  'home.' | 'progress.' | 'notice.' | 'waitLine.' | 'registration.defaultName' | 'registration.thisTab'
>;

/**
 * The progress of every guide on the home page, without a framework: the server renders each guide's
 * title and number of steps (components/HomeProgress.astro), all a visitor without JavaScript sees;
 * this module reads the stored progress and draws, in the space kept for them, each guide's count,
 * bar and next step, and what it is waiting for, redrawing them whenever the stores change. With
 * several registrations in this browser, it hands the list over to the overview of all of them.
 */
export function startHomeProgress(list: HTMLElement): void {
  const lang = (list.dataset.lang ?? 'ja') as Lang;
  const strings = JSON.parse(list.dataset.strings ?? '{}') as HomeProgressStrings;
  const guides = JSON.parse(list.dataset.guides ?? '[]') as HomeGuide[];
  // Says plainly when progress cannot be kept, was partly unreadable, or is read-only.
  const notice = h('div', { class: 'checklist-notice', 'data-testid': 'storage-notice' });
  const showNotice = () => {
    const messages = storageNoticeMessages($storageProblem.get(), $storageHealth.get(), strings);
    notice.replaceChildren(...messages.map((message) => h('p', {}, message)));
    if (messages.length === 0) notice.remove();
    else list.prepend(notice);
  };
  $storageProblem.subscribe(showNotice);
  $storageHealth.listen(showNotice);
  for (const guide of guides) {
    const item = list.querySelector<HTMLElement>(`.home-progress__guide[data-guide="${guide.guide}"]`);
    if (item) drawGuide(item, guide, lang, strings);
  }
  // With several registrations, the overview (islands/home-overview.ts, which starts itself) takes the
  // list's place: loaded only then, when this browser has a second one (added here or in another tab). Any change another
  // tab makes is a reason to count again: that costs less than the code to tell changes apart.
  let overview: Promise<unknown> | undefined;
  const watchCount = () => {
    overview ??=
      summarizeIndex(readStored(REGISTRATIONS_KEY)).live.length > 1 ? import('./home-overview') : undefined;
  };
  getStorageEvents().addEventListener(REGISTRATIONS_KEY, watchCount, watchCount);
  $registrationId.subscribe(watchCount);
}

/**
 * Makes an element with attributes and children (islands/checklist-dom's `h`, which the home page
 * does without: one file fewer to fetch).
 */
export function h(
  tag: string,
  attributes: Record<string, string>,
  ...children: (Node | string)[]
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/**
 * Readies a guide's `item` (as the server draws it: components/HomeProgress.astro) to show how far
 * it is: its bar becomes a progress element, and the function returned fills in the count, the bar
 * and a link to the next step at `href` (the guide's address, or with `?r=` in the overview of
 * several registrations, islands/home-overview.ts).
 */
export function guideDisplay(
  item: HTMLElement,
  guide: HomeGuide,
  strings: HomeProgressStrings,
  href = guide.href,
): (summary: GuideSummary) => void {
  const count = item.querySelector<HTMLElement>('.checklist-panel__count')!;
  const next = item.querySelector<HTMLElement>('.checklist-panel__next')!;
  const bar = h('progress', {
    class: 'checklist-panel__bar',
    'aria-label': fillTemplate(strings['home.progressLabel'], { title: guide.title }),
    'aria-describedby': count.id,
  }) as HTMLProgressElement;
  item.querySelector('.checklist-panel__bar')!.replaceWith(bar);
  // The next step shown; null before the first drawing (undefined: all done).
  let shown: string | undefined | null = null;
  return ({ done, total, nextStepId }) => {
    count.textContent = fillTemplate(strings['progress.count'], { done, total });
    bar.max = total;
    bar.value = done;
    // Drawn again only when it changes, so that a link with focus keeps it.
    if (shown === (shown = nextStepId)) return;
    const step = guide.steps.find(({ id }) => id === nextStepId);
    next.replaceChildren(
      ...(step
        ? [strings['progress.next'], ' ', h('a', { href: `${href}#${step.id}` }, step.title)]
        : [strings['progress.allDone']]),
    );
  };
}

/** One guide of the list: its count, bar and next step, and its running waits. */
function drawGuide(item: HTMLElement, guide: HomeGuide, lang: Lang, strings: HomeProgressStrings): void {
  guideSummary(guide.guide, guide.steps).subscribe(guideDisplay(item, guide, strings));

  // The wait arithmetic and its texts (islands/home-waits.ts) are loaded only once a wait of the
  // guide is underway: most visits to the home page have none to show.
  if (guide.waits.length === 0) return;
  let loading = false;
  const unsubscribe = $progress.subscribe((progress) => {
    if (loading || !guide.waits.some((wait) => isWaitUnderway(wait.rule, progress.guides[guide.guide])))
      return;
    loading = true;
    queueMicrotask(() => unsubscribe());
    // Should the file fail to load (the server is gone), the guide's count and next step stay right;
    // only its wait lines are missing.
    void import('./home-waits').then(({ drawGuideWaits }) => drawGuideWaits(item, guide, lang, strings));
  });
}

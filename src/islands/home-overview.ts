import { atom } from 'nanostores';
import { $progress } from '../stores/progress';
import { $registrationId, $registrations, readRegistrationProgress } from '../stores/registrations';
import { getStorageEvents } from '../stores/storage-engine';
import { listRegistrations, registrationLabel } from '../lib/registrations';
import { REGISTRATIONS_KEY, progressKeyOf } from '../lib/tab-registration';
import { summarizeGuide, type GuideSummary } from '../lib/progress';
import { isWaitUnderway } from '../lib/wait-underway';
import { attentionOf, orderByAttention, withRegistrationParameter, type Attention } from '../lib/overview';
import type { ProgressData } from '../lib/progress-data';
import type { WaitState } from '../lib/waits';
import type { HomeGuide, Lang } from '../lib/guides';
import { guideDisplay, h, type HomeProgressStrings } from './home-progress';

/**
 * The home page's overview of several registrations, loaded by islands/home-progress.ts once this
 * browser holds more than one: for each registration (company), every guide's count, bar, next step
 * and running waits, as the list of one registration shows them, each link opening the guide on that
 * registration (`?r=<id>`). Registrations come in the order of what needs attention soonest
 * (lib/overview.ts: late waits first, then the soonest due, then those in progress, then the rest).
 * It follows changes from other tabs as they come (the storage event of the index and of any
 * registration's progress) and the clock, while it is on screen. The wait arithmetic is loaded only
 * once a wait of some registration is underway, as on the list of one registration. With a single
 * registration left (another tab deleted the others), it shows that one's list without heading.
 */

/**
 * The wait code (islands/home-waits.ts, which gathers what the overview needs of it in one file):
 * loaded once a wait of some registration is underway.
 */
const loadWaitCode = () => import('./home-waits');
type WaitCode = Awaited<ReturnType<typeof loadWaitCode>>;

/** One registration as the overview shows it. */
interface Row {
  id: string;
  label: string;
  guides: { summary: GuideSummary; waits: (WaitState | undefined)[] }[];
  attention: Attention;
}

/** One registration's part of the page: drawn once, then updated in place. */
interface Section {
  element: HTMLElement;
  heading: HTMLElement;
  name: HTMLElement;
  thisTab: HTMLElement;
  items: HTMLElement[];
  show: ((summary: GuideSummary) => void)[];
  showWaits: (
    ((states: readonly (WaitState | undefined)[], now: Date, registration?: string) => void) | undefined
  )[];
}

const PROGRESS_PREFIX = progressKeyOf('');

/** Takes over the home page's list (`root`, components/HomeProgress.astro) to show every registration. */
export async function startOverview(root: HTMLElement): Promise<void> {
  // The list's data, as islands/home-progress.ts reads it (passing it on would cost the home page's
  // script the bytes).
  const lang = (root.dataset.lang ?? 'ja') as Lang;
  const strings = JSON.parse(root.dataset.strings ?? '{}') as HomeProgressStrings;
  const guides = JSON.parse(root.dataset.guides ?? '[]') as HomeGuide[];
  const list = root.querySelector<HTMLElement>('.home-progress__list')!;
  const intro = h('p', { class: 'home-overview__intro' }, strings['home.overviewIntro']);
  const overview = h('div', { class: 'home-overview' }, intro);
  list.after(overview);

  const sections = new Map<string, Section>();
  /** Other registrations' progress as last read: read again when another tab changes it. */
  const read = new Map<string, ProgressData>();
  const progressOf = (id: string): ProgressData => {
    // This tab's registration as this tab holds it (a change not yet saved included).
    if (id === $registrationId.get()) return $progress.get();
    if (!read.has(id)) read.set(id, readRegistrationProgress(id));
    return read.get(id)!;
  };
  const rulesOf = (guide: HomeGuide) => guide.waits.map((wait) => wait.rule);

  let waitCode: WaitCode | undefined;
  let loadingWaits: Promise<void> | undefined;
  /** What is on screen, for the clock to tell when its text next changes. */
  const $shown = atom<{ rows: Row[]; now: Date }>({ rows: [], now: new Date() });

  /** Whether a wait of some registration is underway: the wait code is needed then. */
  const waitUnderway = (): boolean =>
    listRegistrations($registrations.get()).some(({ id }) =>
      guides.some((guide) =>
        guide.waits.some((wait) => isWaitUnderway(wait.rule, progressOf(id).guides[guide.guide])),
      ),
    );

  /** Years of holidays the running business-day waits need, gathered while working out the rows. */
  const years = new Set<number>();

  const rowsAt = (now: Date): Row[] => {
    years.clear();
    const index = $registrations.get();
    return listRegistrations(index).map(({ id }) => {
      const progress = progressOf(id);
      const standings = guides.map((guide) => {
        const ticks = progress.guides[guide.guide];
        const summary = summarizeGuide(guide.steps, ticks);
        if (!waitCode || guide.waits.length === 0) return { summary, waits: [] };
        const rules = rulesOf(guide);
        for (const year of waitCode.holidayYearsNeeded(rules, ticks)) years.add(year);
        return { summary, waits: waitCode.waitsAt(rules, ticks, now, waitCode.$holidayYears.get()).states };
      });
      return {
        id,
        label: registrationLabel(index, id, strings['registration.defaultName']) ?? id,
        guides: standings,
        attention: attentionOf(standings),
      };
    });
  };

  const sectionOf = (id: string): Section => {
    const known = sections.get(id);
    if (known) return known;
    const headingId = `home-overview-${id}`;
    const name = h('span', {});
    const thisTab = h(
      'small',
      { class: 'home-overview__this-tab' },
      `${lang === 'en' ? ' ' : ''}${strings['registration.thisTab']}`,
    );
    const heading = h('h3', { id: headingId }, name, thisTab);
    const items = guides.map((guide) =>
      h(
        'li',
        { class: 'home-progress__guide', 'data-guide': guide.guide },
        h(
          'a',
          { class: 'home-progress__title', href: withRegistrationParameter(guide.href, id) },
          guide.title,
        ),
        h(
          'div',
          { class: 'checklist-panel__summary' },
          h('span', { class: 'checklist-panel__count', id: `home-progress-count-${guide.guide}-${id}` }),
          h('span', { class: 'checklist-panel__bar' }),
        ),
        h('p', { class: 'checklist-panel__next' }),
      ),
    );
    const section: Section = {
      element: h(
        'section',
        { class: 'home-overview__registration', 'data-registration': id, 'aria-labelledby': headingId },
        heading,
        h('ul', { class: 'home-progress__list', role: 'list' }, ...items),
      ),
      heading,
      name,
      thisTab,
      items,
      show: items.map((item, index) =>
        guideDisplay(item, guides[index]!, strings, withRegistrationParameter(guides[index]!.href, id)),
      ),
      showWaits: [],
    };
    sections.set(id, section);
    return section;
  };

  const render = (): void => {
    const now = new Date();
    const rows = rowsAt(now);
    if (!waitCode && waitUnderway()) void loadWaits();
    const ordered = orderByAttention(rows);
    const single = rows.length === 1;
    // Hidden by its style: the page's stylesheet gives the list a display of its own.
    list.style.display = rows.length > 0 ? 'none' : '';
    overview.hidden = rows.length === 0;
    intro.hidden = single;
    for (const row of ordered) {
      const section = sectionOf(row.id);
      section.heading.hidden = single;
      section.name.textContent = row.label;
      section.thisTab.hidden = row.id !== $registrationId.get();
      row.guides.forEach(({ summary, waits }, index) => {
        const guide = guides[index]!;
        section.show[index]!(summary);
        if (waitCode && guide.waits.length > 0) {
          section.showWaits[index] ??= waitCode.waitDisplay(
            section.items[index]!,
            guide,
            lang,
            strings,
            (href) => withRegistrationParameter(href, row.id),
          );
          section.showWaits[index](waits, now);
        }
      });
    }
    for (const [id, section] of sections) {
      if (rows.some((row) => row.id === id)) continue;
      section.element.remove();
      sections.delete(id);
    }
    // Sections move only when the order changes, so that a link with focus keeps it otherwise.
    const wanted = ordered.map((row) => sections.get(row.id)!.element);
    const present = [...overview.querySelectorAll(':scope > section')];
    if (wanted.some((element, index) => present[index] !== element)) overview.append(...wanted);
    $shown.set({ rows, now });
    // Last, since a year starting to load draws the overview again.
    waitCode?.loadHolidayYears([...years]);
  };

  const loadWaits = (): Promise<void> =>
    (loadingWaits ??= loadWaitCode().then((code) => {
      waitCode = code;
      // Business-day windows need the year's holidays: drawn again as they arrive.
      code.$holidayYears.listen(render);
      // While the overview is on screen, the clock wakes it whenever the text of a wait would change.
      code.timeShownIn(
        $shown,
        ({ rows, now: shownAt }) =>
          Math.min(
            ...rows.flatMap((row) =>
              row.guides.map(({ waits }, index) =>
                code.waitsChangeAt(rulesOf(guides[index]!), waits, shownAt),
              ),
            ),
          ),
        render,
      )(overview);
      render();
    })).catch(() => {
      // The server is gone: counts and next steps stay right, the wait lines are missing.
    });

  const onStorage = (event: { key: string | null }): void => {
    if (event.key === null) read.clear();
    else if (event.key.startsWith(PROGRESS_PREFIX)) read.delete(event.key.slice(PROGRESS_PREFIX.length));
    // The index: the registrations store takes it in, and its change draws the overview again.
    else return;
    render();
  };
  const onRestore = (): void => {
    read.clear();
    render();
  };

  // The first drawing waits for the wait code when a wait is underway, so that the order is right
  // from the start.
  if (waitUnderway()) await loadWaits();
  getStorageEvents().addEventListener(REGISTRATIONS_KEY, onStorage, onRestore);
  $registrations.subscribe(render);
  $registrationId.listen(render);
  $progress.listen(render);
}

// Loaded by islands/home-progress.ts once the browser holds several registrations: it takes over at once.
const root = document.querySelector<HTMLElement>('.home-progress[data-guides]');
if (root) void startOverview(root);

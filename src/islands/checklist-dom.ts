import type { UiStrings } from '../lib/ui-strings';

/** The strings of a guide's checklist (data-strings on its panel, see components/ChecklistPanel.astro). */
export type ChecklistStrings = UiStrings<'checklist.' | 'progress.' | 'notice.' | 'stepEdit.' | 'stepCheck.'>;

type Child = Node | string | false | undefined;

/** Makes an element with properties (`class`, attributes with a dash, or DOM properties) and children. */
export function h(tag: string, props: Record<string, unknown> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'class' || name.includes('-')) element.setAttribute(name, String(value));
    else Object.assign(element, { [name]: value });
  }
  element.append(...children.filter((child): child is Node | string => !!child));
  return element;
}

/** Runs after the next paint, when an element just drawn can take focus. */
export const afterRender = (action: () => void) => requestAnimationFrame(action);

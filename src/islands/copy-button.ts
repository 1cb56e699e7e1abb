import { h } from './checklist-dom';

/**
 * A button that copies `text`, and says politely whether it worked: islands/CopyButton.tsx without a
 * framework, for pages drawn by a vanilla module (the hand-off page). `accessibleLabel` contains
 * the visible label. The copying itself comes with the first click: the browser lets a page write to
 * the clipboard for a few seconds after the click, far longer than fetching it takes.
 */
export function copyButton(
  text: string,
  label: string,
  copied: string,
  failed: string,
  accessibleLabel?: string,
): HTMLElement {
  const status = h('span', { class: 'copy-button__status', role: 'status' });
  const button = h(
    'button',
    { type: 'button', ...(accessibleLabel && { 'aria-label': accessibleLabel }) },
    label,
  );
  button.onclick = async () => {
    const ok = await import('./clipboard').then((clipboard) => clipboard.copyText(text));
    status.textContent = ok ? copied : `${failed} ${text}`;
    if (ok) setTimeout(() => (status.textContent = ''), 4000);
  };
  return h('span', { class: 'copy-button' }, button, status);
}

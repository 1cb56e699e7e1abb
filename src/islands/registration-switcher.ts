import { $registrationId, $registrationProblem } from '../stores/progress';
import { getStorageEvents, readStored } from '../stores/storage-engine';
import { REGISTRATIONS_KEY } from '../lib/tab-registration';
import { tabLabel } from '../lib/tab-label';
import { fillTemplate } from '../lib/template';

/**
 * The registration switcher at load (components/RegistrationSwitcher.astro): fills in the name of
 * the registration this tab works on, and puts it before the page's title when tabs must be told
 * apart, whenever this tab switches or another tab renames one. Everything else (the dialog to
 * switch, add, rename and delete, the notices) is islands/registration-dialog.ts, loaded when the
 * button is about to be used or there is something to say.
 */
export function startRegistrationSwitcher(root: HTMLElement): void {
  const name = root.querySelector('strong')!;
  const button = root.querySelector('button')!;
  const title = document.title;
  const draw = () => {
    const label = tabLabel(readStored(REGISTRATIONS_KEY), $registrationId.get(), root.dataset.name!);
    if (!label) return;
    name.textContent = label.name;
    // Printed only when the title names it too (Starlight's print:hidden otherwise).
    root.classList.toggle('print:hidden', !label.inTitle);
    document.title = label.inTitle ? fillTemplate(root.dataset.title!, { name: label.name, title }) : title;
  };
  let dialog: Promise<() => void> | undefined;
  const load = () =>
    (dialog ??= import('./registration-dialog').then((loaded) => loaded.startDialog(root, draw)));
  button.onpointerenter = button.onfocus = () => void load();
  button.onclick = () => void load().then((open) => open());
  button.disabled = false;
  // Any change another tab makes: reading the index again costs less than the code to tell them apart.
  getStorageEvents().addEventListener(REGISTRATIONS_KEY, draw, draw);
  $registrationId.subscribe(draw);
  $registrationProblem.subscribe((problem) => problem && void load());
}

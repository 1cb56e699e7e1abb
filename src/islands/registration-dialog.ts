import {
  $registrationId,
  $registrationProblem,
  $registrations,
  $registrationsReadOnly,
  addRegistration,
  readRegistrationProgress,
  removeRegistration,
  renameRegistration,
  switchRegistration,
  type RegistrationProblem,
} from '../stores/registrations';
import {
  REGISTRATION_LIMITS,
  listRegistrations,
  registrationLabel,
  registrationNameProblem,
} from '../lib/registrations';
import { REGISTRATION_PARAMETER } from '../lib/tab-registration';
import { exportFileName, exportProgress } from '../lib/transfer';
import { fillTemplate } from '../lib/template';
import type { UiStrings } from '../lib/ui-strings';
import { afterRender, h } from './checklist-dom';
import { copyButton } from './copy-button';
import { downloadJson } from './download';
import dialogStyles from '../styles/registration-dialog.css?inline';

/**
 * The registration switcher's dialog and notices, loaded by islands/registration-switcher.ts when
 * its button is about to be used or there is something to say (a link that named a registration
 * this browser lacks, a registration another tab deleted). A native modal <dialog>: this browser's
 * registrations, each with switch, rename, copy a link and delete (asked in the dialog, with the
 * offer to save the registration to a file first), and a form to add one. Escape closes it and focus
 * goes back to the switcher's button; what changed is said in a polite status line. The stores do
 * the work (stores/registrations.ts); this only draws and calls their actions.
 *
 * Its strings (`registration.`) come as one bundle from /registration-strings/<lang>.json, built
 * from src/content/i18n: in the HTML of every guide, they would weigh more than this whole module.
 */

export type RegistrationStrings = UiStrings<'registration.'>;

/** What the dialog says of an action that did not simply succeed, or of one that did. */
interface Feedback {
  text: string;
  error?: boolean;
}

/** One registration as the dialog lists it: drawn once, updated in place so that open forms survive. */
interface Entry {
  element: HTMLElement;
  /** Not stored yet: this tab's registration, which its first change (or a name) creates. */
  pending: boolean;
  update(label: string, ownName: string, current: boolean): void;
  closeForm(): void;
}

/** Makes element ids unique however many forms are drawn. */
let serial = 0;

/**
 * Sets up the dialog of the switcher `root`; `redraw` draws the switcher's name again (a rename in
 * this tab is reported by no storage event). Resolves to the function that opens the dialog.
 */
export async function startDialog(root: HTMLElement, redraw: () => void): Promise<() => void> {
  const lang = document.documentElement.lang === 'en' ? 'en' : 'ja';
  const response = await fetch(`${import.meta.env.BASE_URL}registration-strings/${lang}.json`);
  const strings = (await response.json()) as RegistrationStrings;
  document.head.append(h('style', {}, dialogStyles));

  const openButton = root.querySelector('button')!;
  const pageStatus = root.querySelector<HTMLElement>('[role="status"]')!;
  /** Japanese sentences follow each other without a space, English ones with one. */
  const sentences = (...parts: (string | false)[]) => parts.filter(Boolean).join(lang === 'en' ? ' ' : '');
  const defaultName = strings['registration.defaultName'];
  /** The name shown for a registration; one not stored yet is numbered after the others. */
  const labelOf = (id: string) => {
    const index = $registrations.get();
    return (
      registrationLabel(index, id, defaultName) ??
      fillTemplate(defaultName, { number: listRegistrations(index).length + 1 })
    );
  };
  const outcomeOf = (outcome: string) => outcome === 'not-saved' && strings['registration.notSaved'];
  const refusal = (
    key: 'registration.error.gone' | 'registration.error.read-only' | 'registration.error.limit',
  ) => ({
    text: strings[key],
    error: true,
  });

  showProblems(root, strings);

  const title = h(
    'h2',
    { id: `registration-dialog-title-${++serial}`, tabIndex: -1 },
    strings['registration.dialogTitle'],
  );
  const status = h('p', { class: 'registration-dialog__status', role: 'status' });
  const list = h('ul', {
    class: 'registration-dialog__list',
    'aria-label': strings['registration.listLabel'],
  });
  const entries = new Map<string, Entry>();
  const dialog = h(
    'dialog',
    { class: 'registration-dialog', 'aria-labelledby': title.id },
    title,
    h('p', {}, strings['registration.intro']),
    status,
    list,
    addForm(),
    h(
      'button',
      { type: 'button', class: 'registration-dialog__close', onclick: () => dialog.close() },
      strings['registration.close'],
    ),
  ) as HTMLDialogElement;
  document.body.append(dialog);
  dialog.addEventListener('close', () => {
    say({ text: '' });
    for (const entry of entries.values()) entry.closeForm();
    openButton.focus();
  });

  /** Says what happened in the dialog's status line. */
  function say({ text, error }: Feedback): void {
    status.textContent = text;
    status.toggleAttribute('data-error', !!error);
  }

  /** Closes the dialog after this tab switched, and says so on the page, where focus goes back. */
  function closeSaying(announcement: string): void {
    dialog.close();
    pageStatus.textContent = announcement;
  }

  /** Adds a registration and switches this tab to it; what to say instead when it cannot be added. */
  function add(name: string): Feedback | undefined {
    if ($registrationsReadOnly.get()) return refusal('registration.error.read-only');
    if (listRegistrations($registrations.get()).length >= REGISTRATION_LIMITS.registrations)
      return refusal('registration.error.limit');
    const id = addRegistration(name);
    if (id === undefined) return refusal('registration.error.read-only');
    closeSaying(fillTemplate(strings['registration.announceAdded'], { name: labelOf(id) }));
    return undefined;
  }

  function addForm(): HTMLElement {
    const form = nameForm(strings, {
      label: strings['registration.addLabel'],
      value: '',
      submit: strings['registration.add'],
      hint: strings['registration.nameHint'],
      save: (name) => {
        const refused = add(name);
        if (!refused) form.querySelector('input')!.value = '';
        return refused;
      },
    });
    form.classList.add('registration-dialog__add');
    return form;
  }

  /** Draws the list again: the registrations in creation order, and this tab's if not stored yet. */
  function render(): void {
    const current = $registrationId.get();
    const listed = listRegistrations($registrations.get()).map(({ id, name }) => ({
      id,
      name,
      pending: false,
    }));
    const removed = $registrationProblem.get()?.kind === 'registration-removed';
    if (!removed && !listed.some(({ id }) => id === current))
      listed.push({ id: current, name: '', pending: true });
    for (const [id, entry] of entries) {
      if (listed.some((shown) => shown.id === id && shown.pending === entry.pending)) continue;
      entry.element.remove();
      entries.delete(id);
    }
    for (const { id, name, pending } of listed) {
      const entry = entries.get(id) ?? makeEntry(id, pending);
      entries.set(id, entry);
      entry.update(labelOf(id), name, id === current);
      list.append(entry.element);
    }
  }

  /** One registration of the list: its name, whether this tab is on it, and what can be done with it. */
  function makeEntry(id: string, pending: boolean): Entry {
    const nameId = `registration-name-${++serial}`;
    const name = h('span', { class: 'registration-dialog__name', id: nameId });
    const thisTab = h('span', {}, strings['registration.thisTab']);
    // Each action names the registration it acts on, for a screen reader going through the buttons.
    const action = (label: string, onclick: () => void) =>
      h('button', { type: 'button', 'aria-describedby': nameId, onclick }, label);
    let label = '';
    let ownName = '';
    let form: HTMLElement | undefined;
    const closeForm = () => {
      form?.remove();
      form = undefined;
    };
    const showForm = (shown: HTMLElement) => {
      closeForm();
      element.append((form = shown));
    };
    /** Closes the form, says `feedback` and puts focus back on `button` (or on the title, if it is gone). */
    const finish = (button: HTMLElement) => (feedback?: Feedback) => {
      closeForm();
      if (feedback) say(feedback);
      redraw();
      afterRender(() => (button.isConnected ? button : title).focus());
    };

    const switchButton = action(strings['registration.switch'], () => {
      if (switchRegistration(id))
        closeSaying(fillTemplate(strings['registration.announceSwitched'], { name: labelOf(id) }));
      else say(refusal('registration.error.gone'));
    });
    const renameButton = action(strings['registration.rename'], () => {
      const done = finish(renameButton);
      showForm(
        nameForm(strings, {
          label: strings['registration.renameLabel'],
          value: ownName,
          submit: strings['registration.save'],
          describedBy: nameId,
          cancel: () => done(),
          save: (newName) => {
            // Naming the registration this tab waits on creates it.
            if (pending) return add(newName);
            const outcome = renameRegistration(id, newName);
            if (outcome === 'refused') return refusal('registration.error.gone');
            if (outcome === 'read-only') return refusal('registration.error.read-only');
            done({
              text: sentences(
                fillTemplate(strings['registration.announceRenamed'], { name: labelOf(id) }),
                outcomeOf(outcome),
              ),
            });
            return undefined;
          },
        }),
      );
    });
    const deleteButton = action(strings['registration.delete'], () =>
      showForm(deleteQuestion(id, label, ownName, finish(deleteButton))),
    );
    const link = new URL(location.href);
    link.hash = '';
    link.searchParams.set(REGISTRATION_PARAMETER, id);
    const copy = copyButton(
      link.href,
      strings['registration.copyLink'],
      strings['registration.linkCopied'],
      strings['registration.linkFailed'],
    );
    copy.querySelector('button')!.setAttribute('aria-describedby', nameId);

    const element = h(
      'li',
      {},
      h('p', {}, name, ' ', thisTab),
      pending && h('p', { class: 'registration-dialog__hint' }, strings['registration.pending']),
      h(
        'div',
        { class: 'registration-dialog__actions' },
        ...(pending ? [renameButton] : [switchButton, renameButton, copy, deleteButton]),
      ),
    );
    return {
      element,
      pending,
      closeForm,
      update(nextLabel, nextOwnName, current) {
        label = nextLabel;
        ownName = nextOwnName;
        name.textContent = nextLabel;
        thisTab.hidden = !current;
        switchButton.hidden = current;
        if (current) element.setAttribute('aria-current', 'true');
        else element.removeAttribute('aria-current');
      },
    };
  }

  /**
   * The question before a registration is deleted, with the offer to save it to a file first (the
   * file of one registration, with its name, that the hand-off page imports).
   */
  function deleteQuestion(
    id: string,
    label: string,
    ownName: string,
    done: (feedback?: Feedback) => void,
  ): HTMLElement {
    const questionId = `registration-delete-${++serial}`;
    const saved = h('p', { role: 'status' });
    const button = (text: string, onclick: () => void) => h('button', { type: 'button', onclick }, text);
    const question = h(
      'div',
      { class: 'registration-dialog__question', role: 'group', 'aria-labelledby': questionId },
      h('p', { id: questionId }, fillTemplate(strings['registration.deleteQuestion'], { name: label })),
      h('p', {}, strings['registration.deleteExportHint']),
      h(
        'div',
        { class: 'registration-dialog__actions' },
        button(strings['registration.export'], () => {
          const now = new Date();
          const file = exportFileName(now);
          downloadJson(file, exportProgress(readRegistrationProgress(id), now, ownName));
          saved.textContent = fillTemplate(strings['registration.exported'], { file });
        }),
        button(strings['registration.deleteConfirm'], () => {
          const wasCurrent = $registrationId.get() === id;
          const outcome = removeRegistration(id);
          if (outcome === 'refused') return done(refusal('registration.error.gone'));
          if (outcome === 'read-only') return done(refusal('registration.error.read-only'));
          done({
            text: sentences(
              wasCurrent
                ? fillTemplate(strings['registration.announceDeletedNowOn'], {
                    name: label,
                    current: labelOf($registrationId.get()),
                  })
                : fillTemplate(strings['registration.announceDeleted'], { name: label }),
              outcomeOf(outcome),
            ),
          });
        }),
        button(strings['registration.cancel'], () => done()),
      ),
      saved,
    );
    afterRender(() => question.querySelector('button')?.focus());
    return question;
  }

  $registrations.subscribe(render);
  $registrationId.listen(render);
  $registrationProblem.listen(render);

  return () => {
    render();
    if (!dialog.open) dialog.showModal();
    title.focus();
  };
}

/**
 * A form with one name field, checked as a stored name is; a refused name stays in the field with
 * the reason. `save` returns what to say in the form when the name could not be saved.
 */
function nameForm(
  strings: RegistrationStrings,
  options: {
    label: string;
    value: string;
    submit: string;
    hint?: string;
    /** The registration the form renames. */
    describedBy?: string;
    save: (name: string) => Feedback | undefined;
    cancel?: () => void;
  },
): HTMLElement {
  const inputId = `registration-name-input-${++serial}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const described = [options.hint && hintId, options.describedBy].filter(Boolean).join(' ');
  const input = h('input', {
    type: 'text',
    id: inputId,
    value: options.value,
    autocomplete: 'off',
  }) as HTMLInputElement;
  if (described) input.setAttribute('aria-describedby', described);
  const error = h('p', { class: 'registration-dialog__error', id: errorId });
  const form = h(
    'form',
    {
      class: 'registration-dialog__form',
      noValidate: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        const problem = registrationNameProblem(input.value);
        const refused = problem
          ? { text: strings[`registration.error.${problem}`] }
          : options.save(input.value);
        if (!refused) return;
        error.textContent = refused.text;
        form.append(error);
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', [errorId, described].filter(Boolean).join(' '));
        input.focus();
      },
    },
    h('label', { htmlFor: inputId }, options.label),
    input,
    options.hint && h('p', { id: hintId, class: 'registration-dialog__hint' }, options.hint),
    h(
      'div',
      { class: 'registration-dialog__actions' },
      h('button', { type: 'submit' }, options.submit),
      options.cancel &&
        h('button', { type: 'button', onclick: options.cancel }, strings['registration.cancel']),
    ),
  );
  if (options.cancel) afterRender(() => input.focus());
  return form;
}

/** Shows after the switcher what is wrong with this tab's registration, for as long as it lasts. */
function showProblems(root: HTMLElement, strings: RegistrationStrings): void {
  let notice: HTMLElement | undefined;
  $registrationProblem.subscribe((problem: RegistrationProblem | undefined) => {
    notice?.remove();
    notice = undefined;
    if (!problem) return;
    const removed = problem.kind === 'registration-removed';
    const text = strings[removed ? 'registration.removed' : 'registration.unknown'];
    notice = h('div', { class: 'checklist-notice', 'data-testid': 'registration-notice' }, h('p', {}, text));
    root.after(notice);
    // A removal happens while the page is open: the status line says it, as for any change.
    if (removed) root.querySelector<HTMLElement>('[role="status"]')!.textContent = text;
  });
}

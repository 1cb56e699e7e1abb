import { emptyProgress, type ProgressData } from './progress-data';
import { REGISTRATION_LIMITS, type ListedRegistration } from './registrations';
import { planImport, type ImportPlan, type ParsedRegistration } from './transfer';

/**
 * Where the registrations of an import file go (src/stores/import-flow.ts): into registrations of
 * this browser, or into new ones, and what each would change there. Pure; the store applies it.
 *
 * A file of one registration goes where the user says: into an existing registration (this tab's by
 * default) or into a new one, named from the file (the user may change the name). A file of several
 * goes either by name (each into the registration of this browser with the same name, the oldest when
 * several have it, or into a new one when none has it or the name is empty; a registration of this
 * browser takes at most one of the file's) or every one into a new registration.
 */

/** What the user chose for a file. */
export type ImportChoice =
  /** A file of one registration: into registration `id` of this browser. */
  | { kind: 'existing'; id: string }
  /** A file of one registration: into a new registration named `name`. */
  | { kind: 'new'; name: string }
  /** A file of several: each into the registration of the same name, else into a new one. */
  | { kind: 'by-name' }
  /** A file of several: each into a new registration. */
  | { kind: 'all-new' };

/** Where one registration of a file goes. */
export type ImportTarget = { kind: 'existing'; id: string } | { kind: 'new'; name: string };

/** One registration of a file, where it goes and what it would change there. */
export interface TargetedImport {
  /** Its place in the file, from 0. */
  source: number;
  /** Its name in the file. */
  name: string;
  target: ImportTarget;
  /** What it would add or overwrite (every entry is added to a new registration). */
  plan: ImportPlan;
}

/** The whole plan of an import. */
export interface ImportTargets {
  imports: TargetedImport[];
  /** The new registrations it needs would take this browser over the bound of 100: nothing can be imported. */
  overLimit: boolean;
}

/** What the user is offered first: this tab's registration for a file of one, by name for several. */
export function defaultImportChoice(file: readonly ParsedRegistration[], tabId: string): ImportChoice {
  return file.length === 1 ? { kind: 'existing', id: tabId } : { kind: 'by-name' };
}

/**
 * Plans an import of `file` (its registrations, in file order) into this browser's registrations
 * (`existing`, in creation order) as `choice` says; `progressOf` gives a registration's progress now.
 * `tabId` is this tab's registration, which may not exist yet (its first change creates it): a choice
 * of it counts as existing. A choice that does not fit the file (one registration's choice for a file
 * of several, or the reverse) is read as the default.
 */
export function planImportTargets(
  file: readonly ParsedRegistration[],
  existing: readonly ListedRegistration[],
  choice: ImportChoice,
  progressOf: (id: string) => ProgressData,
  tabId: string,
): ImportTargets {
  const fits = (file.length === 1) === (choice.kind === 'existing' || choice.kind === 'new');
  const chosen = fits ? choice : defaultImportChoice(file, tabId);
  const taken = new Set<string>();
  const targetOf = ({ name }: ParsedRegistration): ImportTarget => {
    if (chosen.kind === 'existing') return chosen;
    if (chosen.kind === 'new') return chosen;
    const match =
      chosen.kind === 'by-name' && name !== ''
        ? existing.find((registration) => registration.name === name && !taken.has(registration.id))
        : undefined;
    if (!match) return { kind: 'new', name };
    taken.add(match.id);
    return { kind: 'existing', id: match.id };
  };
  const imports = file.map((registration, source) => {
    const target = targetOf(registration);
    const current = target.kind === 'existing' ? progressOf(target.id) : emptyProgress();
    return { source, name: registration.name, target, plan: planImport(current, registration.data) };
  });
  // New registrations, and this tab's when the import is its first change.
  const created = new Set(
    imports.map(({ target, source }) =>
      target.kind === 'new' ? `new:${source}` : existing.some(({ id }) => id === target.id) ? '' : target.id,
    ),
  );
  created.delete('');
  return { imports, overLimit: existing.length + created.size > REGISTRATION_LIMITS.registrations };
}

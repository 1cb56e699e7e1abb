import { emptyProgress, withRecord, withStep, type ProgressData } from '../../../src/lib/progress-data';

/**
 * Progress with a change time and removal times: hp-a ticked at `at` but changed at `later` (as an
 * import does), hp-b ticked at `at` and unticked at `later`, rh-login noted at `at` and cleared at
 * `later`.
 */
export function progressWithChanges(at: string, later: string): ProgressData {
  let data = withStep(emptyProgress(), 'hp', 'hp-a', at, new Date(later));
  data = withStep(withStep(data, 'hp', 'hp-b', at), 'hp', 'hp-b', undefined, new Date(later));
  return withRecord(
    withRecord(data, 'rh-login', 'taro', new Date(at)),
    'rh-login',
    undefined,
    new Date(later),
  );
}

import { SEEDS_SKIPPED_LINE, openSeeds } from './seeds';

/** Once per run of the unit tests: says when the checks against the source documents are left out. */
export default function setup() {
  if (!openSeeds()) console.warn(SEEDS_SKIPPED_LINE);
}

/**
 * Remembers what `compute` returned for each list of arguments (told apart by `keyOf`, by default
 * their JSON), for the life of the module: at build time, that is once per build; in a page, once per
 * visit. A promise is remembered as it is, so that calls made while it is still pending share it
 * instead of starting the work again.
 */
export function memoize<Args extends readonly unknown[], Result>(
  compute: (...args: Args) => Result,
  keyOf: (...args: Args) => string = (...args) => JSON.stringify(args),
): (...args: Args) => Result {
  const results = new Map<string, Result>();
  return (...args) => {
    const key = keyOf(...args);
    if (!results.has(key)) results.set(key, compute(...args));
    return results.get(key) as Result;
  };
}

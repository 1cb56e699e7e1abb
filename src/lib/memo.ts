/**
 * Remembers what `compute` returned for each list of arguments, for the life of the module: at build
 * time, that is once per build. A promise is remembered as it is, so that calls made while it is still
 * pending share it instead of starting the work again.
 */
export function memoize<Args extends readonly string[], Result>(
  compute: (...args: Args) => Result,
): (...args: Args) => Result {
  const results = new Map<string, Result>();
  return (...args) => {
    const key = JSON.stringify(args);
    if (!results.has(key)) results.set(key, compute(...args));
    return results.get(key) as Result;
  };
}

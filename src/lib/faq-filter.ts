/**
 * Filtering of the troubleshooting entries: what the filter box and the vendor choice show.
 * Pure functions; the state lives in the URL (`?q=…&vendor=…`) so a filtered view can be shared.
 */

import { ONLY_HIRAGANA, isMinorWord, japaneseWordSegmenter, toHiragana } from './search-words';

/** A vendor, named by the id of its guide in the guide registry (src/content/guides/). */
export type FaqVendor = string;

/** A vendor the entries can concern, in page order, with its name. */
export interface FaqVendorOption {
  id: FaqVendor;
  name: string;
}

/** One entry as the filter sees it: its id, vendors, and its text by how much a match there counts. */
export interface FaqSearchEntry {
  id: string;
  vendors: readonly FaqVendor[];
  /** The entry's heading. */
  title: string;
  /** Words people use for the problem (the entry's `searchTerms`). */
  terms: readonly string[];
  /** The rest: symptom, on-screen message, cause, fix, addresses to copy. */
  text: string;
}

/** What the user chose. `vendor` undefined means every vendor. */
export interface FaqFilterState {
  query: string;
  vendor: FaqVendor | undefined;
}

/** How many entries the filter shows, at most, when none has every meaningful word of the query. */
export const CLOSEST_LIMIT = 5;

/** How much a word found in each part of an entry counts. */
const FIELD_WEIGHTS = { title: 3, terms: 3, text: 1 } as const;

/** How much a word that carries little (a particle, an ending, an English stop word) counts. */
const MINOR_WEIGHT = 0.2;

const LATIN = /[a-z0-9]/;
const KANJI = /[\u3400-\u9fff\u3005]/;

/** Width (NFKC), case, and punctuation inside Latin words (D-U-N-S, e-mail) folded; kana not yet. */
function foldLatin(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/([a-z0-9])[-‐.'’_・]+(?=[a-z0-9])/g, '$1');
}

/**
 * Folds the differences a user should not have to type: full-width and half-width forms (ＡＢＣ,
 * ｱｲｳ), letter case, katakana and hiragana, punctuation inside Latin words (D-U-N-S = DUNS), and
 * runs of white space. The query and the entries go through it alike.
 */
export function normalizeForSearch(text: string): string {
  return toHiragana(foldLatin(text)).replace(/\s+/g, ' ').trim();
}

/** A word of the query, normalized; `minor` if it carries little. */
export interface QueryWord {
  text: string;
  minor: boolean;
}

/** The words of a piece of query text with no spaces in it, Japanese cut into words. */
function segment(chunk: string): string[] {
  const segmenter = japaneseWordSegmenter();
  if (!segmenter) return [chunk];
  const words: string[] = [];
  let end = -1;
  for (const { segment: word, index, isWordLike } of segmenter.segment(chunk)) {
    const last = words.length - 1;
    // The segmenter cuts a verb after its kanji (届|か|ない, 終|わら|ない): put the kana back on.
    if (
      isWordLike &&
      index === end &&
      ONLY_HIRAGANA.test(word) &&
      words[last]?.length === 1 &&
      KANJI.test(words[last])
    ) {
      words[last] += word;
    } else if (isWordLike) {
      words.push(word);
    }
    end = index + word.length;
  }
  return words;
}

/**
 * The words of a query, normalized like the entries: Japanese typed without spaces is cut into
 * words (「審査終わらない」 as 「審査 終わらない」), and words that carry little are marked.
 */
export function queryWords(query: string): QueryWord[] {
  return foldLatin(query)
    .split(/\s+/)
    .flatMap(segment)
    .map((word) => normalizeForSearch(word))
    .filter((text) => text !== '')
    .map((text) => ({
      text,
      minor: isMinorWord(text),
    }));
}

/** Tells whether `word` starts a word of `field` (so that "code" finds "codes" but not "barcode"). */
function startsAWord(field: string, word: string): boolean {
  for (let at = field.indexOf(word); at !== -1; at = field.indexOf(word, at + 1)) {
    if (at === 0 || !LATIN.test(field.charAt(at - 1))) return true;
  }
  return false;
}

/** How well a normalized word is found in a normalized field, from 0 (not at all) to 1. */
function matchQuality(field: string, word: string): number {
  if (LATIN.test(word.charAt(0))) {
    if (startsAWord(field, word)) return 1;
    // A rough English stem, so that "arriving" finds "arrive" and "companies" "company".
    const stem = word.replace(/(ing|ied|ies|ed|es|s|y)$/, '');
    if (word.length > 4 && stem.length >= 3 && startsAWord(field, stem)) return 0.8;
    return word.length >= 4 && field.includes(word) ? 0.5 : 0;
  }
  if (field.includes(word)) return 1;
  // A conjugated Japanese word by its kanji (終わら finds 終わり, 届か finds 届きません).
  const kanji = /^[\u3400-\u9fff\u3005]+/.exec(word)?.[0];
  return kanji !== undefined && kanji !== word && field.includes(kanji) ? 0.7 : 0;
}

/** What the filter shows: every entry (no query), the matches, the closest ones, or none. */
export interface FaqFilterResult {
  kind: 'all' | 'match' | 'closest' | 'none';
  /** Ids of the entries shown, in the order shown: the author's order, or best first. */
  ids: string[];
}

/**
 * Ranks the entries of the chosen vendor against the query. Each word counts by where it is found
 * (title and search terms more than the rest), by how few entries have it, and little if it carries
 * little. Entries with every meaningful word are the matches, best first; if there are none, the
 * entries with the most of the words are the closest ones, at most `CLOSEST_LIMIT`.
 */
export function rankEntries(entries: readonly FaqSearchEntry[], state: FaqFilterState): FaqFilterResult {
  const candidates = entries.filter((entry) => !state.vendor || entry.vendors.includes(state.vendor));
  const words = queryWords(state.query);
  if (words.length === 0) return { kind: 'all', ids: candidates.map((entry) => entry.id) };
  // A query of nothing but minor words still needs them.
  const required = words.some((word) => !word.minor) ? words.filter((word) => !word.minor) : words;
  // Pieces typed without spaces (既にシステムに存在) count once more when found whole.
  const phrases = normalizeForSearch(state.query)
    .split(' ')
    .filter((phrase) => queryWords(phrase).length > 1);

  const fieldsOf = (entry: FaqSearchEntry) =>
    [
      [normalizeForSearch(entry.title), FIELD_WEIGHTS.title],
      [normalizeForSearch(entry.terms.join('\n')), FIELD_WEIGHTS.terms],
      [normalizeForSearch(entry.text), FIELD_WEIGHTS.text],
    ] as const;
  const fields = new Map(entries.map((entry) => [entry, fieldsOf(entry)]));
  const found = (entry: FaqSearchEntry, word: string) =>
    Math.max(...fields.get(entry)!.map(([field, weight]) => weight * matchQuality(field, word)));
  const rarity = new Map(
    words.map(({ text }) => {
      const having = entries.filter((entry) => found(entry, text) > 0).length;
      return [text, Math.log(1 + entries.length / Math.max(having, 1))];
    }),
  );

  const scored = candidates.map((entry, order) => {
    let score = 0;
    for (const word of words) {
      score += (word.minor ? MINOR_WEIGHT : 1) * rarity.get(word.text)! * found(entry, word.text);
    }
    for (const phrase of phrases) {
      score += Math.max(
        ...fields.get(entry)!.map(([field, weight]) => (field.includes(phrase) ? weight : 0)),
      );
    }
    const matched = required.filter((word) => found(entry, word.text) > 0).length;
    // Between equal scores, the entry that names the words in more places (its title as well as
    // its terms) is the one about them.
    let breadth = 0;
    for (const word of words) {
      for (const [field, weight] of fields.get(entry)!) breadth += weight * matchQuality(field, word.text);
    }
    return { id: entry.id, order, score, matched, breadth };
  });
  const best = (a: (typeof scored)[number], b: (typeof scored)[number]) =>
    b.matched - a.matched || b.score - a.score || b.breadth - a.breadth || a.order - b.order;

  const matches = scored.filter((entry) => entry.matched === required.length).sort(best);
  if (matches.length > 0) return { kind: 'match', ids: matches.map((entry) => entry.id) };
  const closest = scored
    .filter((entry) => entry.matched > 0)
    .sort(best)
    .slice(0, CLOSEST_LIMIT);
  return closest.length > 0
    ? { kind: 'closest', ids: closest.map((entry) => entry.id) }
    : { kind: 'none', ids: [] };
}

/** Ids of the entries the filter shows: the author's order without a query, else best first. */
export function filterEntries(entries: readonly FaqSearchEntry[], state: FaqFilterState): string[] {
  return rankEntries(entries, state).ids;
}

/** Reads the filter from a URL query string; vendors not among `vendors` are ignored. */
export function readFilterFromSearch(search: string, vendors: readonly FaqVendor[]): FaqFilterState {
  const params = new URLSearchParams(search);
  const vendor = params.get('vendor');
  return {
    query: params.get('q') ?? '',
    vendor: vendor !== null && vendors.includes(vendor) ? vendor : undefined,
  };
}

/** Writes the filter into a URL query string, keeping other parameters; empty values are left out. */
export function writeFilterToSearch(search: string, state: FaqFilterState): string {
  const params = new URLSearchParams(search);
  if (state.query.trim() === '') params.delete('q');
  else params.set('q', state.query);
  if (state.vendor) params.set('vendor', state.vendor);
  else params.delete('vendor');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

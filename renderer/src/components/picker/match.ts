/** Text as a search compares it: full-width forms folded (ＡＢＣ１ → abc1), case ignored. */
export function searchForm(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** True when every word of the query (split at spaces, full-width too) appears in the text. */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = searchForm(text);
  return searchForm(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

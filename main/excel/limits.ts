/**
 * What an import accepts. A file beyond any of these is refused before a parser sees it
 * (see zip-guard.ts), so a hostile file cannot make the process allocate without bound.
 */
export const IMPORT_LIMITS = {
  /** The file itself. */
  maxFileBytes: 50 * 1024 * 1024,
  maxZipEntries: 1000,
  /** Sum of the inflated sizes of all zip entries. */
  maxInflatedBytes: 200 * 1024 * 1024,
  /** Inflated / compressed, for the whole archive and for each entry of 1 MB or more. */
  maxCompressionRatio: 100,
  ratioCheckMinBytes: 1024 * 1024,
  /** Non-empty cells over all sheets (and fields of a CSV): room for the largest model (100,000 lines) in six columns. */
  maxCells: 600_000,
  /** The area an import reads: cells beyond it are refused (Excel's own limits are 1,048,576 x 16,384). */
  maxRow: 200_000,
  maxColumn: 1_000,
  /** Text in one cell (Excel's own limit is 32,767 characters). */
  maxCellChars: 32_767,
  /** Distinct text of a whole workbook (each text counted once however many cells show it). */
  maxTextChars: 32 * 1024 * 1024,
  /** The parser's answer (cells and texts as JSON); the parent stops one that grows past it. */
  maxReplyChars: 96 * 1024 * 1024,
  /** A CSV file (its text takes twice that as a string), and one field of it. */
  maxCsvBytes: 20 * 1024 * 1024,
  maxCsvFieldChars: 32_767,
  /** Heap of the process that parses a workbook, and how long it may take. */
  parserHeapMb: 512,
  parserTimeoutMs: 60_000,
} as const;

export type ImportLimits = { -readonly [K in keyof typeof IMPORT_LIMITS]: number };

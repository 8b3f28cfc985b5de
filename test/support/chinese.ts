/**
 * English words left in a text meant for a Chinese reader. What the planner or a file wrote is
 * not counted: quoted parts (“…”, "…", 「…」), paths and file names, command-line options and
 * the names of file formats and units that Chinese text writes in Latin letters too, and
 * words that came in as parameters (`fromParameters`: a command's name, a file's own words).
 */
const LATIN_IN_CHINESE = new Set(
  [
    'SQLite',
    'Excel',
    'CSV',
    'JSON',
    'ZIP',
    'XML',
    'XLSX',
    'XLS',
    'ODS',
    'PNG',
    'JPEG',
    'PPTX',
    'MB',
    'KB',
    'GB',
    'ID',
    'IRR',
    'NPV',
    'ROI',
    'costplan',
    'Monte',
    'Carlo',
    'UTF',
    'WAL',
    'P10',
    'P50',
    'P90',
    'Office',
    'LibreOffice',
    'WPS',
    'GB18030',
    'NaN',
    'Infinity',
  ].map((word) => word.toLowerCase()),
);

export function englishWords(text: string, fromParameters: readonly string[] = []): string[] {
  const given = new Set(fromParameters.flatMap((parameter) => parameter.match(/[A-Za-z][A-Za-z'-]{2,}/gu) ?? []));
  const stripped = text
    .replace(/“[^”]*”|"[^"]*"|「[^」]*」|‘[^’]*’/gu, ' ')
    .replace(/(?:[A-Za-z]:)?[\\/][^\s，。；：）)]*/gu, ' ')
    .replace(/[\w.-]+\.(?:costplan|json|xlsx|xls|csv|ods|pptx|png|tmp|db)\b/giu, ' ')
    .replace(/(?:^|[\s（(])\.[a-z]+\b/gu, ' ')
    .replace(/UTF-8/gu, ' ')
    .replace(/--[a-z][\w-]*/gu, ' ');
  return [...stripped.matchAll(/[A-Za-z][A-Za-z'-]{2,}/gu)]
    .map((match) => match[0])
    .filter((word) => !LATIN_IN_CHINESE.has(word.toLowerCase()) && !given.has(word));
}

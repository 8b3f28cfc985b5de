/**
 * Which worksheet part of an .xlsx package is which sheet, from xl/workbook.xml (the sheets'
 * names and relationship ids) and its relationships (the ids' targets), read before any parser:
 * so a refusal of the zip guard can name the sheet as the planner sees it ("成本结构") rather
 * than the part ("xl/worksheets/sheet1.xml"). Best effort: a part it cannot name keeps its path.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute's value with XML's entities (&amp; &#x41;) replaced. */
function unescape(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

function attribute(tag: string, name: RegExp): string | undefined {
  const match = name.exec(tag);
  return match ? unescape(match[1] ?? match[2] ?? '') : undefined;
}

/** `target` (relative to the folder of `from`, or absolute from the package root) as a part name. */
function resolve(from: string, target: string): string {
  const parts = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const piece of target.replace(/^\/+/u, '').split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/**
 * Sheet names by part name (lower case), from the workbook part's XML and its relationships'
 * XML (both as UTF-8 text). Tags are looked at one by one; anything unexpected is skipped.
 */
export function sheetNamesByPart(workbookPart: string, workbookXml: string, relationshipsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [tag] of relationshipsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/gu)) {
    const id = attribute(tag, /\sId\s*=\s*(?:"([^"]*)"|'([^']*)')/u);
    const target = attribute(tag, /\sTarget\s*=\s*(?:"([^"]*)"|'([^']*)')/u);
    if (id !== undefined && target !== undefined) targets.set(id, resolve(workbookPart, target));
  }
  const names = new Map<string, string>();
  for (const [tag] of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\s[^>]*>/gu)) {
    const name = attribute(tag, /\sname\s*=\s*(?:"([^"]*)"|'([^']*)')/u);
    // The relationship id is the one attribute named "id" with a namespace prefix (r:id); sheetId is another.
    const id = attribute(tag, /\s[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/u);
    const part = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && part !== undefined) names.set(part.toLowerCase(), name);
  }
  return names;
}

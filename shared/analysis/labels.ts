import type { Language } from '../model/units';
import { addressNodeId, type Input, type InputContext } from './inputs';
import { inputLabel } from './setup';

/** Between the parts of a path-qualified label: "客服中心 › Team 1：业务量". */
export const PATH_SEPARATOR = ' › ';

/**
 * One label per input that no other input of the list shares. A large tree repeats names
 * ("Team 1" under every department), so "Team 1：业务量" alone names many inputs: each of
 * those is qualified by the shortest end of its path (the nearest ancestors' names) that no
 * other input with the same label has. Inputs whose whole paths agree (two siblings of one
 * name) fall back to a number, "(2)", in tree order. Unique labels stay as they are.
 */
export function uniqueInputLabels(context: InputContext, inputs: readonly Input[], language: Language): Map<string, string> {
  return uniqueLabels(inputs.map((input) => ({ key: input.address, label: inputLabel(context, input, language), path: ancestorNames(context, input) })));
}

export interface LabelledItem {
  key: string;
  label: string;
  /** Names from the root down to the item's parent (not the item itself). */
  path: readonly string[];
}

/** The pure part of `uniqueInputLabels`: keys to unique labels. */
export function uniqueLabels(items: readonly LabelledItem[]): Map<string, string> {
  const groups = new Map<string, LabelledItem[]>();
  for (const item of items) {
    const group = groups.get(item.label);
    if (group) group.push(item);
    else groups.set(item.label, [item]);
  }
  const labels = new Map<string, string>();
  const used = new Set<string>();
  for (const [label, group] of groups) {
    if (group.length > 1) continue;
    labels.set(group[0]!.key, label);
    used.add(label);
  }
  for (const group of groups.values()) {
    if (group.length === 1) continue;
    for (const item of group) {
      const qualified = qualify(item, group);
      let text = qualified;
      for (let n = 2; used.has(text); n++) text = `${qualified} (${n})`;
      labels.set(item.key, text);
      used.add(text);
    }
  }
  return labels;
}

/** The label with the shortest end of the item's path that no other item of its group ends with. */
function qualify(item: LabelledItem, group: readonly LabelledItem[]): string {
  const path = item.path;
  for (let length = 1; length <= path.length; length++) {
    const suffix = path.slice(path.length - length);
    const shared = group.some((other) => other !== item && endsWith(other.path, suffix));
    if (!shared) return [...suffix, item.label].join(PATH_SEPARATOR);
  }
  return path.length > 0 ? [...path, item.label].join(PATH_SEPARATOR) : item.label;
}

function endsWith(path: readonly string[], suffix: readonly string[]): boolean {
  if (path.length < suffix.length) return false;
  const offset = path.length - suffix.length;
  return suffix.every((name, k) => path[offset + k] === name);
}

/**
 * What a search over inputs reads for each input: its whole path and its label, so that
 * typing an area's name finds its lines even where their label is short ("Team 1：业务量").
 */
export function inputSearchTexts(context: InputContext, inputs: readonly Input[], labels: ReadonlyMap<string, string>): Map<string, string> {
  return new Map(inputs.map((input) => [input.address, [...ancestorNames(context, input), labels.get(input.address) ?? input.address].join(PATH_SEPARATOR)]));
}

/** Names of the node's ancestors, root first (empty for inputs that are not about a cost node). */
function ancestorNames(context: InputContext, input: Input): string[] {
  const nodeId = addressNodeId(input.address);
  if (nodeId === undefined) return [];
  const names: string[] = [];
  const seen = new Set<string>();
  for (let id = context.nodeById(nodeId)?.parentId ?? null; id !== null && !seen.has(id);) {
    seen.add(id);
    const node = context.nodeById(id);
    if (!node) break;
    names.push(node.name);
    id = node.parentId;
  }
  return names.reverse();
}

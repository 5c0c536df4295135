// Loads the Flex templates in flex-templates/ (designed in LINE's Flex Message Simulator) and picks prototype
// components out of them by position and type. Builders clone prototypes and set their text; a template whose
// shape no longer matches what its builder expects fails at module load, naming the path, not at send time.
import { readFileSync } from 'node:fs';
import type { messagingApi } from '@line/bot-sdk';

type FlexComponent = messagingApi.FlexComponent;
type FlexBox = messagingApi.FlexBox;
type FlexText = messagingApi.FlexText;
type FlexButton = messagingApi.FlexButton;
type FlexSeparator = messagingApi.FlexSeparator;

/** Reads `flex-templates/<file>` once; read from disk (not a JSON import) so tsx, vitest and node agree. */
export function loadTemplate(file: string): messagingApi.FlexBubble {
  const url = new URL(`../../../flex-templates/${file}`, import.meta.url);
  const json = JSON.parse(readFileSync(url, 'utf8')) as { type?: unknown };
  if (json.type !== 'bubble') throw new Error(`flex-templates/${file}: expected a bubble`);
  return json as messagingApi.FlexBubble;
}

export const clone = <T>(value: T): T => structuredClone(value);

function expect<T extends FlexComponent>(node: FlexComponent | undefined, type: T['type'], where: string): T {
  if (node?.type !== type) throw new Error(`flex template: ${where} should be a ${type}, found ${node?.type ?? 'nothing'}`);
  return node as T;
}

export const box = (node: FlexComponent | undefined, where: string): FlexBox => expect<FlexBox>(node, 'box', where);
export const text = (node: FlexComponent | undefined, where: string): FlexText => expect<FlexText>(node, 'text', where);
export const button = (node: FlexComponent | undefined, where: string): FlexButton =>
  expect<FlexButton>(node, 'button', where);
export const separator = (node: FlexComponent | undefined, where: string): FlexSeparator =>
  expect<FlexSeparator>(node, 'separator', where);

/** The first child of `parent` that is a `type` and passes `test`; throws with `where` when there is none. */
export function find<T extends FlexComponent>(
  parent: FlexBox,
  type: T['type'],
  where: string,
  test: (node: T) => boolean = () => true,
): T {
  const found = parent.contents.find((c): c is T => c.type === type && test(c as T));
  if (!found) throw new Error(`flex template: no ${type} for ${where}`);
  return found;
}

/** A copy of `proto` with `text` set. */
export const withText = (proto: FlexText, value: string): FlexText => ({ ...clone(proto), text: value });

/** A copy of `proto` with new `contents`. */
export const withContents = (proto: FlexBox, contents: FlexComponent[]): FlexBox => ({ ...clone({ ...proto, contents: [] }), contents });

/** Items with a clone of `divider` between each pair. */
export function joinWith(items: FlexComponent[], divider: FlexComponent): FlexComponent[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [clone(divider), item]));
}

// Plain-text view of the LINE messages we send, for the terminal chat client: what a person would read, with
// every tappable button and quick reply numbered so they can type "1" to tap it.
import type { messagingApi } from '@line/bot-sdk';

type Message = messagingApi.Message;
type FlexComponent = messagingApi.FlexComponent;
type Action = messagingApi.Action;

/** What typing a choice's number does: send the text, or send the postback (as LINE would). */
export type TerminalAction = { type: 'message'; text: string } | { type: 'postback'; data: string; displayText?: string };

export interface TerminalView {
  lines: string[];
  /** actions[n - 1] is what "[n]" in `lines` does. */
  actions: TerminalAction[];
}

/** One message on its own; its choices are numbered from 1. */
export function describeForTerminal(message: Message): TerminalView {
  return describeBatch([message]);
}

/**
 * The messages of one reply or push, a blank line between messages. Buttons and quick replies are numbered
 * consecutively across the whole batch in reading order, so one number picks one action.
 */
export function describeBatch(messages: readonly Message[]): TerminalView {
  const view: TerminalView = { lines: [], actions: [] };
  messages.forEach((message, i) => {
    if (i > 0) view.lines.push('');
    view.lines.push(...messageLines(message, view.actions));
    for (const item of message.quickReply?.items ?? []) {
      if (item.action) view.lines.push(labelled(item.action, item.action.label ?? '', view.actions));
    }
  });
  return view;
}

/** "[n] label" and records the action when it can be tapped from a terminal; otherwise a plain description. */
function labelled(action: Action, label: string, actions: TerminalAction[]): string {
  if (action.type === 'message') {
    actions.push({ type: 'message', text: action.text ?? label });
  } else if (action.type === 'postback') {
    const displayText = action.displayText;
    actions.push(displayText === undefined ? { type: 'postback', data: action.data ?? '' } : { type: 'postback', data: action.data ?? '', displayText });
  } else if (action.type === 'uri') {
    return `${label} <${action.uri ?? ''}>`;
  } else {
    return `${label} (${action.type ?? 'action'})`;
  }
  return `[${actions.length}] ${label}`;
}

function messageLines(m: Message, actions: TerminalAction[]): string[] {
  switch (m.type) {
    case 'text':
    case 'textV2':
      return m.text.split('\n');
    case 'flex': {
      const bubbles = m.contents.type === 'carousel' ? m.contents.contents : [m.contents];
      const body = bubbles.flatMap((b, i) => [
        ...(i > 0 ? [''] : []),
        ...[b.header, b.hero, b.body, b.footer].flatMap((block) => (block ? componentLines(block, actions) : [])),
      ]);
      return [m.altText, ...body];
    }
    case 'template':
      return [m.altText, ...templateLines(m.template, actions)];
    case 'location':
      return [`[location] ${m.title} ${m.address}`];
    default:
      return [`[${m.type}]`];
  }
}

function templateLines(t: messagingApi.Template, actions: TerminalAction[]): string[] {
  const columns = t.type === 'carousel' ? t.columns : t.type === 'buttons' || t.type === 'confirm' ? [t] : [];
  return columns.flatMap((c) => [
    ...('title' in c && c.title ? [c.title] : []),
    ...c.text.split('\n'),
    ...c.actions.map((a) => labelled(a, a.label ?? '', actions)),
  ]);
}

function componentLines(c: FlexComponent, actions: TerminalAction[]): string[] {
  let lines: string[];
  switch (c.type) {
    case 'text':
      lines = (c.text ?? (c.contents ?? []).map((s) => s.text ?? '').join('')).split('\n');
      break;
    case 'button':
      return [labelled(c.action, c.action.label ?? '', actions)];
    case 'box': {
      const children = c.contents.map((child) => componentLines(child, actions));
      lines = c.layout === 'vertical' ? children.flat() : inline(children);
      break;
    }
    case 'image':
    case 'video':
      lines = [`[${c.type}]`];
      break;
    default:
      return []; // separators, fillers, icons
  }
  const action = 'action' in c ? c.action : undefined;
  return action ? [...lines, labelled(action, action.label ?? lines[0] ?? '', actions)] : lines;
}

/**
 * Side-by-side children on one line ("label  value"). When a child spans several lines (a number beside a
 * block), the one-line children before it prefix its first line and its other lines are indented.
 */
function inline(children: string[][]): string[] {
  const parts = children.filter((lines) => lines.length > 0);
  if (parts.every((lines) => lines.length === 1)) return parts.length ? [parts.map((l) => l[0]).join('  ')] : [];
  const prefix: string[] = [];
  const out: string[] = [];
  for (const lines of parts) {
    if (out.length > 0) out.push(...lines);
    else if (lines.length === 1) prefix.push(lines[0] ?? '');
    else {
      const [first = '', ...rest] = lines;
      const indent = prefix.length ? '   ' : '';
      out.push(prefix.length ? `${prefix.join(' ')} ${first}` : first, ...rest.map((l) => indent + l));
    }
  }
  return out;
}

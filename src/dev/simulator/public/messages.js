// One chat row per LINE message object the bot sent (text, Flex, others as a label), the person's own lines, the
// loading animation, and the quick-reply chips of the newest message.
import { renderFlex } from '/simulator/flex.js';

const URL_RE = /(https?:\/\/[^\s<>"']+|\/reports\/[^\s<>"']+)/g;

/** Text with links (LINE turns URLs into links); a link opens, or downloads, in a new tab. */
function linkedText(text) {
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    frag.append(text.slice(last, m.index));
    const a = document.createElement('a');
    a.href = m[0];
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = m[0];
    frag.append(a);
    last = m.index + m[0].length;
  }
  frag.append(text.slice(last));
  return frag;
}

function row(classes) {
  const li = document.createElement('li');
  li.className = `msg ${classes}`;
  return li;
}

function bubble(content) {
  const div = document.createElement('div');
  div.className = 'bubble';
  div.append(content);
  return div;
}

/** A row for one message from the bot. */
export function botMessage(message, onAction) {
  if (message.type === 'text') {
    const li = row('from-bot text');
    li.append(bubble(linkedText(message.text)));
    return li;
  }
  if (message.type === 'flex') {
    const li = row('from-bot flex');
    li.dataset.altText = message.altText;
    li.setAttribute('aria-label', message.altText);
    li.append(renderFlex(message.contents, onAction));
    return li;
  }
  if (message.type === 'image') {
    const li = row('from-bot image');
    const img = document.createElement('img');
    img.src = message.previewImageUrl;
    img.alt = 'รูปภาพ';
    img.style.maxWidth = '70%';
    li.append(img);
    return li;
  }
  const li = row('from-bot other');
  li.append(bubble(`[${message.type}${message.altText ? `: ${message.altText}` : ''}]`));
  return li;
}

/** A row for what the person sent (LINE shows it on the right). */
export function myMessage(text) {
  const li = row('from-me');
  li.append(bubble(text));
  return li;
}

/** The loading animation ("…" from the bot). */
export function typingRow() {
  const li = row('from-bot typing');
  li.setAttribute('aria-label', 'บอทกำลังพิมพ์');
  const b = bubble('');
  for (let i = 0; i < 3; i++) {
    const dot = document.createElement('span');
    dot.className = 'dot';
    b.append(dot);
  }
  li.append(b);
  return li;
}

/** Fills the quick-reply bar with chips for `items` (none: hides it). */
export function showQuickReplies(bar, items, onAction) {
  bar.replaceChildren();
  bar.hidden = !items?.length;
  for (const item of items ?? []) {
    const chip = document.createElement('button');
    chip.type = 'button';
    chip.className = 'chip';
    chip.textContent = item.action.label ?? '';
    chip.addEventListener('click', () => onAction(item.action));
    bar.append(chip);
  }
}

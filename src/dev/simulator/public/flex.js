// Flex rendering: flex-render (MIT; it reuses the class names and CSS of LINE's own Flex Message Simulator) for the
// layout, wrapped where it is wrong for a chat:
// - it writes text and labels into HTML unescaped ("<", "&" break the card, or inject markup): escaped here first;
// - its actions are inline onclick alert()s and window.open()s: replaced by real controls (links open in a new
//   tab; postback / message / datetimepicker call `onAction`), focusable and keyboard-operable;
// - a lone bubble has no width (only carousel items do): sized by the bubble-size rules in simulator.css.
import { render } from '/simulator/vendor/flex-render.js';

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]);
const TOKEN = '#flex-action-';

/** A copy of the Flex JSON that flex-render can print safely: texts escaped, actions replaced by numbered tokens. */
function prepare(node, actions) {
  if (Array.isArray(node)) return node.map((n) => prepare(n, actions));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'action' && value && typeof value === 'object') {
      actions.push(value);
      out.action = { type: 'uri', uri: `${TOKEN}${actions.length - 1}`, label: escapeHtml(value.label ?? '') };
    } else if (key === 'text' && typeof value === 'string') out.text = escapeHtml(value);
    else out[key] = prepare(value, actions);
  }
  return out;
}

function describe(action) {
  return action.label || action.displayText || action.text || '';
}

/** Turns a token element into a real control for `action`. */
function wire(el, action, onAction) {
  el.removeAttribute('onclick');
  el.classList.add('flex-action');
  if (action.type === 'uri') {
    el.setAttribute('href', action.uri);
    el.setAttribute('target', '_blank');
    el.setAttribute('rel', 'noopener');
    return;
  }
  el.removeAttribute('href');
  el.removeAttribute('target');
  el.setAttribute('role', 'button');
  el.setAttribute('tabindex', '0');
  if (!el.textContent.trim()) el.setAttribute('aria-label', describe(action));
  el.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    onAction(action);
  });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      onAction(action);
    }
  });
}

/** The DOM of a Flex container (bubble or carousel); taps call `onAction(action)` with the original action. */
export function renderFlex(container, onAction) {
  const actions = [];
  const template = document.createElement('template');
  template.innerHTML = render(prepare(container, actions));
  const root = template.content.firstElementChild;
  for (const el of root.querySelectorAll(`[href^="${TOKEN}"]`)) {
    const action = actions[Number(el.getAttribute('href').slice(TOKEN.length))];
    if (action) wire(el, action, onAction);
  }
  root.classList.toggle('carousel', container.type === 'carousel');
  return root;
}

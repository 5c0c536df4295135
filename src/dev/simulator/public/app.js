// The simulator page: pick a person (a ready demo user or a new LINE user), then chat. What the person does goes to
// the server, which signs it as LINE would and posts it to the bot's real /webhook; what the bot sends arrives from
// the built-in LINE fake over server-sent events. Each tab is one person (?user=<name> in the address).
import { botMessage, myMessage, showQuickReplies, typingRow } from '/simulator/messages.js';
import { showRichMenu } from '/simulator/rich-menu.js';

const $ = (id) => document.getElementById(id);
const log = $('log');
const quick = $('quick');
const text = $('text');
const params = new URLSearchParams(location.search);
const name = params.get('user');
const api = (path) => `/simulator/api/chats/${encodeURIComponent(name)}${path}`;
let shown = 0;
let typing = null;
let typingTimer = 0;

function append(li) {
  log.append(li);
  log.scrollTop = log.scrollHeight;
}

function stopTyping() {
  clearTimeout(typingTimer);
  typing?.remove();
  typing = null;
}

async function send(action) {
  const res = await fetch(api('/events'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(action) });
  if (res.status !== 202) append(myMessage(`(ส่งไม่สำเร็จ: ${res.status})`));
}

function say(words) {
  const t = words.trim();
  if (!t) return;
  append(myMessage(t));
  showQuickReplies(quick, [], perform);
  void send({ type: 'text', text: t });
}

/** Picks a date and/or time the way LINE's picker does; resolves null when cancelled. */
function pickDateTime(action) {
  const dialog = $('picker');
  const input = $('picker-input');
  input.type = { date: 'date', time: 'time', datetime: 'datetime-local' }[action.mode] ?? 'date';
  for (const k of ['min', 'max']) action[k] ? input.setAttribute(k, action[k]) : input.removeAttribute(k);
  input.value = action.initial ?? '';
  $('picker-label').textContent = action.label ?? 'เลือกวันที่';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok' && input.value ? input.value : null), { once: true });
  });
}

/** Does what LINE does when the person taps an action (button, quick reply, rich-menu area). */
async function perform(action) {
  switch (action.type) {
    case 'message':
      say(action.text ?? action.label ?? '');
      return;
    case 'postback': {
      const shownText = action.displayText ?? action.text;
      if (shownText) append(myMessage(shownText));
      showQuickReplies(quick, [], perform);
      await send({ type: 'postback', data: action.data });
      return;
    }
    case 'datetimepicker': {
      const value = await pickDateTime(action);
      if (value === null) return;
      const key = { date: 'date', time: 'time', datetime: 'datetime' }[action.mode] ?? 'date';
      showQuickReplies(quick, [], perform);
      await send({ type: 'postback', data: action.data, params: { [key]: value } });
      return;
    }
    case 'uri':
      window.open(action.uri, '_blank', 'noopener');
      return;
    case 'clipboard':
      await navigator.clipboard?.writeText(action.clipboardText);
      return;
    default:
      append(myMessage(`(การกระทำ ${action.type} ไม่รองรับในตัวจำลอง)`));
  }
}

function showBotMessages(messages) {
  if (!messages.length) return;
  stopTyping();
  for (const m of messages) append(botMessage(m, perform));
  shown += messages.length;
  showQuickReplies(quick, messages.at(-1).quickReply?.items, perform);
  log.scrollTop = log.scrollHeight; // again: the chips took room from the log
  document.body.dataset.botMessages = String(shown);
}

async function loadRichMenu() {
  const { richMenu } = await (await fetch(api('/rich-menu'))).json();
  showRichMenu($('rich-menu'), richMenu, perform);
}

async function setUpPicker() {
  const people = await (await fetch('/simulator/api/people')).json();
  const select = $('person');
  for (const p of people.demo) select.append(new Option(`${p.displayName} (${p.name})`, p.name));
  select.append(new Option('ผู้ใช้ LINE ใหม่ (ลงทะเบียนด้วยรหัสเชิญ)', ''));
  const isDemo = people.demo.some((p) => p.name === name);
  select.value = !name || isDemo ? (name ?? 'producer') : '';
  $('new-name').value = isDemo || !name ? `ผู้ใช้ใหม่-${Math.random().toString(36).slice(2, 6)}` : name;
  const toggle = () => ($('new-person').hidden = select.value !== '');
  select.addEventListener('change', toggle);
  toggle();
  $('who').addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = select.value || $('new-name').value.trim();
    if (chosen) location.search = `?user=${encodeURIComponent(chosen)}`;
  });
  for (const i of people.invites) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.innerHTML = '<code></code>';
    b.firstChild.textContent = i.code;
    b.title = 'ใส่รหัสนี้ในช่องพิมพ์';
    b.addEventListener('click', () => {
      text.value = i.code;
      text.focus();
    });
    li.append(b, ` ${i.label}`);
    $('invite-list').append(li);
  }
}

function connect() {
  const stream = new EventSource(api('/stream'));
  let first = true;
  stream.addEventListener('history', (e) => {
    const { messages } = JSON.parse(e.data);
    showBotMessages(messages.slice(shown));
    // First open of this chat since the server started: the person adds the bot as a friend (LINE sends follow;
    // a bound demo user is welcomed back and gets the role's rich menu, a new user is asked for an invite code).
    if (first && messages.length === 0) void send({ type: 'follow' });
    first = false;
    document.body.dataset.ready = 'yes';
  });
  stream.addEventListener('messages', (e) => showBotMessages(JSON.parse(e.data).messages));
  stream.addEventListener('loading', (e) => {
    stopTyping();
    typing = typingRow();
    append(typing);
    typingTimer = setTimeout(stopTyping, JSON.parse(e.data).seconds * 1000);
  });
  stream.addEventListener('rich-menu', () => void loadRichMenu());
}

$('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  say(text.value);
  text.value = '';
});
text.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    $('composer').requestSubmit();
  }
});

await setUpPicker();
if (name) {
  $('me').textContent = name;
  document.title = `${name} · OTOP LINE simulator`;
  connect();
  void loadRichMenu();
  text.focus();
} else {
  $('composer').hidden = true;
  document.body.dataset.ready = 'yes';
}

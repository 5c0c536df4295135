// The rich menu linked to the person: the image the bot uploaded, with one button per tap area (same bounds, in
// percent of the image, so it scales with the phone's width), and the chat bar that opens and closes it.

/** Shows `menu` (LINE rich menu object + richMenuId) in `section`, or hides the section when there is none. */
export function showRichMenu(section, menu, onAction) {
  const bar = section.querySelector('.menu-bar');
  const panel = section.querySelector('.menu-panel');
  section.hidden = !menu;
  panel.replaceChildren();
  if (!menu) return;
  bar.textContent = menu.chatBarText;
  const open = (yes) => {
    bar.setAttribute('aria-expanded', String(yes));
    panel.hidden = !yes;
  };
  bar.onclick = () => open(panel.hidden);
  open(menu.selected !== false);
  const img = document.createElement('img');
  img.src = `/simulator/api/rich-menus/${encodeURIComponent(menu.richMenuId)}/image`;
  img.alt = '';
  img.width = menu.size.width;
  img.height = menu.size.height;
  panel.append(img);
  const pct = (v, of) => `${(v / of) * 100}%`;
  for (const area of menu.areas) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'menu-area';
    b.setAttribute('aria-label', area.action.label ?? area.action.text ?? area.action.displayText ?? '');
    Object.assign(b.style, {
      left: pct(area.bounds.x, menu.size.width),
      top: pct(area.bounds.y, menu.size.height),
      width: pct(area.bounds.width, menu.size.width),
      height: pct(area.bounds.height, menu.size.height),
    });
    b.addEventListener('click', () => onAction(area.action));
    panel.append(b);
  }
}

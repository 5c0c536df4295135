// What a person would see wrong on a rendered Flex card: text cut off (a label or value that does not fit, a
// wrapped text clipped by maxLines), a button label shortened with "…", anything sticking out of its bubble.
import type { Locator } from 'playwright-core';

/** Problems on the card(s) inside `card` (a chat row or any element holding .flex-preview); [] when it looks right. */
export function layoutProblems(card: Locator): Promise<string[]> {
  return card.evaluate((root) => {
    const problems: string[] = [];
    const label = (el: { textContent: string | null }) => (el.textContent ?? '').trim().slice(0, 60);
    for (const bubble of root.querySelectorAll('.T1')) {
      const edge = bubble.getBoundingClientRect();
      for (const p of bubble.querySelectorAll('.MdTxt p')) {
        if (p.scrollWidth > p.clientWidth + 1) problems.push(`text cut off: "${label(p)}"`);
        if (p.scrollHeight > p.clientHeight + 1) problems.push(`text clipped at maxLines: "${label(p)}"`);
      }
      for (const div of bubble.querySelectorAll('.MdBtn a > div')) {
        if (div.scrollWidth > div.clientWidth + 1) problems.push(`button label cut off: "${label(div)}"`);
      }
      for (const el of bubble.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width && (r.right > edge.right + 1 || r.left < edge.left - 1)) problems.push(`sticks out of the bubble: "${label(el)}"`);
      }
    }
    return [...new Set(problems)];
  });
}

/**
 * Looking at a view as a rep would, by script: a screenshot per width and colour scheme into a git-ignored folder, and
 * the geometry that says whether the layout holds (nothing wider than the window, no clipped table, every tab label
 * and navigation label on one line), with axe's serious and critical findings.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { seriousA11yViolations, type A11yViolation } from './a11y';

/** Where the suite leaves its screenshots (git-ignored), one PNG per view, width and scheme. */
export const SCREENSHOT_DIR = resolve(import.meta.dirname, 'screenshots');

export interface LayoutProblem {
  kind: 'overflow' | 'clipped' | 'wrapped-label';
  detail: string;
}

/** Labels that must stay on one line: the panel's feature tabs and the options page's navigation. */
const ONE_LINE_LABELS = '.gw-tab__label, .slds-nav-vertical__action, [data-testid=tabs-more]';
/** Boxes whose content may scroll sideways on purpose (code, the exact text sent): not overflow. */
const SCROLLERS = 'pre, textarea, select, input';

/** What breaks the layout in the page as it is now. */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(
    (labels, scrollers) => {
      const problems: { kind: 'overflow' | 'clipped' | 'wrapped-label'; detail: string }[] = [];
      const name = (node: Element): string =>
        `${node.tagName.toLowerCase()}${node.getAttribute('data-testid') ? `[data-testid=${node.getAttribute('data-testid')}]` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : ''} "${(node.textContent ?? '').trim().slice(0, 40)}"`;
      const root = document.documentElement;
      if (root.scrollWidth > root.clientWidth) problems.push({ kind: 'overflow', detail: `the page is ${root.scrollWidth}px wide in a ${root.clientWidth}px window` });
      // Visually hidden on purpose (assistive text, a stacked table's header row): clipped to a pixel.
      const visuallyHidden = (node: Element): boolean => {
        for (let at: Element | null = node; at; at = at.parentElement) {
          const style = getComputedStyle(at);
          if (style.clip !== 'auto' && style.clip !== '' && style.position === 'absolute') return true;
        }
        return false;
      };
      for (const node of document.body.querySelectorAll('*')) {
        if (node.closest(scrollers) || node.closest('[hidden], .slds-assistive-text, .gw-tabs__ruler') || visuallyHidden(node)) continue;
        const box = node.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (box.right > root.clientWidth + 1 || box.left < -1) {
          problems.push({ kind: 'overflow', detail: `${name(node)} spans ${Math.round(box.left)}–${Math.round(box.right)}px of ${root.clientWidth}px` });
        }
        const style = getComputedStyle(node);
        const clipsX = style.overflowX === 'hidden' || style.overflowX === 'auto' || style.overflowX === 'scroll';
        if (clipsX && node.tagName !== 'TEXTAREA' && node.scrollWidth > node.clientWidth + 1 && !node.classList.contains('gw-truncate') && style.textOverflow !== 'ellipsis') {
          problems.push({ kind: 'clipped', detail: `${name(node)} holds ${node.scrollWidth}px in ${node.clientWidth}px` });
        }
      }
      // A label's text on more than one line: its text's line boxes start at different heights.
      for (const label of document.querySelectorAll(labels)) {
        if (label.getBoundingClientRect().width === 0) continue;
        const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
        const tops: number[] = [];
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(text);
          for (const rect of range.getClientRects()) if (rect.width > 0) tops.push(rect.top);
        }
        const fontSize = Number.parseFloat(getComputedStyle(label).fontSize);
        const lines = tops.filter((top, index) => tops.findIndex((other) => Math.abs(other - top) < fontSize / 2) === index).length;
        if (lines > 1) problems.push({ kind: 'wrapped-label', detail: `${name(label)} runs on ${lines} lines` });
      }
      // One element reported once: an overflowing box's children overflow too, the first names the cause.
      const seen = new Set<string>();
      return problems.filter((problem) => !seen.has(problem.kind + problem.detail) && seen.add(problem.kind + problem.detail)).slice(0, 20);
    },
    ONE_LINE_LABELS,
    SCROLLERS,
  );
}

/** Two frames after a resize: the tabs measure themselves and move what does not fit under "More". */
const settled = (page: Page): Promise<unknown> => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

export interface ViewCheck {
  view: string;
  width: number;
  scheme: 'light' | 'dark';
  problems: LayoutProblem[];
  violations: A11yViolation[];
}

/**
 * The view at each width, in light and dark: a screenshot of the whole page, its layout problems, and (once per
 * scheme, at the first width) axe's findings. The page is left light, at the first width.
 */
export async function checkView(page: Page, view: string, widths: readonly number[]): Promise<ViewCheck[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const checks: ViewCheck[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    for (const [index, width] of widths.entries()) {
      await page.setViewport({ width, height: 900 });
      await settled(page);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${view}-${width}-${scheme}.png`), fullPage: true });
      checks.push({ view, width, scheme, problems: await layoutProblems(page), violations: index === 0 ? await seriousA11yViolations(page) : [] });
    }
  }
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  await page.setViewport({ width: widths[0] ?? 400, height: 900 });
  await settled(page);
  return checks;
}

/** The checks that found something, in a form an assertion prints readably. */
export const failing = (checks: readonly ViewCheck[]): string[] =>
  checks
    .filter((check) => check.problems.length > 0 || check.violations.length > 0)
    .map((check) => `${check.view} at ${check.width}px ${check.scheme}: ${JSON.stringify([...check.problems, ...check.violations.map((violation) => ({ axe: violation.id, targets: violation.targets }))])}`);

/**
 * Gzipped sizes of what each part of the built extension loads, from .output/chrome-mv3 (built first when missing).
 * A page counts every script its HTML loads or preloads; sizes are gzip level 9, in kB of 1,000 bytes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BundleFigures, FigureOutput } from './results';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** Builds the extension when there is no build, or when asked to; a failed build is an error the caller reports. */
export function ensureBuilt(force: boolean): void {
  if (!force && existsSync(join(EXTENSION_DIR, 'manifest.json'))) return;
  process.stderr.write('building the extension (npx wxt build)…\n');
  execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

const gzipKb = (files: readonly string[]): number => {
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(EXTENSION_DIR, file)), { level: 9 }).length, 0);
  return Math.round(bytes / 10) / 100;
};

/** The files an extension page's HTML loads: its module script, preloaded chunks, and stylesheets. */
function pageAssets(html: string): { scripts: string[]; styles: string[] } {
  const local = (url: string) => url.replace(/^\//, '');
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)];
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)];
  return { scripts: scripts.map(([, url = '']) => local(url)), styles: styles.map(([, url = '']) => local(url)) };
}

export function bundleFigure(): FigureOutput<BundleFigures> {
  const sidepanel = pageAssets(readFileSync(join(EXTENSION_DIR, 'sidepanel.html'), 'utf8'));
  const sidepanelJs = gzipKb(sidepanel.scripts);
  return {
    value: {
      background: gzipKb(['background.js']),
      sidepanel: sidepanelJs,
      sidepanel_js: sidepanelJs,
      content_salesforce: gzipKb(['content-scripts/salesforce.js']),
      content_gmail: gzipKb(['content-scripts/gmail.js']),
      sidepanel_css: gzipKb(sidepanel.styles),
    },
  };
}

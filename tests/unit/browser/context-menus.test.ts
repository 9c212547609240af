/**
 * The right-click entries' titles are in the browser's language, which changes only when the browser restarts: they
 * are created anew on install or update and on every browser start.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerContextMenus } from '../../../lib/browser/background-events';

const CATALOGUES: Record<string, Record<string, string>> = {
  en: { menu_extractToLead: 'Extract to Lead' },
  de: { menu_extractToLead: 'Als Lead erfassen' },
};

describe('the right-click entries', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('are titled in the browser’s language on install, and again in its new language when the browser starts', async () => {
    let language = 'en';
    let menus: { id: string; title: string }[] = [];
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string) => CATALOGUES[language]?.[name] ?? '');
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation(async () => {
      menus = [];
    });
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation((entry) => {
      menus.push({ id: String(entry.id), title: String(entry.title) });
      return entry.id ?? '';
    });
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);

    registerContextMenus([{ id: 'extract-lead', title: 'menu_extractToLead', contexts: ['selection'] }], () => undefined);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(() => expect(menus).toEqual([{ id: 'extract-lead', title: 'Extract to Lead' }]));

    language = 'de';
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(menus).toEqual([{ id: 'extract-lead', title: 'Als Lead erfassen' }]));
  });
});

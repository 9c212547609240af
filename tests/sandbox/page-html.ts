/** What the fake web apps' pages (Gmail, Outlook) share: escaping text into HTML, and their in-page app as a script. */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * An in-page app (a self-contained function) as the page's script, called with its config; `__name` stands in for the
 * helper some TS transpilers insert around named functions.
 */
export function pageScriptOf<Config>(app: (config: Config) => void, config: Config): string {
  const source = `var __name = function (target) { return target; };\n(${app.toString()})(${JSON.stringify(config)});`;
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

import { browser } from 'wxt/browser';

/** The browser's OAuth window (`identity.launchWebAuthFlow`), behind an interface tests can fake. */
export interface WebAuthFlow {
  /** Where the authorization server sends the browser back: `https://<extension id>.chromiumapp.org/<path>`. */
  redirectUrl(): string;
  /**
   * Opens `url` in a browser window and resolves with the URL the window was sent to once it reaches `redirectUrl()`;
   * rejects when the rep closes the window first.
   */
  launch(url: string): Promise<string>;
}

/** The path of the redirect URL, so the callback an admin registers says whose it is. */
const CALLBACK_PATH = 'salesforce';

export const webAuthFlow: WebAuthFlow = {
  redirectUrl: () => browser.identity.getRedirectURL(CALLBACK_PATH),
  async launch(url) {
    const answer = await browser.identity.launchWebAuthFlow({ url, interactive: true });
    if (!answer) throw new Error('The sign-in window gave no answer.');
    return answer;
  },
};

import type { AuditLog } from '../audit';
import type { RedactionRules } from '../context/redact';
import type { KeyValueStore } from '../browser/store';
import type { GenerationService } from './generate';
import type { FeatureName } from '../messaging/feature-channel';
import type { ModelSettings, UseCase } from '../model';
import type { OrgRegistry } from '../orgs';
import type { RecordViewService } from './record-view';
import type { PriceTable } from '../settings';
import type { CookieJar } from '../salesforce/session';

/** One panel connection, as a feature's handler sees it. */
export interface PanelConnection {
  /** The window whose active tab the panel follows. */
  windowId: number;
  /** Sends a payload to this panel's component of the same feature. */
  send(payload: unknown): void;
}

/** The browser facilities features may need, behind wrappers that tests can fake. */
export interface FeatureBrowser {
  /** The active tab of a window (url only for hosts the extension may read). */
  activeTab(windowId: number): Promise<{ tabId: number; url: string | undefined } | null>;
  /** Gmail tabs of a window, most recently used first. */
  gmailTabs(windowId: number): Promise<{ tabId: number; url: string }[]>;
  /** A message to a tab's content script; rejects when none answers. */
  sendToTab(tabId: number, message: unknown): Promise<unknown>;
  /** Opens a URL in a new tab of the window. */
  openTab(windowId: number, url: string): Promise<void>;
  /** The selected text of a frame with its line breaks (a context-menu click grants this for the tab). */
  selectedText(tabId: number, frameId: number): Promise<string>;
  /** Opens the side panel for a tab (only in answer to a user gesture such as a context-menu click). */
  openSidePanel(tabId: number): Promise<void>;
}

/** A right-click menu entry a feature adds, and the click as the handler receives it. */
export interface ContextMenuEntry {
  id: string;
  title: string;
  contexts: ('selection' | 'page')[];
  documentUrlPatterns?: string[];
}

export interface ContextMenuClick {
  menuItemId: string;
  selectionText?: string;
  frameId: number;
  tab: { id: number; windowId: number; url: string | undefined; title: string | undefined };
}

/** What every feature handler gets from the background. */
export interface FeatureDeps {
  records: RecordViewService;
  generations: GenerationService;
  orgs: OrgRegistry;
  cookies: CookieJar;
  local: KeyValueStore;
  session: KeyValueStore;
  browser: FeatureBrowser;
  modelSettings(useCase: UseCase): Promise<ModelSettings>;
  /** The effective price table (the rep's, or the policy's): what an AI call recorded in the audit cost. */
  prices(): Promise<PriceTable>;
  /** The redaction rules in force now (the rep's and the organization's): what no model prompt may hold. */
  redaction(): Promise<RedactionRules>;
  /** Where every AI call and every write is recorded (lib/audit). */
  auditLog: AuditLog;
  keepAlive(): () => void;
  now(): Date;
}

export interface FeatureHandler {
  readonly name: FeatureName;
  /** A request from a panel; the payload is unchecked: the handler validates it. */
  handle(payload: unknown, panel: PanelConnection): Promise<void>;
  /** A panel closed its port. */
  disconnected?(panel: PanelConnection): void;
  /** Menu entries registered when the extension is installed or updated. */
  readonly contextMenus?: readonly ContextMenuEntry[];
  onContextMenu?(click: ContextMenuClick): Promise<void>;
  /** Alarms (chrome.alarms) the feature needs, created at start if missing. */
  readonly alarms?: readonly { name: string; periodInMinutes: number }[];
  onAlarm?(name: string): Promise<void>;
}

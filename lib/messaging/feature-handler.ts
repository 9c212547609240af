/**
 * What a feature registers in the background: its channel's handler, its right-click menu entries and its alarms;
 * and what every feature may use of the background (FeatureDeps). The port session (panel-session.ts) and the
 * registry (lib/features) route to it; a feature never touches the port or the browser's event APIs itself.
 */
import type { MessageKey } from '../i18n';
import type { AuditLog } from '../audit';
import type { FeatureBrowser, KeyValueStore } from '../browser';
import type { RedactionRules } from '../context/redact';
import type { ModelSettings, UseCase } from '../model';
import type { OrgRegistry } from '../orgs';
import type { LanguageRequest, ReplyLanguageChoice } from '../settings/languages';
import type { PriceTable } from '../settings/schema';
import type { ClientFor } from '../salesforce/org-clients';
import type { CookieJar } from '../salesforce/session';
import type { EventOf, FeatureName, ParsedRequestOf } from './channels';

/** One panel connection, as a feature's handler sees it: the window it follows, and events for its store. */
export interface PanelConnection<Event = unknown> {
  /** The window whose active tab the panel follows. */
  windowId: number;
  /** Sends an event to this panel's store of the same feature. */
  send(event: Event): void;
}

/** A right-click menu entry a feature adds, and the click as the handler receives it. */
export interface ContextMenuEntry {
  id: string;
  /** The entry's words: a message of the extension's catalogue, in the browser's UI language. */
  title: MessageKey;
  contexts: ('selection' | 'page')[];
  documentUrlPatterns?: string[];
}

export interface ContextMenuClick {
  menuItemId: string;
  selectionText?: string;
  frameId: number;
  tab: { id: number; windowId: number; url: string | undefined; title: string | undefined };
}

/** An alarm (chrome.alarms) a feature needs, created at start if missing. */
export interface AlarmEntry {
  name: string;
  periodInMinutes: number;
}

/** The handler of a feature's channel: requests arrive parsed with the channel's own schema. */
export interface ChannelHandler<F extends FeatureName> {
  readonly channel: F;
  handle(request: ParsedRequestOf<F>, panel: PanelConnection<EventOf<F>>): Promise<void>;
  /** A panel said which window it follows. */
  connected?(panel: PanelConnection<EventOf<F>>): void;
  /** A panel closed its port. */
  disconnected?(panel: PanelConnection<EventOf<F>>): void;
}

/** Everything a feature registers; a feature without a panel (morning prep) has no channel. */
export interface FeatureRegistration {
  readonly name: string;
  readonly channel?: ChannelHandler<FeatureName>;
  /** Menu entries registered when the extension is installed or updated. */
  readonly contextMenus?: readonly ContextMenuEntry[];
  onContextMenu?(click: ContextMenuClick): Promise<void>;
  readonly alarms?: readonly AlarmEntry[];
  onAlarm?(name: string): Promise<void>;
}

/** What every feature may use of the background: the kernel's services, behind interfaces tests can fake. */
export interface FeatureDeps {
  orgs: OrgRegistry;
  cookies: CookieJar;
  /** The one org client of each API session, shared by every feature (so describes are fetched once). */
  clientFor: ClientFor;
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
  /** The language outputs are asked for in (and why), and whether a reply follows its thread's language instead. */
  outputLanguages(): Promise<{ output: LanguageRequest; reply: ReplyLanguageChoice }>;
  keepAlive(): () => void;
  now(): Date;
}

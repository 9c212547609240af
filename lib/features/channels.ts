/**
 * The channel map: every feature's channel by name, the one table the background's port session and the panel's
 * feature bus parse messages with. Merged into the kernel's FeatureChannelMap, so that sending a request or
 * subscribing to events by a feature's name is checked against that feature's own schemas. It reads each feature's
 * messages.ts (not its index) so that the side panel, which needs the schemas, bundles none of the background's code.
 */
import type { ChannelTable } from '../messaging/channels';
import { askChannel } from './ask/messages';
import { extractLeadChannel } from './extract-lead/messages';
import { generateChannel } from './generate/messages';
import { mailChannel } from './mail/messages';
import { governanceChannel } from './governance/messages';
import { logNoteChannel } from './log-note/messages';
import { recordViewChannel } from './record-view/messages';

const CHANNEL_LIST = [recordViewChannel, generateChannel, logNoteChannel, extractLeadChannel, askChannel, mailChannel, governanceChannel] as const;

type ChannelsByName = { [C in (typeof CHANNEL_LIST)[number] as C['name']]: C };

declare module '../messaging/channels' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the merge itself: the features' channels by name
  interface FeatureChannelMap extends ChannelsByName {}
}

export const CHANNELS: ChannelTable = new Map(CHANNEL_LIST.map((channel) => [channel.name, channel]));

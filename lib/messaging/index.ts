export * from './protocol';
export * from './senders';
export * from './channels';

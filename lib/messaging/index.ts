export * from './protocol';
export * from './senders';

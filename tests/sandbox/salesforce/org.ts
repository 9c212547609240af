/**
 * One tenant of the sandbox: its hosts, its data (from `seedOrg`), its sessions, its API usage and the bookkeeping
 * that writes need (recycle bin, transactions that can be rolled back).
 */
import { createHash } from 'node:crypto';
import { IdFactory, to18 } from './ids';
import type { Access, Database, FieldDef, ObjectDef, OrgSeed, OrgUser, StoredRecord } from './model';
import { OAuthServer } from './oauth/server';
import { seedOrg } from './seed';
import { SessionStore } from './sessions';

export type HostKind = 'api' | 'lightning' | 'setup';

export interface ParsedHost {
  /** The org's key: the My Domain label, plus the edition for sandboxes (`acme`, `acme--uat.sandbox`). */
  orgName: string;
  kind: HostKind;
}

const ORG_LABEL = '([a-z0-9][a-z0-9-]*(?:\\.(?:sandbox|develop|scratch))?)';
const HOST_PATTERNS: readonly [RegExp, HostKind][] = [
  [new RegExp(`^${ORG_LABEL}\\.my\\.salesforce\\.com$`), 'api'],
  [new RegExp(`^${ORG_LABEL}\\.lightning\\.force\\.com$`), 'lightning'],
  [new RegExp(`^${ORG_LABEL}\\.my\\.salesforce-setup\\.com$`), 'setup'],
];

export function parseOrgHost(host: string): ParsedHost | null {
  for (const [pattern, kind] of HOST_PATTERNS) {
    const match = pattern.exec(host.toLowerCase());
    if (match?.[1]) return { orgName: match[1], kind };
  }
  return null;
}

export const DAILY_API_LIMIT = 15000;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A stable 18-character 00D id for an org name, so that the same name always gets the same org. */
export function orgIdFor(name: string): string {
  const digest = createHash('sha256').update(name).digest();
  let tail = '';
  for (let i = 0; i < 6; i++) tail += BASE62.charAt((digest[i] ?? 0) % 62);
  return to18(`00D5g0000${tail}`);
}

/** An open query locator: the rest of a query's rows, served batch by batch. */
export interface QueryCursor {
  userId: string;
  records: Record<string, unknown>[];
  totalSize: number;
  batchSize: number;
  lastUsed: number;
}

interface DeletedRecord {
  object: string;
  record: StoredRecord;
}

/** Undo information for one all-or-none unit of work: each touched record's state before the first change. */
export class Transaction {
  private readonly before = new Map<string, { object: string; record: StoredRecord | undefined }>();
  private readonly binBefore = new Map<string, DeletedRecord | undefined>();
  private open = true;

  constructor(private readonly org: Org) {}

  remember(object: string, id: string): void {
    if (!this.open || this.before.has(id)) return;
    const current = this.org.db.records.get(object)?.get(id);
    this.before.set(id, { object, record: current ? { ...current } : undefined });
    if (!this.binBefore.has(id)) this.binBefore.set(id, this.org.recycleBin.get(id));
  }

  rollback(): void {
    if (!this.open) return;
    for (const [id, { object, record }] of this.before) {
      const table = this.org.table(object);
      if (record) table.set(id, record);
      else table.delete(id);
    }
    for (const [id, entry] of this.binBefore) {
      if (entry) this.org.recycleBin.set(id, entry);
      else this.org.recycleBin.delete(id);
    }
    this.close();
  }

  close(): void {
    this.open = false;
    this.org.endTransaction(this);
  }
}

export class Org {
  readonly orgId: string;
  /** The My Domain name the org's hosts carry (its `name` until an admin changes it). */
  myDomain: string;
  readonly sessions: SessionStore;
  seed!: OrgSeed;
  apiUsage = 0;
  /** When on, sessions made by the login form (cookie sessions) are refused by the REST API. */
  apiAccessControl = false;
  /** The edition's API feature; off, every REST call answers API_DISABLED_FOR_ORG. */
  apiEnabled = true;
  /** Users whose profile lacks the "API Enabled" permission (the REST API answers them API_DISABLED_FOR_ORG too). */
  readonly usersWithoutApi = new Set<string>();
  readonly oauth: OAuthServer;
  readonly recycleBin = new Map<string, DeletedRecord>();
  readonly cursors = new Map<string, QueryCursor>();
  private ids = new IdFactory('5g00Sx');
  private cursorIds = new IdFactory('5g00Sx');
  private accessCache = new Map<string, Access>();
  private transactions: Transaction[] = [];

  constructor(
    readonly name: string,
    private readonly now: () => Date,
  ) {
    this.orgId = orgIdFor(name);
    this.myDomain = name;
    this.sessions = new SessionStore(this.orgId.slice(0, 15), () => this.now().getTime());
    this.oauth = new OAuthServer(this.sessions, () => this.now().getTime());
    this.reseed();
  }

  get apiHost(): string {
    return `${this.myDomain}.my.salesforce.com`;
  }

  get lightningHost(): string {
    return `${this.myDomain}.lightning.force.com`;
  }

  get setupHost(): string {
    return `${this.myDomain}.my.salesforce-setup.com`;
  }

  /**
   * Setup → My Domain: the org's hosts take a new name (for a sandbox, keep the `.sandbox` part). The browser's sessions
   * end, as they do when a new My Domain is deployed: the rep logs in again, on the new domain. Old hosts still reach the
   * org; their pages redirect to the new domain.
   */
  renameMyDomain(myDomain: string): void {
    this.myDomain = myDomain;
    this.sessions.endBrowserSessions();
  }

  get db(): Database {
    return this.seed.db;
  }

  /** Fresh data; sessions survive, usage and the recycle bin start over. */
  reseed(): void {
    this.seed = seedOrg({ orgName: this.name, orgId: this.orgId, now: this.now });
    this.accessCache.clear();
    this.recycleBin.clear();
    this.cursors.clear();
    this.ids = new IdFactory('5g00Sx');
    this.apiUsage = 0;
    this.myDomain = this.name;
    this.apiAccessControl = false;
    this.apiEnabled = true;
    this.usersWithoutApi.clear();
    // Connected apps are set-up like data: a reseeded org has none (their tokens end with them).
    this.oauth.clear();
    this.transactions = [];
  }

  clock(): Date {
    return this.now();
  }

  user(kind: 'full' | 'restricted'): OrgUser {
    const user = this.seed.users.find((candidate) => candidate.restricted === (kind === 'restricted'));
    if (!user) throw new Error(`seed of ${this.name} has no ${kind} user`);
    return user;
  }

  findUserByUsername(username: string): OrgUser | undefined {
    const wanted = username.trim().toLowerCase();
    return this.seed.users.find((user) => user.username.toLowerCase() === wanted);
  }

  accessFor(user: OrgUser): Access {
    let access = this.accessCache.get(user.id);
    if (!access) {
      access = this.seed.accessFor(user);
      this.accessCache.set(user.id, access);
    }
    return access;
  }

  /** Case-insensitive object look-up, as the API does it. */
  object(name: string): ObjectDef | undefined {
    const exact = this.db.objects.get(name);
    if (exact) return exact;
    const wanted = name.toLowerCase();
    for (const def of this.db.objects.values()) if (def.name.toLowerCase() === wanted) return def;
    return undefined;
  }

  objectByPrefix(id: string): ObjectDef | undefined {
    const prefix = id.slice(0, 3);
    for (const def of this.db.objects.values()) if (def.keyPrefix === prefix) return def;
    return undefined;
  }

  table(object: string): Map<string, StoredRecord> {
    let table = this.db.records.get(object);
    if (!table) {
      table = new Map();
      this.db.records.set(object, table);
    }
    return table;
  }

  /** The record with this (canonical 18-char) id in any table, with its object. */
  locate(id: string): { object: ObjectDef; record: StoredRecord } | undefined {
    const object = this.objectByPrefix(id);
    const record = object ? this.db.records.get(object.name)?.get(id) : undefined;
    return object && record ? { object, record } : undefined;
  }

  newId(object: ObjectDef): string {
    for (;;) {
      const id = this.ids.next(object.keyPrefix);
      if (!this.table(object.name).has(id) && !this.recycleBin.has(id)) return id;
    }
  }

  newCursorId(): string {
    return this.cursorIds.next('01g');
  }

  beginTransaction(): Transaction {
    const tx = new Transaction(this);
    this.transactions.push(tx);
    return tx;
  }

  endTransaction(tx: Transaction): void {
    this.transactions = this.transactions.filter((open) => open !== tx);
  }

  /** Every write goes through here so that open transactions can undo it. */
  putRecord(object: string, record: StoredRecord): void {
    for (const tx of this.transactions) tx.remember(object, record.Id);
    this.table(object).set(record.Id, record);
  }

  deleteRecord(object: string, id: string): void {
    for (const tx of this.transactions) tx.remember(object, id);
    const table = this.table(object);
    const record = table.get(id);
    if (!record) return;
    table.delete(id);
    this.recycleBin.set(id, { object, record: { ...record, IsDeleted: true } });
  }

  recycleBinCount(object: string): number {
    let count = 0;
    for (const entry of this.recycleBin.values()) if (entry.object === object) count += 1;
    return count;
  }

  field(object: ObjectDef, name: string): FieldDef | undefined {
    const wanted = name.toLowerCase();
    return object.fields.find((field) => field.name.toLowerCase() === wanted);
  }
}

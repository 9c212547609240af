/**
 * SOQL errors shaped as Salesforce words them. Salesforce prefixes most query errors with the offending line, a caret
 * under the culprit and `ERROR at Row:r:Column:c`; clients show that text verbatim, so we reproduce it.
 */
import { SalesforceError } from '../model';

const WSDL_HINT = 'Please reference your WSDL or the describe call for the appropriate names.';

/** Where a SOQL token sits, and the text Salesforce puts before the error detail. */
export class QueryText {
  constructor(readonly soql: string) {}

  /**
   * Prefixes `detail` with the line holding `token` and a caret under it. `after` names a keyword (WHERE, ORDER BY…)
   * past which to look first, so that a field named in both SELECT and WHERE is pinned where it failed.
   */
  pin(token: string, detail: string, after?: string): string {
    const at = this.locate(token, after);
    return at ? this.pinAt(at.row, at.column, detail) : detail;
  }

  pinAt(row: number, column: number, detail: string): string {
    const line = this.soql.split('\n')[row - 1] ?? '';
    return `\n${line}\n${' '.repeat(Math.max(0, column - 1))}^\nERROR at Row:${row}:Column:${column}\n${detail}`;
  }

  /** Row and column just past the last character, where Salesforce points for a query that stops too early. */
  end(): { row: number; column: number } {
    const lines = this.soql.trimEnd().split('\n');
    return { row: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
  }

  private locate(token: string, after?: string): { row: number; column: number } | null {
    const start = after ? this.keywordEnd(after) : 0;
    const index = this.tokenIndex(token, start) ?? this.tokenIndex(token, 0);
    if (index === null) return null;
    const before = this.soql.slice(0, index);
    return { row: before.split('\n').length, column: index - before.lastIndexOf('\n') };
  }

  private keywordEnd(keyword: string): number {
    const match = new RegExp(`\\b${keyword.replace(/ /g, '\\s+')}\\b`, 'i').exec(this.soql);
    return match ? match.index + match[0].length : 0;
  }

  private tokenIndex(token: string, from: number): number | null {
    if (token === '') return null;
    const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(?<![A-Za-z0-9_.])${escaped}(?![A-Za-z0-9_])`, 'i');
    const match = pattern.exec(this.soql.slice(from));
    return match ? from + match.index : null;
  }
}

export function malformed(message: string): SalesforceError {
  return new SalesforceError(400, 'MALFORMED_QUERY', message);
}

export function invalidField(message: string): SalesforceError {
  return new SalesforceError(400, 'INVALID_FIELD', message);
}

export function noSuchColumn(text: QueryText, token: string, field: string, object: string, after?: string) {
  return invalidField(
    text.pin(
      token,
      `No such column '${field}' on entity '${object}'. If you are attempting to use a custom field, be sure to ` +
        `append the '__c' after the custom field name. ${WSDL_HINT}`,
      after,
    ),
  );
}

export function unknownRelationship(text: QueryText, token: string, relationship: string, after?: string) {
  return invalidField(
    text.pin(
      token,
      `Didn't understand relationship '${relationship}' in field path. If you are attempting to use a custom ` +
        `relationship, be sure to append the '__r' after the custom relationship name. ${WSDL_HINT}`,
      after,
    ),
  );
}

export function unknownChildRelationship(text: QueryText, relationship: string): SalesforceError {
  return new SalesforceError(
    400,
    'INVALID_TYPE',
    text.pin(
      relationship,
      `Didn't understand relationship '${relationship}' in FROM part of query call. If you are attempting to use a ` +
        `custom relationship, be sure to append the '__r' after the custom relationship name. ${WSDL_HINT}`,
      'FROM',
    ),
  );
}

export function unsupportedObject(text: QueryText, object: string): SalesforceError {
  return new SalesforceError(
    400,
    'INVALID_TYPE',
    text.pin(
      object,
      `sObject type '${object}' is not supported. If you are attempting to use a custom object, be sure to append ` +
        `the '__c' after the entity name. ${WSDL_HINT}`,
      'FROM',
    ),
  );
}

export function invalidIdFilter(value: string): SalesforceError {
  return new SalesforceError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${value}`);
}

/** Turns the parser's complaint into Salesforce's `unexpected token: X` at the place it points to. */
export function fromParseError(text: QueryText, parserMessage: string): SalesforceError {
  const character = /unexpected character: ->(.)<-.*\((\d+):(\d+)\)/s.exec(parserMessage);
  if (character) {
    return malformed(text.pinAt(Number(character[2]), Number(character[3]), `unexpected token: ${character[1]}`));
  }
  const found = /but found:? (?:--> )?'([^']*)'/.exec(parserMessage)?.[1];
  if (found === undefined) return malformed(parserMessage);
  if (found === '') {
    const end = text.end();
    return malformed(text.pinAt(end.row, end.column, 'unexpected token: <EOF>'));
  }
  return malformed(text.pin(found, `unexpected token: ${found}`));
}

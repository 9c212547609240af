import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { Claim } from '../../lib/context/checked-output';
import { t, type MessageKey } from '../../lib/i18n';

/** How the tooltip names what was not found. */
const CLAIM_KINDS: Record<string, MessageKey> = {
  number: 'claimKind_number',
  money: 'claimKind_money',
  percent: 'claimKind_percent',
  date: 'claimKind_date',
  time: 'claimKind_time',
  email: 'claimKind_email',
  phone: 'claimKind_phone',
  name: 'claimKind_name',
};

function splitText(node: Text, claims: readonly Claim[]): ElementContent[] {
  const out: ElementContent[] = [];
  let rest = node.value;
  for (;;) {
    let best: { index: number; claim: Claim } | null = null;
    for (const claim of claims) {
      const index = claim.text ? rest.indexOf(claim.text) : -1;
      if (index >= 0 && (!best || index < best.index)) best = { index, claim };
    }
    if (!best) break;
    if (best.index > 0) out.push({ type: 'text', value: rest.slice(0, best.index) });
    out.push({
      type: 'element',
      tagName: 'mark',
      properties: { className: ['gw-unverified'], dataTestid: 'unverified-claim', dataKind: best.claim.kind, title: t('claims_notFound', { kind: t(CLAIM_KINDS[best.claim.kind] ?? 'claimKind_number') }) },
      children: [{ type: 'text', value: best.claim.text }],
    });
    rest = rest.slice(best.index + best.claim.text.length);
  }
  if (rest) out.push({ type: 'text', value: rest });
  return out;
}

function walk(parent: Root | Element, claims: readonly Claim[]): void {
  const children: (RootContent | ElementContent)[] = [];
  for (const child of parent.children) {
    if (child.type === 'text') children.push(...splitText(child, claims));
    else {
      if (child.type === 'element') walk(child, claims);
      children.push(child);
    }
  }
  parent.children = children as typeof parent.children;
}

/** A rehype plugin that marks each unverified claim's span in the rendered output. */
export function rehypeClaims(claims: readonly Claim[]) {
  return () => (tree: Root) => {
    if (claims.length) walk(tree, claims);
  };
}

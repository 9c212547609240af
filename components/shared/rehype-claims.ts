import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { Claim } from '../../lib/context/checked-output';

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
      properties: { className: ['gw-unverified'], dataTestid: 'unverified-claim', dataKind: best.claim.kind, title: `Not found in the record data (${best.claim.kind})` },
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

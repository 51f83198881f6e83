import type { QrdlRecord } from "../../emulator";
import { PHONE_MESSAGE_QRDL_TYPE } from "../../provider/resource/phoneMessageQrdl";
import type { Deployment } from "../engine/benchStack";
import type { CodeDeclaration } from "../engine/declarations";

/** One stack as the invariants see it: what its program declares and what its state holds. */
export interface StackView {
  name: string;
  declared: CodeDeclaration[];
  deployment: Deployment;
}

const MAX_LISTED = 8;

function problems(kind: string, items: string[]): string[] {
  if (!items.length) return [];
  return [`${items.length} ${kind}: ${items.slice(0, MAX_LISTED).join(", ")}${items.length > MAX_LISTED ? ", …" : ""}`];
}

/**
 * What is wrong between several stacks on shared phone numbers and CAMS; empty when every declared
 * resource of every stack owns exactly one live code with its declared content, no code is owned
 * twice (within a stack or across stacks), no live code on the numbers is owned by none, and no
 * operation is left pending. `codes` are CAMS's codes on the stacks' phone numbers.
 */
export function stacksViolations(stacks: StackView[], codes: QrdlRecord[]): string[] {
  const live = new Map(codes.map((c) => [c.qrdlCode, c]));
  const owners = new Map<string, string[]>();
  const found: string[] = [];
  for (const s of stacks) {
    const inState = s.deployment.resources.filter((r) => r.type === PHONE_MESSAGE_QRDL_TYPE);
    const byName = new Map<string, string[]>();
    for (const r of inState) {
      const name = r.urn.slice(r.urn.lastIndexOf("::") + 2);
      const code = String(r.outputs?.qrdlCode);
      byName.set(name, [...(byName.get(name) ?? []), code]);
      owners.set(code, [...(owners.get(code) ?? []), `${s.name}/${name}`]);
    }
    const declared = new Map(s.declared.map((d) => [d.name, d]));
    found.push(
      ...problems(`${s.name}: declared resources not in the state`, s.declared.filter((d) => !byName.has(d.name)).map((d) => d.name)),
      ...problems(`${s.name}: resources in the state more than once`, [...byName].filter(([, c]) => c.length > 1).map(([n]) => n)),
      ...problems(`${s.name}: undeclared resources in the state`, [...byName.keys()].filter((n) => !declared.has(n))),
      ...problems(`${s.name}: resources whose code CAMS does not hold`, [...byName].filter(([, c]) => !live.has(c[0])).map(([n, c]) => `${n} (${c[0]})`)),
      ...problems(
        `${s.name}: resources whose live code differs from the declaration`,
        [...byName].filter(([n, c]) => declared.has(n) && live.has(c[0]) && !matches(live.get(c[0])!, declared.get(n)!)).map(([n]) => n),
      ),
      ...problems(`${s.name}: pending operations`, s.deployment.pendingOperations.map((op) => `${op.type} ${op.resource.urn.slice(op.resource.urn.lastIndexOf("::") + 2)}`)),
    );
  }
  found.push(
    ...problems("codes owned by several resources", [...owners].filter(([, o]) => o.length > 1).map(([code, o]) => `${code} (${o.join(", ")})`)),
    ...problems("orphaned codes in CAMS (owned by no stack)", codes.filter((c) => !owners.has(c.qrdlCode)).map((c) => c.qrdlCode)),
  );
  return found;
}

function matches(code: QrdlRecord, d: CodeDeclaration): boolean {
  return code.phoneNumber === d.phoneNumber && code.prefilledMessage === d.prefilledMessage;
}

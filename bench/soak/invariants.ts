import type { QrdlRecord } from "../../emulator";
import { PHONE_MESSAGE_QRDL_TYPE } from "../../provider/resource/phoneMessageQrdl";
import type { Deployment } from "../engine/benchStack";
import type { CodeDeclaration } from "../engine/declarations";

const MAX_LISTED = 10;

function nameOf(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

function problems(kind: string, items: string[]): string[] {
  if (!items.length) return [];
  const shown = items.slice(0, MAX_LISTED).join(", ");
  return [`${items.length} ${kind}: ${shown}${items.length > MAX_LISTED ? ", …" : ""}`];
}

/**
 * What is wrong between the program, the stack's state and CAMS; empty when every declared code exists
 * exactly once with its declared content, the state holds exactly those codes, nothing in CAMS is
 * orphaned and no operation is left pending. `codes` are CAMS's codes on the program's phone numbers.
 */
export function invariantViolations(declared: CodeDeclaration[], deployment: Deployment, codes: QrdlRecord[]): string[] {
  const inState = deployment.resources.filter((r) => r.type === PHONE_MESSAGE_QRDL_TYPE);
  const byName = new Map<string, typeof inState>();
  for (const r of inState) byName.set(nameOf(r.urn), [...(byName.get(nameOf(r.urn)) ?? []), r]);
  const live = new Map(codes.map((c) => [c.qrdlCode, c]));
  const stateCodes = inState.map((r) => String(r.outputs?.qrdlCode));
  const declaredNames = new Set(declared.map((d) => d.name));

  const wrongContent = declared.filter((d) => {
    const code = live.get(String(byName.get(d.name)?.[0]?.outputs?.qrdlCode));
    return code && (code.phoneNumber !== d.phoneNumber || code.prefilledMessage !== d.prefilledMessage);
  });
  const copies = (d: CodeDeclaration) => codes.filter((c) => c.phoneNumber === d.phoneNumber && c.prefilledMessage === d.prefilledMessage).length;
  return [
    ...problems("declared codes missing from the state", declared.filter((d) => !byName.has(d.name)).map((d) => d.name)),
    ...problems("declared codes in the state more than once", declared.filter((d) => (byName.get(d.name)?.length ?? 0) > 1).map((d) => d.name)),
    ...problems("undeclared codes in the state", [...byName.keys()].filter((n) => !declaredNames.has(n))),
    ...problems("state codes CAMS does not hold", inState.filter((r) => !live.has(String(r.outputs?.qrdlCode))).map((r) => nameOf(r.urn))),
    ...problems("state codes shared by several resources", stateCodes.filter((c, i) => stateCodes.indexOf(c) !== i)),
    ...problems("codes whose CAMS content differs from the declaration", wrongContent.map((d) => d.name)),
    ...problems("declarations CAMS holds other than exactly once", declared.filter((d) => copies(d) !== 1).map((d) => `${d.name} (${copies(d)}×)`)),
    ...problems("orphaned codes in CAMS (not in the state)", codes.filter((c) => !stateCodes.includes(c.qrdlCode)).map((c) => `${c.qrdlCode} "${c.prefilledMessage}"`)),
    ...problems("pending operations in the state", deployment.pendingOperations.map((op) => `${op.type} ${nameOf(op.resource.urn)}`)),
  ];
}

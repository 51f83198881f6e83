import * as fs from "fs";
import * as path from "path";
import type { Lister } from "../../provider/lifecycle/directory";
import type { BenchStack } from "../engine/benchStack";
import { ExportedDeployment, applyPlan, listingKey, planPendingCreates, targetsToList } from "./pendingCreates";

/** What recovering an interrupted stack took. */
export interface Recovery {
  /** Empty `*.attrs` files removed from the file backend (a kill mid-write leaves them; the CLI then fails with "failed to load checkpoint: EOF"). */
  repairedFiles: string[];
  /** Lock files `pulumi cancel` removed. */
  locksRemoved: number;
  /** The interrupted operations the state recorded, by type (`creating`, `updating`, `deleting`). */
  pendingOperations: Record<string, number>;
  /** Interrupted creates whose code was found in CAMS and imported. */
  imported: Array<{ urn: string; id: string }>;
  /** Interrupted creates that made no code, dropped from the state. */
  cleared: string[];
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** The file backend writes `<file>.attrs` in place (not atomically): a kill can leave it empty, and empty it fails every load. */
export function removeEmptyAttrs(backendDir: string): string[] {
  const empty = filesUnder(path.join(backendDir, ".pulumi")).filter((f) => f.endsWith(".attrs") && fs.statSync(f).size === 0);
  for (const f of empty) fs.rmSync(f);
  return empty;
}

function countLocks(backendDir: string): number {
  return filesUnder(path.join(backendDir, ".pulumi", "locks")).filter((f) => f.endsWith(".json")).length;
}

/**
 * The recovery docs/operations.md describes, step by step: repair the file backend, `pulumi cancel`,
 * `pulumi stack export`, list the codes of every phone number with an interrupted create, move the
 * creates that made a code into the resources and drop the others, `pulumi stack import`, then
 * `pulumi refresh` (which also settles interrupted updates and deletes). A `pulumi up` afterwards converges.
 */
export async function recoverInterruptedStack(bench: BenchStack, cams: Lister): Promise<Recovery> {
  const repairedFiles = removeEmptyAttrs(bench.backendDir);
  const locksRemoved = countLocks(bench.backendDir);
  await bench.stack.cancel();
  const exported = await bench.stack.exportStack();
  const deployment = exported.deployment as ExportedDeployment;
  const pendingOperations: Record<string, number> = {};
  for (const op of deployment.pending_operations ?? []) pendingOperations[op.type] = (pendingOperations[op.type] ?? 0) + 1;

  const listings = new Map<string, Awaited<ReturnType<Lister["listQrdls"]>>>();
  for (const target of targetsToList(deployment)) listings.set(listingKey(target), await cams.listQrdls(target));
  const plan = planPendingCreates(deployment, listings);

  await bench.stack.importStack({ ...exported, deployment: applyPlan(deployment, plan) });
  await bench.stack.refresh();
  return { repairedFiles: repairedFiles.map((f) => path.relative(bench.backendDir, f)), locksRemoved, pendingOperations, imported: plan.imports, cleared: plan.clears };
}

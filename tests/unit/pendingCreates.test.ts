import { strict as assert } from "assert";
import { ExportedDeployment, applyPlan, listingKey, planPendingCreates, targetsToList } from "../../bench/soak/pendingCreates";
import type { QrdlRecord } from "../../provider/client/operations";
import { PHONE_MESSAGE_QRDL_TYPE } from "../../provider/resource/phoneMessageQrdl";

const PHONE = "8615800000001";
const urn = (name: string) => `urn:pulumi:dev::p::${PHONE_MESSAGE_QRDL_TYPE}::${name}`;

function code(qrdlCode: string, prefilledMessage: string, phoneNumber = PHONE): QrdlRecord {
  return { phoneNumber, qrdlCode, prefilledMessage, generateQrImage: "PNG", deepLinkUrl: `https://wa.me/message/${qrdlCode}`, qrImageUrl: "" };
}

function pendingCreate(name: string, prefilledMessage: string, extra: Record<string, unknown> = {}) {
  return {
    type: "creating",
    resource: { urn: urn(name), type: PHONE_MESSAGE_QRDL_TYPE, inputs: { __provider: "stub", phoneNumber: PHONE, prefilledMessage, generateQrImage: "PNG" }, ...extra },
  };
}

/** A state after a kill: one code recorded, three creates interrupted. */
const DEPLOYMENT: ExportedDeployment = {
  manifest: { version: "v3.259.0" },
  resources: [{ urn: urn("kept"), type: PHONE_MESSAGE_QRDL_TYPE, id: `${PHONE}/KEPT1`, outputs: { qrdlCode: "KEPT1", prefilledMessage: "same" } }],
  pending_operations: [
    pendingCreate("answered", "a", { id: `${PHONE}/ANSWERED1` }),
    pendingCreate("lost", "same"),
    pendingCreate("never-sent", "b"),
    { type: "updating", resource: { urn: urn("kept"), type: PHONE_MESSAGE_QRDL_TYPE } },
  ],
};

describe("recovery plan for creates interrupted by a kill", () => {
  const listing = new Map([[listingKey({ phoneNumber: PHONE }), [code("KEPT1", "same"), code("ANSWERED1", "a"), code("LOST1", "same"), code("OTHER1", "b-but-not-quite")]]]);

  it("lists each phone number with an interrupted create once", () => {
    assert.deepEqual(targetsToList(DEPLOYMENT), [{ phoneNumber: PHONE }]);
  });

  it("imports the code an answered create carries, and the unclaimed code with a lost create's exact content", () => {
    const plan = planPendingCreates(DEPLOYMENT, listing);
    assert.deepEqual(plan.imports, [
      { urn: urn("answered"), id: `${PHONE}/ANSWERED1` },
      { urn: urn("lost"), id: `${PHONE}/LOST1` },
    ]);
  });

  it("never hands a lost create a code the state already holds, and clears a create whose content no code has", () => {
    const withoutLost = new Map([[listingKey({ phoneNumber: PHONE }), [code("KEPT1", "same")]]]);
    assert.deepEqual(planPendingCreates(DEPLOYMENT, withoutLost).clears, [urn("answered"), urn("lost"), urn("never-sent")]);
  });

  it("gives two lost creates with the same content two different codes", () => {
    const twins: ExportedDeployment = { resources: [], pending_operations: [pendingCreate("one", "twin"), pendingCreate("two", "twin")] };
    const plan = planPendingCreates(twins, new Map([[listingKey({ phoneNumber: PHONE }), [code("T1", "twin"), code("T2", "twin")]]]));
    assert.deepEqual(plan.imports.map((i) => i.id).sort(), [`${PHONE}/T1`, `${PHONE}/T2`]);
  });

  it("moves imported creates into the resources with their id and inputs as outputs, and keeps only other pending operations", () => {
    const edited = applyPlan(DEPLOYMENT, planPendingCreates(DEPLOYMENT, listing));
    const adopted = edited.resources!.find((r) => r.urn === urn("lost"));
    assert.equal(adopted?.id, `${PHONE}/LOST1`);
    assert.equal(adopted?.outputs?.__provider, "stub", "the refresh needs the serialized provider in the outputs");
    assert.deepEqual(edited.pending_operations!.map((op) => op.type), ["updating"]);
    assert.deepEqual(edited.manifest, DEPLOYMENT.manifest, "fields recovery does not edit are kept");
    assert.equal(edited.resources!.length, 3);
  });
});

import { strict as assert } from "node:assert";
import type { CamsEmulator } from "../../emulator";
import { camsClient, expectSdkError, listCodes, startEmulator } from "./support/harness";

describe("emulator: flow control per AccessKeyId", () => {
  let emulator: CamsEmulator;
  let now: number;

  before(async () => {
    // A hand-driven clock makes the one-second window exact; timestamps stay within the 15-minute skew.
    now = Date.now();
    emulator = await startEmulator({ behaviour: { qpsPerAccessKey: 5 }, clock: () => now });
  });
  after(() => emulator.close());

  it("admits 5 calls in a second, answers the 6th with System.LimitControl (400), and admits again a second later", async () => {
    const client = camsClient(emulator);
    for (let i = 0; i < 5; i++) await listCodes(client);
    await expectSdkError(listCodes(client), "System.LimitControl", 400);
    now += 1000;
    await listCodes(client);
  });

  it("counts calls of all four operations together, and throttled calls are logged", async () => {
    now += 1000;
    emulator.resetCalls();
    const client = camsClient(emulator);
    for (let i = 0; i < 5; i++) await listCodes(client);
    await expectSdkError(
      client.deletePhoneMessageQrdl({ phoneNumber: "8615800000000", qrdlCode: "ANY" } as never),
      "System.LimitControl",
      400,
    );
    assert.deepEqual(emulator.calls().map((c) => c.code).slice(-1), ["System.LimitControl"]);
  });

  it("is unlimited with qpsPerAccessKey 0", async () => {
    now += 1000;
    emulator.configure({ qpsPerAccessKey: 0 });
    try {
      const client = camsClient(emulator);
      for (let i = 0; i < 12; i++) await listCodes(client);
    } finally {
      emulator.configure({ qpsPerAccessKey: 5 });
    }
  });

  it("injects extra System.LimitControl answers with faults.throttleRate", async () => {
    now += 1000;
    emulator.configure({ faults: { throttleRate: 1 } });
    try {
      await expectSdkError(listCodes(camsClient(emulator)), "System.LimitControl", 400);
    } finally {
      emulator.configure({ faults: { throttleRate: 0 } });
    }
  });
});

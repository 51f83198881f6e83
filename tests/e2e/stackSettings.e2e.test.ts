import { strict as assert } from "assert";
import { useEngineStack } from "./harness";

/** A stack beside other Alibaba Cloud resources, under the real engine: settings CAMS must and must not follow. */
describe("stack settings under the real Pulumi engine", function () {
  this.timeout(300_000);
  const { emulator, engine } = useEngineStack("stack-settings");
  before(() => {
    engine().declared = [{ name: "store-7", args: { phoneNumber: "+86 158-0000-0000", prefilledMessage: "Hi, store 7" } }];
  });

  it("a malformed cams:endpoint fails the preview, naming the setting, before CAMS is called", async () => {
    await engine().stack.setConfig("cams:endpoint", { value: `http://${emulator().endpoint}/cams` });
    emulator().resetCalls();
    await assert.rejects(engine().stack.preview(), (e: Error) => {
      assert.match(e.message, /cams:endpoint "http:\/\/[^"]+\/cams" is not a host with an optional port/);
      return true;
    });
    assert.deepEqual(emulator().calls(), []);
  });

  it("alicloud:region cn-hangzhou does not move CAMS: without cams:endpoint the call goes to the ap-southeast-1 endpoint", async () => {
    await engine().stack.removeConfig("cams:endpoint");
    await engine().stack.removeConfig("cams:protocol");
    await engine().stack.setConfig("alicloud:region", { value: "cn-hangzhou" });
    // Offline the host does not resolve; online CAMS refuses the demo key: either way the error names where the call went.
    await assert.rejects(engine().stack.up(), (e: Error) => {
      assert.match(e.message, /endpoint https:\/\/cams\.ap-southeast-1\.aliyuncs\.com|https:\/\/cams\.ap-southeast-1\.aliyuncs\.com/);
      assert.doesNotMatch(e.message, /cams\.cn-hangzhou/);
      return true;
    });
  });

  it("with cams:endpoint written as an http:// URL beside alicloud:region, up creates the code in CAMS", async () => {
    await engine().stack.setConfig("cams:endpoint", { value: `http://${emulator().endpoint}` });
    await engine().stack.up();
    assert.equal(emulator().codes().length, 1);
  });
});

import { strict as assert } from "assert";
import { resolveSettings } from "../../provider/client/settings";
import { InvalidSettingError } from "../../provider/errors/configErrors";

const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });
/** A stack whose other Alibaba Cloud resources live in Hangzhou, as the issue's CI stack. */
const OTHER_REGION_ENV = { ALIBABA_CLOUD_REGION_ID: "cn-hangzhou", ALICLOUD_REGION: "cn-beijing" };

describe("settings: what decides the CAMS endpoint", () => {
  for (const region of ["cn-hangzhou", "eu-central-1", "ap-southeast-5"]) {
    it(`alicloud:region ${region} (and the region variables) never move CAMS off ap-southeast-1`, () => {
      const settings = resolveSettings(config({ "alicloud:region": region }), OTHER_REGION_ENV);
      assert.equal(settings.regionId, "ap-southeast-1");
      assert.equal(settings.endpoint, "cams.ap-southeast-1.aliyuncs.com");
      assert.equal(settings.protocol, "HTTPS");
    });
  }

  it("cams:region, then CAMS_REGION, choose CAMS's region and so its endpoint", () => {
    assert.equal(resolveSettings(config({ "cams:region": "ap-southeast-5", "alicloud:region": "cn-hangzhou" }), { CAMS_REGION: "x-y-1" }).endpoint, "cams.ap-southeast-5.aliyuncs.com");
    assert.equal(resolveSettings(config({ "alicloud:region": "cn-hangzhou" }), { CAMS_REGION: "ap-southeast-5" }).endpoint, "cams.ap-southeast-5.aliyuncs.com");
  });

  it("cams:endpoint wins over the region", () => {
    const settings = resolveSettings(config({ "cams:endpoint": "127.0.0.1:8790", "cams:region": "ap-southeast-5" }), {});
    assert.equal(settings.endpoint, "127.0.0.1:8790");
  });

  /** [written endpoint, cams:protocol or undefined, the endpoint and protocol used] */
  const ACCEPTED: Array<[string, string | undefined, string, "HTTP" | "HTTPS"]> = [
    ["http://127.0.0.1:8790", undefined, "127.0.0.1:8790", "HTTP"],
    ["HTTP://localhost:8790/", "HTTP", "localhost:8790", "HTTP"],
    ["https://cams.ap-southeast-1.aliyuncs.com/", undefined, "cams.ap-southeast-1.aliyuncs.com", "HTTPS"],
    [" cams-proxy.internal:443 ", "https", "cams-proxy.internal:443", "HTTPS"],
    ["[::1]:8790", "HTTP", "[::1]:8790", "HTTP"],
  ];
  for (const [written, protocol, endpoint, used] of ACCEPTED) {
    it(`cams:endpoint "${written}"${protocol ? ` with cams:protocol ${protocol}` : ""} calls ${used} ${endpoint}`, () => {
      const settings = resolveSettings(config({ "cams:endpoint": written, ...(protocol ? { "cams:protocol": protocol } : {}) }), {});
      assert.deepEqual([settings.endpoint, settings.protocol], [endpoint, used]);
    });
  }

  /** [what is wrong, stack config, environment, the setting the error must name] */
  const REFUSED: Array<[string, Record<string, string>, NodeJS.ProcessEnv, string]> = [
    ["a scheme that contradicts cams:protocol", { "cams:endpoint": "http://127.0.0.1:8790", "cams:protocol": "HTTPS" }, {}, "cams:endpoint"],
    ["a scheme that contradicts CAMS_PROTOCOL", {}, { CAMS_ENDPOINT: "https://127.0.0.1:8790", CAMS_PROTOCOL: "HTTP" }, "CAMS_ENDPOINT"],
    ["a scheme other than http or https", { "cams:endpoint": "ftp://127.0.0.1:8790" }, {}, "cams:endpoint"],
    ["a path", { "cams:endpoint": "127.0.0.1:8790/api" }, {}, "cams:endpoint"],
    ["a port out of range", {}, { CAMS_ENDPOINT: "127.0.0.1:70000" }, "CAMS_ENDPOINT"],
    ["spaces inside", { "cams:endpoint": "cams ap-southeast-1" }, {}, "cams:endpoint"],
    ["a region that is not a region id", { "cams:region": "Singapore" }, {}, "cams:region"],
    ["a protocol that is neither HTTP nor HTTPS", {}, { CAMS_PROTOCOL: "ftp" }, "CAMS_PROTOCOL"],
    ["a rate that is not a number", { "cams:maxCallsPerSecond": "fast" }, {}, "cams:maxCallsPerSecond"],
  ];
  for (const [what, stack, env, setting] of REFUSED) {
    it(`refuses ${what} up front, naming ${setting}`, () => {
      assert.throws(() => resolveSettings(config(stack), env), (e: unknown) => {
        assert.ok(e instanceof InvalidSettingError, `expected an InvalidSettingError, got ${String(e)}`);
        assert.equal(e.setting, setting);
        assert.ok(e.message.startsWith(setting), e.message);
        return true;
      });
    });
  }

  it("never echoes an endpoint with user information (it may hold a password)", () => {
    assert.throws(() => resolveSettings(config({ "cams:endpoint": "https://user:hunter2-pass@cams.example" }), {}), (e: unknown) => e instanceof InvalidSettingError && !e.message.includes("hunter2-pass"));
  });
});

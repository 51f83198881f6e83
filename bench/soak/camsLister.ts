import { DEMO_CREDENTIAL, type CamsEmulator } from "../../emulator";
import { CamsClient } from "../../provider/client/camsClient";
import { CredentialChain } from "../../provider/client/credentials";
import { resolveSettings } from "../../provider/client/settings";
import type { Lister } from "../../provider/lifecycle/directory";

/** The package's own CAMS client pointed at the emulator, as an operator's recovery script would build it. */
export function camsLister(emulator: CamsEmulator): Lister {
  const values: Record<string, string> = {
    "cams:endpoint": emulator.endpoint,
    "cams:protocol": "HTTP",
    "alicloud:accessKey": DEMO_CREDENTIAL.accessKeyId,
    "alicloud:secretKey": DEMO_CREDENTIAL.accessKeySecret,
  };
  const config = { get: (key: string) => values[key] };
  return new CamsClient(resolveSettings(config, {}), new CredentialChain(config, {}));
}

import * as pulumi from "@pulumi/pulumi";
import { PHONE_MESSAGE_QRDL_TOKEN } from "../../provider/plugin/camsPlugin";

/** The plugin's `cams:index:PhoneMessageQrdl`, declared from TypeScript as a generated SDK would. */
export class PluginQrdl extends pulumi.CustomResource {
  constructor(name: string, args: { phoneNumber: string; prefilledMessage: string }, opts?: pulumi.CustomResourceOptions) {
    super(PHONE_MESSAGE_QRDL_TOKEN, name, args, opts);
  }
}

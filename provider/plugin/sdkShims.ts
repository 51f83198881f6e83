import { createRequire } from "module";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import type * as structTypes from "google-protobuf/google/protobuf/struct_pb";

/** The provider's configuration as the engine sends it in Configure: keys without namespace. */
export type ConfigureArgs = Record<string, unknown>;

let installed = false;

/**
 * Two gaps of the Node.js SDK's provider server (`@pulumi/pulumi/provider`, 3.248), closed before
 * `main` starts serving; both touch only how requests are decoded, never what the server does.
 * - Read calls `req.getProperties().toJavaScript()`, but `pulumi import` sends a Read without
 *   properties: an unset field now reads as an empty struct instead of crashing the plugin.
 * - Configure answers without handing the configuration to the provider: each decoded request's
 *   arguments are passed to `onConfigure` before the server answers it.
 */
export function installSdkShims(onConfigure: (args: ConfigureArgs) => void): void {
  if (installed) throw new Error("the SDK shims are installed once per process");
  installed = true;

  const readRequest = provproto.ReadRequest.prototype;
  const getProperties = readRequest.getProperties;
  readRequest.getProperties = function (this: provproto.ReadRequest) {
    return this.hasProperties() ? getProperties.call(this) : new (structOfPulumi().Struct)();
  };

  const configure = provrpc.ResourceProviderService.configure;
  const decode = configure.requestDeserialize;
  configure.requestDeserialize = (bytes: Buffer) => {
    const request = decode(bytes);
    onConfigure(configureArgs(request));
    return request;
  };
}

/** The `args` of a Configure request, or its legacy `variables` (`cams:config:endpoint`) when absent. */
function configureArgs(request: provproto.ConfigureRequest): ConfigureArgs {
  if (request.hasArgs()) return request.getArgs()!.toJavaScript();
  const args: ConfigureArgs = {};
  for (const [key, value] of request.getVariablesMap().entries()) args[key.replace(/^[^:]*:config:/, "")] = value;
  return args;
}

/** The protobuf Struct of the library @pulumi/pulumi's generated messages were built with. */
function structOfPulumi(): typeof structTypes {
  return createRequire(require.resolve("@pulumi/pulumi/proto/provider_pb"))("google-protobuf/google/protobuf/struct_pb");
}

import { createRequire } from "module";
import type * as grpcTypes from "@grpc/grpc-js";
import * as engineRpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as enginePb from "@pulumi/pulumi/proto/engine_pb";

/** Sends a warning to whoever reads the preview; resolves once it was delivered. */
export type Warn = (message: string, urn?: string) => Promise<void>;

const engines = new Map<string, engineRpc.EngineClient>();

/**
 * Warnings through the engine's Log service, shown under the resource in `pulumi preview` and `up`.
 * The dynamic provider host is started with the engine's address as its only argument.
 */
export const engineWarn: Warn = (message, urn) => {
  const address = process.argv[1]?.includes("dynamic-provider") ? process.argv[2] : undefined;
  return warnThroughEngine(address)(message, urn);
};

/** Warnings through the Log service of the engine at `address` (a provider plugin is told it at start). */
export function warnThroughEngine(address: string | undefined): Warn {
  return (message, urn) => {
    if (!address) return toStderr(message);
    let engine = engines.get(address);
    if (!engine) engines.set(address, (engine = new engineRpc.EngineClient(address, grpcOfPulumi().credentials.createInsecure())));
    const request = new enginePb.LogRequest();
    request.setSeverity(enginePb.LogSeverity.WARNING);
    request.setMessage(message);
    request.setUrn(urn ?? "");
    request.setEphemeral(false);
    return new Promise((resolve) => engine.log(request, (error) => (error ? toStderr(message).then(resolve) : resolve())));
  };
}

function toStderr(message: string): Promise<void> {
  process.stderr.write(`warning: ${message}\n`);
  return Promise.resolve();
}

/** The gRPC library @pulumi/pulumi's generated clients were built with (credentials must match it). */
function grpcOfPulumi(): typeof grpcTypes {
  return createRequire(require.resolve("@pulumi/pulumi/proto/engine_grpc_pb"))("@grpc/grpc-js");
}

import * as pulumi from "@pulumi/pulumi";

/** The inputs the baseline resource takes: the same shape a PhoneMessageQrdl is declared with. */
export interface NoopArgs {
  phoneNumber: string;
  prefilledMessage: string;
}

/** A dynamic provider that calls nothing: what the engine and the provider host cost on their own. */
const noopProvider: pulumi.dynamic.ResourceProvider = {
  create: async (inputs) => ({ id: `${inputs.phoneNumber}/${inputs.prefilledMessage}`, outs: inputs }),
  update: async (_id, _olds, news) => ({ outs: news }),
  delete: async () => undefined,
};

/** The benchmark's baseline: a dynamic resource as cheap as the engine allows. */
export class NoopResource extends pulumi.dynamic.Resource {
  constructor(name: string, args: NoopArgs, opts?: pulumi.CustomResourceOptions) {
    super(noopProvider, name, args, opts, "bench", "Noop");
  }
}
